package io.streamdesk.service.jobconfig;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.RunService;
import io.streamdesk.service.checkpoints.StateFiles;
import io.streamdesk.service.port.JobGraphCompiler;
import io.streamdesk.service.port.JobGraphCompiler.CompiledJob;
import io.streamdesk.service.port.SavepointInspector;
import io.streamdesk.service.port.SqlSubmitException;

import java.util.Optional;

/**
 * Running a chosen version (J5, V4) with the checks around it: the CUs must fit the cluster's idle CUs (P5); a
 * restore is compared operator by operator with the savepoint's state and refused when it would drop state the user
 * did not allow to drop; a version of the job that runs already is stopped first, as the user chose.
 */
public final class VersionRunService {
    /** What to do with the running version of the job before starting another one. */
    public enum StopFirst { DO_NOT_STOP, WITH_SAVEPOINT, WITHOUT_SAVEPOINT }

    public record RunRequest(int version, RestoreChoice restore, StopFirst stopRunning, boolean allowNonRestoredState) {
    }

    /**
     * What running a version would do, for the Run dialog.
     *
     * @param runningVersion the version running now, or null
     * @param restorePath    the savepoint a restore would read now (a stop with savepoint makes a newer one)
     * @param fit            empty when the cluster is not running (its capacity is unknown until it starts)
     * @param state          the state comparison when restoring, empty when fresh or unreadable
     * @param problem        why a part of the plan could not be made (compile error, unreadable savepoint), or null
     */
    public record RunPlan(Job job, JobVersion version, Integer runningVersion, String restorePath, Optional<CuFit> fit,
                          Optional<StateCompatibility> state, String problem) {
    }

    private final JobService jobs;
    private final RunService runs;
    private final JobConfigService config;
    private final JobGraphCompiler compiler;
    private final SavepointInspector inspector;
    /** Job graphs kept at publish: their operators are read without compiling (null: always compile). */
    private volatile io.streamdesk.service.StoredJobGraphs storedGraphs;

    public VersionRunService withStoredGraphs(io.streamdesk.service.StoredJobGraphs graphs) {
        this.storedGraphs = java.util.Objects.requireNonNull(graphs, "graphs");
        return this;
    }

    public VersionRunService(JobService jobs, RunService runs, JobConfigService config, JobGraphCompiler compiler,
                             SavepointInspector inspector) {
        this.jobs = jobs;
        this.runs = runs;
        this.config = config;
        this.compiler = compiler;
        this.inspector = inspector;
    }

    /** Compiles the version and compares; reads the savepoint. Seconds of work: call off the UI thread. */
    public RunPlan plan(JobId id, int versionNumber, RestoreChoice restore) {
        Job job = jobs.job(id);
        JobVersion version = jobs.version(id, versionNumber);
        if (job.type() == io.streamdesk.model.JobType.JAR) {
            return jarPlan(job, version, restore);
        }
        CompiledJob graph;
        try {
            graph = compile(job, version);
        } catch (SqlSubmitException e) {
            return new RunPlan(job, version, job.onlineVersion(), null, Optional.empty(), Optional.empty(),
                    "Version " + versionNumber + " does not compile: " + e.getMessage());
        }
        Optional<CuFit> fit = config.fit(job, version.config(), graph.largestParallelism());
        String path = restorePathNow(id, restore);
        if (path == null) {
            return new RunPlan(job, version, job.onlineVersion(), null, fit, Optional.empty(), null);
        }
        if (runs.notReadableFromDesktop(id, path)) {
            return new RunPlan(job, version, job.onlineVersion(), path, fit, Optional.empty(), notComparedHere(id, path));
        }
        try {
            return new RunPlan(job, version, job.onlineVersion(), path, fit, Optional.of(compare(path, version, graph)), null);
        } catch (IllegalArgumentException e) {
            return new RunPlan(job, version, job.onlineVersion(), path, fit, Optional.empty(),
                    "The savepoint's state could not be compared (Flink still checks it on start): " + e.getMessage());
        }
    }

