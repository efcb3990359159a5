package io.streamdesk.service.dependencies;

import io.streamdesk.model.Draft;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.JobService;
import io.streamdesk.service.JobSqlContexts;
import io.streamdesk.service.port.DependencyFileStore;
import io.streamdesk.service.port.DependencyStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;

/**
 * Dependencies (DP1-DP3): upload a JAR or a configuration file as a new dependency or as its next version, list them
 * and their versions, show a configuration file, remove what no draft or job version references. The name is the
 * file's name and never changes; the file goes to the content-addressed file store and the metadata to the database.
 * Jobs reference dependency versions ({@link #useInDraft}); publishing freezes the draft's references (V1), and the
 * check, the compile and the run get the verified files through {@link #jarFiles} (DP4).
 * Everything here does I/O: call it off the FX thread.
 */
public final class DependencyService implements JobSqlContexts.JarFiles {
    /** At most this many versions of one dependency are kept (DP2); a 21st upload is refused. */
    public static final int MAX_VERSIONS = 20;
    public static final int MAX_DESCRIPTION = 1000;
    /** At most this many dependencies per job (S3). */
    public static final int MAX_PER_JOB = 100;
    /** How many referencing jobs a refusal names before "and N more". */
    private static final int NAMED_USES = 10;

    private final DependencyStore store;
    private final DependencyFileStore files;
    private final Clock clock;
    private volatile JobService jobs;
    /**
     * Adding and removing in one process queue here: a removal deletes a file no version has any more, and an upload
     * of the same content between its check and its delete would otherwise lose its file.
     */
    private final Object fileLock = new Object();

    public DependencyService(DependencyStore store, DependencyFileStore files, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.files = Objects.requireNonNull(files, "files");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The jobs whose drafts {@link #useInDraft} changes; set by the composition root. */
    public DependencyService withJobs(JobService jobService) {
        this.jobs = Objects.requireNonNull(jobService, "jobService");
        return this;
    }

    /**
     * Uploads {@code file}: a new dependency named after it (version 1), or the next version of the dependency of
     * that name. A {@code .jar} is a JAR (at most 50 MB, must be a readable jar), anything else a configuration file
     * (at most 2 MB).
     */
    public DependencyVersion add(Path file, String description) {
        Objects.requireNonNull(file, "file");
        String text = description(description);
        if (file.getFileName() == null) {
            throw new InputRejectedException("File: " + file + " is not a file.");
        }
        String name = DependencyNames.require(file.getFileName().toString());
        if (!Files.isRegularFile(file)) {
            throw new InputRejectedException("File: " + file + (Files.exists(file) ? " is not a regular file."
                    : " does not exist."));
        }
        if (!Files.isReadable(file)) {
            throw new InputRejectedException("File: " + file + " cannot be read (permissions).");
        }
        DependencyKind kind = DependencyKind.forFileName(name);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputRejectedException("File: " + file + " cannot be read: " + e.getMessage());
        }
        if (size > kind.maxBytes()) {
            throw tooLarge(name, kind, size);
        }
        store.find(name).ifPresent(existing -> {
            if (existing.versionCount() >= MAX_VERSIONS) {
                throw versionLimit(name, existing.versionCount());
            }
        });
        synchronized (fileLock) {
            DependencyFileStore.StoredContent content;
            try {
                content = files.put(file, kind, kind.maxBytes(),
                        kind == DependencyKind.JAR ? staged -> JarCheck.require(staged, name) : null);
            } catch (DependencyFileStore.TooLargeException e) {
                throw tooLarge(name, kind, e.size()); // it grew while it was read
            }
            try {
                return store.add(name, kind, text, content.sha256(), content.size(), clock.instant(), MAX_VERSIONS);
            } catch (DependencyStore.VersionLimitException e) {
                dropUnused(content.sha256(), kind);
                throw new InputRejectedException(e.getMessage());
            } catch (RuntimeException e) {
                dropUnused(content.sha256(), kind);
                throw e;
            }
        }
    }

    private static InputRejectedException tooLarge(String name, DependencyKind kind, long size) {
        return new InputRejectedException(name + ": " + DependencyKind.formatSize(size) + " ("
                + String.format(Locale.ROOT, "%,d", size) + " bytes) is over the limit of "
                + DependencyKind.formatSize(kind.maxBytes()) + " for a " + kind.label() + ".");
    }

    private static InputRejectedException versionLimit(String name, int kept) {
        return new InputRejectedException(name + " already has " + kept + " versions, the most a dependency keeps ("
                + MAX_VERSIONS + "): remove a version nothing references before uploading another.");
    }

    private static String description(String description) {
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION) {
            throw new InputRejectedException("Description: at most " + MAX_DESCRIPTION + " characters (got "
                    + d.length() + ").");
        }
        if (d.chars().anyMatch(Character::isISOControl)) {
            throw new InputRejectedException("Description: one line, without tabs or line breaks.");
        }
        return d;
    }

