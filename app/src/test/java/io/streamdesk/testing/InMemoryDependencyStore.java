package io.streamdesk.testing;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.port.DependencyStore;
import io.streamdesk.service.port.StoreException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * DependencyStore in memory with the database store's contract (numbers never reused while the dependency exists, the
 * version limit, removal refused while referenced). The references are read from the job and version twins, where
 * drafts and versions keep their whole configuration.
 */
public final class InMemoryDependencyStore implements DependencyStore {
    private final InMemoryJobStore jobs;
    private final InMemoryVersionStore versions;
    private final Map<String, Entry> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));

    private static final class Entry {
        final DependencyKind kind;
        final Instant createdAt;
        int next = 1;
        final List<DependencyVersion> kept = new ArrayList<>();

        Entry(DependencyKind kind, Instant createdAt) {
            this.kind = kind;
            this.createdAt = createdAt;
        }
    }

    public InMemoryDependencyStore(InMemoryJobStore jobs, InMemoryVersionStore versions) {
        this.jobs = jobs;
        this.versions = versions;
    }

    @Override
    public synchronized List<Dependency> list() {
        return byName.keySet().stream().map(n -> find(n).orElseThrow()).toList();
    }

    @Override
    public synchronized Optional<Dependency> find(String name) {
        Entry e = byName.get(name);
        if (e == null || !byName.containsKey(name) || e.kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Dependency(name, e.kind, e.kept.get(e.kept.size() - 1), e.kept.size(), e.createdAt));
    }

    @Override
    public synchronized List<DependencyVersion> versions(String name) {
        Entry e = byName.get(name);
        if (e == null) {
            return List.of();
        }
        List<DependencyVersion> out = new ArrayList<>(e.kept);
        out.sort(Comparator.comparingInt(DependencyVersion::version).reversed());
        return out;
    }

    @Override
    public synchronized Optional<DependencyVersion> version(String name, int version) {
        return versions(name).stream().filter(v -> v.version() == version).findFirst();
    }

    @Override
    public synchronized DependencyVersion add(String name, DependencyKind kind, String description, String sha256,
                                              long size, Instant createdAt, int maxVersions) {
        Entry e = byName.computeIfAbsent(name, n -> new Entry(kind, createdAt));
        if (e.kind != kind) {
            throw new StoreException(name + " is a " + e.kind.label() + "; a version of it cannot be a " + kind.label() + ".");
        }
        if (e.kept.size() >= maxVersions) {
            throw new VersionLimitException(name + " already has " + e.kept.size() + " versions, the most a dependency "
                    + "keeps (" + maxVersions + "): remove a version nothing references before uploading another.");
        }
        DependencyVersion v = new DependencyVersion(name, e.next++, kind, description, sha256, size, createdAt);
        e.kept.add(v);
        return v;
    }

    @Override
    public synchronized List<DependencyUse> references(String name) {
        return uses(name, null);
    }

    private List<DependencyUse> uses(String name, Integer version) {
        List<DependencyUse> drafts = new ArrayList<>();
        List<DependencyUse> published = new ArrayList<>();
        for (Job job : jobs.list()) {
            Optional<Draft> draft = jobs.findDraft(job.id());
            draft.ifPresent(d -> matching(d.config().dependencies(), name, version)
                    .forEach(r -> drafts.add(new DependencyUse(job.id(), job.name(), null, name, r.version()))));
            List<JobVersion> all = new ArrayList<>(versions.list(job.id()));
            all.sort(Comparator.comparingInt(JobVersion::number));
            for (JobVersion v : all) {
                matching(v.config().dependencies(), name, version)
                        .forEach(r -> published.add(new DependencyUse(job.id(), job.name(), v.number(), name, r.version())));
            }
        }
        drafts.addAll(published);
        return drafts;
    }

    private static List<DependencyRef> matching(List<DependencyRef> refs, String name, Integer version) {
        return refs.stream().filter(r -> r.name().equals(name) && (version == null || r.version() == version)).toList();
    }

    @Override
    public synchronized List<DependencyUse> removeVersion(String name, int version) {
        Entry e = byName.get(name);
        if (e == null) {
            return List.of();
        }
        List<DependencyUse> uses = uses(name, version);
        if (!uses.isEmpty()) {
            return uses;
        }
        e.kept.removeIf(v -> v.version() == version);
        if (e.kept.isEmpty()) {
            byName.remove(name);
        }
        return List.of();
    }

    @Override
    public synchronized List<DependencyUse> remove(String name) {
        if (!byName.containsKey(name)) {
            return List.of();
        }
        List<DependencyUse> uses = uses(name, null);
        if (!uses.isEmpty()) {
            return uses;
        }
        byName.remove(name);
        return List.of();
    }

    @Override
    public synchronized boolean contentInUse(String sha256) {
        return byName.values().stream().flatMap(e -> e.kept.stream()).anyMatch(v -> v.sha256().equals(sha256));
    }
}