    /**
     * Runs the version: refuses before touching anything when its CUs do not fit; stops the running version first
     * when asked to (and refuses when it runs and was not asked); compares the restore's state and refuses to drop
     * state unless allowed.
     */
    public Job run(JobId id, RunRequest request) {
        Job job = jobs.job(id);
        JobVersion version = jobs.version(id, request.version());
        boolean jar = job.type() == io.streamdesk.model.JobType.JAR;
        CompiledJob graph = null;
        if (!jar) { // a JAR job's graph is built by its main method on the cluster: no graph here, no state comparison
            try {
                graph = compile(job, version);
            } catch (SqlSubmitException e) {
                // the submit fails with the same cause and records it on the job as the run's warning (J4)
                return runs.run(id, request.version(), RestoreChoice.fresh(), request.allowNonRestoredState());
            }
        }
        int largest = graph == null ? version.config().resources().parallelism() : graph.largestParallelism();
        config.startClusterForCapacity(job.clusterId());
        config.fit(job, version.config(), largest).filter(f -> !f.fits()).ifPresent(f -> {
            throw new InputRejectedException("Resources: " + f.describe()
                    + " Lower the parallelism in Configuration and publish, or stop another job.");
        });
        if (job.onlineVersion() != null) {
            switch (request.stopRunning()) {
                case DO_NOT_STOP -> throw new InputRejectedException("Version " + job.onlineVersion()
                        + " of this job is running: stop it first (with or without a savepoint), then run version "
                        + request.version() + ".");
                case WITH_SAVEPOINT -> runs.stop(id, true);
                case WITHOUT_SAVEPOINT -> runs.stop(id, false);
            }
        }
        String path = restorePathNow(id, request.restore());
        StateCompatibility state = null;
        if (graph != null && path != null && !runs.notReadableFromDesktop(id, path)) {
            try {
                state = compare(path, version, graph);
            } catch (IllegalArgumentException e) {
                // metadata the app cannot read (not a savepoint, damaged): Flink checks it itself
                state = null;
            }
        }
        if (state != null) {
            if (state.hasMaxParallelismConflict()) {
                throw new InputRejectedException("Restore: " + state.summary() + " Run fresh, or keep the max parallelism of the savepoint.");
            }
            if (state.dropsState() && !request.allowNonRestoredState()) {
                throw new InputRejectedException("Restore: " + state.summary()
                        + " Allow non-restored state to run anyway, or run fresh.");
            }
        }
        return runs.run(id, request.version(), path == null ? RestoreChoice.fresh() : RestoreChoice.path(path),
                request.allowNonRestoredState());
    }

    /**
     * A JAR version's plan (J1): its CUs with the frozen parallelism; the state comparison needs the job graph, which
     * only the jar's main method builds on the cluster, so Flink alone checks a restore's state.
     */
    private RunPlan jarPlan(Job job, JobVersion version, RestoreChoice restore) {
        Optional<CuFit> fit = config.fit(job, version.config(), version.config().resources().parallelism());
        String path = restorePathNow(job.id(), restore);
        return new RunPlan(job, version, job.onlineVersion(), path, fit, Optional.empty(), path == null ? null
                : "A JAR job's job graph is built by its main method on the cluster: the state-compatibility check is "
                + "skipped here, and Flink checks the savepoint's state on start.");
    }

    /**
     * Why the state-compatibility check is skipped for a restore point on storage the desktop cannot read (R6): said
     * with what Flink's REST API reported, since that is all the app knows of it.
     */
    private String notComparedHere(JobId id, String path) {
        boolean reported = runs.restorePoints(id).stream().anyMatch(p -> path.equals(p.location()));
        return "The savepoint at " + path + " is " + (reported ? StateFiles.NOT_READABLE_NOTE
                : "not readable from this desktop, and Flink did not report it to the app")
                + ": the state-compatibility check is skipped (it reads the savepoint's _metadata). Flink still checks the state on start.";
    }

    /** The kept graph's operators when one fits the version's run, else the compiled ones. */
    private CompiledJob compile(Job job, JobVersion version) {
        io.streamdesk.service.StoredJobGraphs graphs = storedGraphs;
        if (graphs != null) {
            Optional<CompiledJob> kept = graphs.operators(job, version);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return compile(version);
    }

    private CompiledJob compile(JobVersion version) {
        io.streamdesk.model.sql.SqlContext context;
        try {
            context = jobs.sqlContexts().forVersion(version);
        } catch (io.streamdesk.service.InputRejectedException e) {
            throw new SqlSubmitException(e.getMessage(), e); // told like a compile failure: the run is refused with it
        }
        return compiler.compile(version.sql(), FlinkJobConfiguration.of(version.config(), false), context);
    }

    private StateCompatibility compare(String path, JobVersion version, CompiledJob graph) {
        return StateCompatibility.compare(inspector.operatorStates(path), graph,
                ParameterValidator.requestedMaxParallelism(version.config()));
    }

    private String restorePathNow(JobId id, RestoreChoice restore) {
        return switch (restore.kind()) {
            case FRESH -> null;
            case PATH -> restore.path();
            case LATEST -> runs.latestRestorePoint(id).map(CheckpointRecord::location).orElseThrow(() ->
                    new InputRejectedException("Restore: this job has no completed checkpoint or savepoint yet; run it fresh."));
        };
    }
}
