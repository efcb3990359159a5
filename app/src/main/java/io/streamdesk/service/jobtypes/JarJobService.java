package io.streamdesk.service.jobtypes;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.JobService;
import io.streamdesk.service.JobSqlContexts;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JarInspector;
import io.streamdesk.service.port.JarRunner;
import io.streamdesk.service.port.JobFormStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * JAR jobs (J1, DP4): the form of the draft (main jar as a dependency version, entry class, arguments, parallelism),
 * its checks (the entry class must be in the jar before a version is published), the form frozen into each version
 * (V1), and the run through the cluster's REST API ({@code /jars/upload}, {@code /jars/:id/run}) for
 * {@code RunService}, which tracks it like any other run (stop with savepoint, restore, Finished).
 *
 * <p>The draft's script is the form as comment lines ({@link JarJobSpec#describe()}) and its configuration's
 * dependencies are the main jar: the version list, the comparison (V3: text and {@code dependencies.<jar>} with its
 * hash) and the dependency references (DP3) see a JAR version like any other.
 *
 * <p>The uploaded jar is deleted from the cluster once the run request returned (accepted or not): Flink has put the
 * job's jar into its blob store by then, and a cluster does not collect a copy per run. Each run uploads again.
 */
public final class JarJobService {
    private static final Logger LOG = LoggerFactory.getLogger(JarJobService.class);

    /** The jar versions the main jar can be chosen from (the dependency store's jars, DP1). */
    public interface JarVersions {
        List<DependencyRef> jars();

        JarVersions NONE = List::of;
    }

    private final JobService jobs;
    private final JobFormStore forms;
    private final JarInspector inspector;
    private final JobSqlContexts contexts;
    private volatile JarVersions jarVersions = JarVersions.NONE;

    public JarJobService(JobService jobs, JobFormStore forms, JarInspector inspector, JobSqlContexts contexts) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.forms = Objects.requireNonNull(forms, "forms");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    /** Where the main jar's choices come from (set once by the service graph). */
    public JarJobService withJarVersions(JarVersions versions) {
        this.jarVersions = Objects.requireNonNull(versions, "versions");
        return this;
    }

    /** Registers the publish check and the freeze with the job service. */
    public JarJobService attach() {
        jobs.addPublishListener(this::freeze);
        return this;
    }

    /** The jar versions a main jar can be, newest first per name. */
    public List<DependencyRef> jarChoices() {
        return jarVersions.jars();
    }

    /** The draft's form; an empty one for a JAR job never saved. */
    public JarJobSpec draft(JobId id) {
        requireJar(jobs.job(id));
        return forms.jarDraft(id).orElse(JarJobSpec.empty());
    }

    /** The form a version froze, empty for a version of another type. */
    public Optional<JarJobSpec> version(JobId id, int number) {
        return forms.jarVersion(id, number);
    }

    /**
     * Saves the form as the draft: the form itself, the script ({@link JarJobSpec#describe()}) and the configuration's
     * dependencies (the main jar). An incomplete form may be saved; only bounds are enforced (S3).
     */
    public Draft save(JobId id, JarJobSpec spec) {
        requireJar(jobs.job(id));
        Objects.requireNonNull(spec, "spec");
        List<String> bounds = boundsProblems(spec);
        if (!bounds.isEmpty()) {
            throw new InputRejectedException(bounds.get(0));
        }
        forms.saveJarDraft(id, spec);
        // the main jar is the job's one dependency (DP3 references, V3 with its hash); the form's parallelism is the
        // job's parallelism (P4/P5 CUs, V3)
        JobConfig before = jobs.draft(id).map(Draft::config).orElse(JobConfig.defaults());
        JobConfig config = before
                .withDependencies(spec.mainJar() == null ? List.of() : List.of(spec.mainJar()))
                .withResources(new io.streamdesk.model.JobResources(before.resources().jobManagerCu(),
                        before.resources().taskManagerCu(), spec.parallelism()));
        return jobs.saveDraft(id, spec.describe(), config);
    }

    /**
     * Everything that keeps {@code spec} from being published, each naming its field: the form's own problems and
     * the entry class checked against the jar's entries. Reads the jar: call off the UI thread.
     */
    public List<String> problems(JarJobSpec spec) {
        List<String> problems = new ArrayList<>(spec.problems());
        if (spec.mainJar() != null && !spec.entryClass().isEmpty()
                && spec.entryClass().length() <= JarJobSpec.MAX_ENTRY_CLASS_CHARS) {
            entryClassProblem(spec).ifPresent(problems::add);
        }
        return problems;
    }

    /** The entry class check alone (J1): empty when the jar has the class. */
    public Optional<String> entryClassProblem(JarJobSpec spec) {
        if (spec.mainJar() == null) {
            return Optional.of("Entry class: choose the main jar first.");
        }
        Path jar;
        try {
            jar = jarFile(spec.mainJar());
        } catch (InputRejectedException e) {
            return Optional.of("Main jar: " + e.getMessage());
        }
        return inspector.entryClassProblem(jar, spec.mainJar().toString(), spec.entryClass());
    }