    /** All dependencies, by name. */
    public List<Dependency> list() {
        return store.list();
    }

    /** The dependency of that name; refused when there is none. */
    public Dependency dependency(String name) {
        return store.find(name).orElseThrow(() -> unknown(name));
    }

    /** Its versions, newest first; refused when there is no such dependency. */
    public List<DependencyVersion> versions(String name) {
        List<DependencyVersion> all = store.versions(name);
        if (all.isEmpty()) {
            throw unknown(name);
        }
        return all;
    }

    public DependencyVersion version(String name, int version) {
        return store.version(name, version).orElseThrow(() -> {
            if (store.find(name).isEmpty()) {
                return unknown(name);
            }
            return new InputRejectedException("Dependency " + name + " has no version " + version + "; its versions: "
                    + String.join(", ", store.versions(name).stream().map(v -> "@" + v.version()).toList()) + ".");
        });
    }

    private static InputRejectedException unknown(String name) {
        return new InputRejectedException("No dependency named " + name + "; `dep list` shows them, `dep add FILE` "
                + "uploads one.");
    }

    /** The text of a configuration file version (DP2), checked against its hash; refused for a JAR. */
    public ConfigFileContent content(String name, int version) {
        DependencyVersion v = version(name, version);
        if (v.kind() != DependencyKind.CONFIG_FILE) {
            throw new InputRejectedException(v.label() + " is a JAR: only a configuration file's content is shown.");
        }
        byte[] bytes = files.read(v.sha256(), v.kind(), DependencyKind.CONFIG_FILE.maxBytes());
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                return new ConfigFileContent(name, version, bytes.length, "", true);
            }
            return new ConfigFileContent(name, version, bytes.length, text, false);
        } catch (CharacterCodingException e) {
            return new ConfigFileContent(name, version, bytes.length, "", true);
        }
    }

    /** The drafts and job versions that reference any version of {@code name} (DP3). */
    public List<DependencyUse> referencedBy(String name) {
        dependency(name);
        return store.references(name);
    }

    /** Removes the dependency and all its versions; refused while a draft or job version references one of them. */
    public void remove(String name) {
        List<DependencyVersion> kept = versions(name);
        synchronized (fileLock) {
            List<DependencyUse> uses = store.remove(name);
            if (!uses.isEmpty()) {
                throw referenced(name, uses);
            }
            kept.forEach(v -> dropUnused(v.sha256(), v.kind()));
        }
    }

    /** Removes one version; refused while a draft or job version references it. */
    public void remove(String name, int version) {
        DependencyVersion v = version(name, version);
        synchronized (fileLock) {
            List<DependencyUse> uses = store.removeVersion(name, version);
            if (!uses.isEmpty()) {
                throw referenced(v.label(), uses);
            }
            dropUnused(v.sha256(), v.kind());
        }
    }

    private static InputRejectedException referenced(String what, List<DependencyUse> uses) {
        boolean oneVersion = uses.stream().map(DependencyUse::dependencyVersion).distinct().count() == 1
                && what.contains("@");
        List<String> named = uses.stream().limit(NAMED_USES)
                .map(u -> u.describe() + (oneVersion ? "" : " (uses @" + u.dependencyVersion() + ")")).toList();
        String more = uses.size() > NAMED_USES ? " and " + (uses.size() - NAMED_USES) + " more" : "";
        return new InputRejectedException(what + " cannot be removed: it is referenced by " + String.join("; ", named)
                + more + ". Remove it from those drafts and delete those job versions first.");
    }

    /**
     * The dependency versions {@code specs} name ({@code name@3}), with their hashes; refused for an unknown dependency
     * or version, a dependency named twice, or more than {@value #MAX_PER_JOB}. Order kept.
     */
    public List<DependencyRef> resolve(List<DependencyRef> specs) {
        if (specs.size() > MAX_PER_JOB) {
            throw new InputRejectedException("Dependencies: at most " + MAX_PER_JOB + " per job (got " + specs.size()
                    + ").");
        }
        Set<String> names = new HashSet<>();
        List<DependencyRef> resolved = new ArrayList<>();
        for (DependencyRef spec : specs) {
            if (!names.add(spec.name())) {
                throw new InputRejectedException("Dependencies: " + spec.name() + " is named twice; a job uses one "
                        + "version of a dependency.");
            }
            DependencyVersion v = version(spec.name(), spec.version());
            if (spec.sha256() != null && !spec.sha256().equals(v.sha256())) {
                throw new InputRejectedException("Dependencies: " + spec + " has sha256 " + v.sha256() + ", not "
                        + spec.sha256() + ".");
            }
            resolved.add(spec.withSha256(v.sha256()));
        }
        return resolved;
    }

    /** Parses {@code name@version} texts (the CLI's and the job page's form) and {@link #resolve}s them. */
    public List<DependencyRef> resolveTexts(List<String> texts) {
        List<DependencyRef> specs = new ArrayList<>();
        for (String text : texts) {
            try {
                specs.add(DependencyRef.parse(text));
            } catch (IllegalArgumentException e) {
                throw new InputRejectedException("Dependencies: " + e.getMessage() + ".");
            }
        }
        return resolve(specs);
    }

    /**
     * Sets the dependency versions of the job's draft (DP3, DP4), replacing the ones it had: JARs (connectors, UDFs:
     * on the class path of the check, the compile and the run) and configuration files. Publishing freezes them.
     */
    public Draft useInDraft(JobId job, List<DependencyRef> specs) {
        JobService jobService = Objects.requireNonNull(jobs, "jobs (withJobs)");
        List<DependencyRef> refs = resolve(specs);
        JobConfig config = jobService.draft(job).map(Draft::config).orElse(JobConfig.defaults());
        jobService.job(job);
        return jobService.saveConfig(job, config.withDependencies(refs));
    }

    /**
     * The seam's hook (DP4): the verified files of the JARs among {@code refs}, in their order, for the class loader
     * of the check, the compile and the run and to ship with the job. Every ref must name a kept version with the
     * ref's hash, and its file must still have that hash (configuration files are verified too, but are not jars).
     */
    @Override
    public List<Path> files(List<DependencyRef> refs) {
        List<Path> jars = new ArrayList<>();
        for (DependencyRef ref : refs) {
            DependencyVersion v = store.version(ref.name(), ref.version()).orElseThrow(() ->
                    new InputRejectedException("Dependencies: " + ref + " does not exist (any more); choose another"
                            + " version on the job's Configuration tab or with `job deps`."));
            if (ref.sha256() != null && !ref.sha256().equals(v.sha256())) {
                throw new InputRejectedException("Dependencies: " + ref + " was referenced with sha256 " + ref.sha256()
                        + " but is stored with " + v.sha256() + ".");
            }
            Path file;
            try {
                file = files.verified(v.sha256(), v.kind());
            } catch (DependencyFileStore.ContentProblemException e) {
                throw new InputRejectedException("Dependencies: " + ref + ": " + e.getMessage());
            }
            if (v.kind() == DependencyKind.JAR) {
                jars.add(file);
            }
        }
        return jars;
    }

    /** Deletes the file of a content no kept version has (any more); a failure leaves a harmless orphan file. */
    private void dropUnused(String sha256, DependencyKind kind) {
        try {
            if (!store.contentInUse(sha256)) {
                files.delete(sha256, kind);
            }
        } catch (RuntimeException e) {
            // nothing stored refers to the file: at worst it takes disk space until the content is uploaded again
        }
    }
}