    /**
     * The publish check of a JAR job (a {@link JobService.PublishCheck}): refuses with every problem of the draft's
     * form, the first named in the message. Other job types pass.
     */
    public void checkPublishable(JobId id, Draft draft) {
        if (jobs.job(id).type() != JobType.JAR) {
            return;
        }
        JarJobSpec spec = forms.jarDraft(id).orElse(JarJobSpec.empty());
        if (!spec.describe().equals(draft.sql())) {
            throw new InputRejectedException("JAR job: the saved form and the draft differ; save the form again.");
        }
        List<String> problems = problems(spec);
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems; the first: " + problems.get(0));
        }
    }

    /** Freezes the draft's form into a just published version of a JAR job (V1). */
    void freeze(JobVersion version) {
        Job job = jobs.job(version.jobId());
        if (job.type() != JobType.JAR) {
            return;
        }
        JarJobSpec spec = forms.jarDraft(job.id()).orElseThrow(() -> new IllegalStateException(
                "JAR job " + job.id() + " has no saved form to freeze into v" + version.number()));
        if (!spec.describe().equals(version.sql())) {
            LOG.warn("JAR job {} v{}: the form changed while it was published; freezing the saved form", job.id(),
                    version.number());
        }
        forms.freezeJar(job.id(), version.number(), spec);
    }

    /**
     * Runs a published JAR version on the cluster behind {@code cluster}: uploads its main jar, runs the frozen entry
     * class with the frozen arguments and parallelism (from {@code restorePath} when given), deletes the uploaded jar
     * and returns the Flink job id.
     *
     * @param configuration the job's Flink configuration (parameters, runtime mode), as for a SQL job
     * @throws OperationFailedException with what failed and what to do
     */
    public String submit(JarRunner cluster, JobVersion version, String restorePath, boolean allowNonRestoredState,
                         Map<String, String> configuration) {
        JarJobSpec spec = forms.jarVersion(version.jobId(), version.number()).orElseThrow(() ->
                new OperationFailedException("Version " + version.number() + " has no frozen JAR form.",
                        "Publish the JAR form again as a new version and run that one."));
        List<String> arguments;
        try {
            arguments = spec.programArguments();
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException(e.getMessage(), "Fix the arguments, publish and run the new version.");
        }
        Path jar;
        try {
            jar = jarFile(spec.mainJar());
        } catch (InputRejectedException e) {
            throw new OperationFailedException("Main jar " + spec.mainJar() + ": " + e.getMessage(),
                    "Upload the jar again as a dependency, choose it, publish and run the new version.", e);
        }
        String jarId;
        try {
            jarId = cluster.uploadJar(jar);
        } catch (ClusterCallException | ClusterUnreachableException e) {
            throw new OperationFailedException("Uploading " + spec.mainJar() + " to the cluster failed: "
                    + e.getMessage(), "Check that the cluster runs and accepts uploads (web.submit.enable).", e);
        }
        try {
            return cluster.runJar(jarId, new JarRunner.JarRun(spec.entryClass(), arguments, spec.parallelism(),
                    restorePath, allowNonRestoredState, configuration));
        } catch (ClusterCallException | ClusterUnreachableException e) {
            throw new OperationFailedException("Running " + spec.entryClass() + " of " + spec.mainJar()
                    + " failed: " + e.getMessage(), restorePath == null
                    ? "Look at the message: the program's main method threw, or the job could not be built."
                    : "If the savepoint does not match the program, run fresh or allow non-restored state.", e);
        } finally {
            try {
                cluster.deleteJar(jarId);
            } catch (RuntimeException e) {
                LOG.warn("The uploaded jar {} could not be deleted from the cluster: {}", jarId, e.toString());
            }
        }
    }

    private Path jarFile(DependencyRef ref) {
        List<Path> files = contexts.forDraft(JobConfig.defaults().withDependencies(List.of(ref))).jars();
        if (files.size() != 1) {
            throw new InputRejectedException("no file for " + ref);
        }
        return files.get(0);
    }

    private static List<String> boundsProblems(JarJobSpec spec) {
        List<String> out = new ArrayList<>();
        if (spec.entryClass().length() > JarJobSpec.MAX_ENTRY_CLASS_CHARS) {
            out.add("Entry class: at most " + JarJobSpec.MAX_ENTRY_CLASS_CHARS + " characters.");
        }
        if (spec.arguments().length() > io.streamdesk.model.jobtype.ProgramArguments.MAX_CHARS) {
            out.add("Arguments: at most " + io.streamdesk.model.jobtype.ProgramArguments.MAX_CHARS + " characters.");
        }
        if (spec.parallelism() < 1 || spec.parallelism() > JarJobSpec.MAX_PARALLELISM) {
            out.add("Parallelism: 1 to " + JarJobSpec.MAX_PARALLELISM + " (got " + spec.parallelism() + ").");
        }
        return out;
    }

    private static void requireJar(Job job) {
        if (job.type() != JobType.JAR) {
            throw new InputRejectedException("Job " + job.id() + " is a " + job.type() + " job, not a JAR job.");
        }
    }
}
