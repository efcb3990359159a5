package io.streamdesk.service.jobconfig;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.port.ClusterStatusReader;
import io.streamdesk.service.port.ConfigOptionCatalog;
import io.streamdesk.service.port.JobGraphCompiler;
import io.streamdesk.service.port.JobGraphCompiler.CompiledJob;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.RunStore;
import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.service.port.VersionStore;

import java.util.List;
import java.util.Optional;

/**
 * Job configuration use cases (P1-P6): validating a draft's configuration (with the compiled job graph when asked),
 * the CUs a job uses and whether they fit into the cluster's idle CUs.
 */
public final class JobConfigService {
    private final JobStore jobs;
    private final VersionStore versions;
    private final RunStore runs;
    private final ClusterService clusters;
    private final JobGraphCompiler compiler;
    private final ConfigOptionCatalog options;
    private final ParameterValidator validator;

    /** Where a version's jars, catalog tables and frozen variable values come from (set once by the graph). */
    private volatile io.streamdesk.service.JobSqlContexts sqlContexts = new io.streamdesk.service.JobSqlContexts();

    public JobConfigService withSqlContexts(io.streamdesk.service.JobSqlContexts contexts) {
        this.sqlContexts = java.util.Objects.requireNonNull(contexts, "contexts");
        return this;
    }

    public JobConfigService(JobStore jobs, VersionStore versions, RunStore runs, ClusterService clusters,
                            JobGraphCompiler compiler) {
        this(jobs, versions, runs, clusters, compiler, ConfigOptionCatalog.none());
    }

    /** {@code options}: the runtime's option definitions, to check values of known keys as the user types. */
    public JobConfigService(JobStore jobs, VersionStore versions, RunStore runs, ClusterService clusters,
                            JobGraphCompiler compiler, ConfigOptionCatalog options) {
        this.options = options;
        this.validator = new ParameterValidator(options);
        this.jobs = jobs;
        this.versions = versions;
        this.runs = runs;
        this.clusters = clusters;
        this.compiler = compiler;
    }

    /** A configuration's problems and, when the SQL compiled, its job graph. */
    public record Validation(List<ConfigProblem> problems, Optional<CompiledJob> graph, String graphError) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(ConfigProblem::isError);
        }

        public Optional<ConfigProblem> firstError() {
            return problems.stream().filter(ConfigProblem::isError).findFirst();
        }
    }

    /** The validator the editor runs as the user types (it checks values against the option catalog). */
    public ParameterValidator parameterValidator() {
        return validator;
    }

    /** Runs {@code action} once the option catalog is built: a validation made before it missed the value checks. */
    public void whenOptionsReady(Runnable action) {
        options.whenReady(action);
    }

    /** Fast checks only (syntax, P2, bounds against the default parallelism): for every keystroke. */
    public List<ConfigProblem> validateQuickly(JobId id, JobConfig config) {
        return validator.validate(config, context(id, null));
    }

    /** All checks; P4 against the largest operator parallelism of the compiled job graph. Takes seconds. */
    public Validation validate(JobId id, String sql, JobConfig config) {
        CompiledJob graph = null;
        String graphError = null;
        try {
            graph = compiler.compile(sql, FlinkJobConfiguration.of(config, false), sqlContexts.forDraft(config));
        } catch (SqlSubmitException | IllegalArgumentException | io.streamdesk.service.InputRejectedException e) {
            graphError = e.getMessage(); // the SQL check reports SQL errors; the graph-based rules wait for valid SQL
        }
        Integer largest = graph == null ? null : graph.largestParallelism();
        return new Validation(validator.validate(config, context(id, largest)), Optional.ofNullable(graph), graphError);
    }

    /**
     * Refuses to publish a draft whose configuration has errors (V1 freezes only valid configurations), or whose job
     * graph cannot be compiled the way the run will compile it (its runtime mode, configuration and own jars): the
     * check goes as far as the run, so a published version does not fail at submit for its SQL (a source's options,
     * the planner's rules) after the SQL check passed.
     */
    public void checkPublishable(JobId id, Draft draft) {
        options.awaitReady();
        Validation v = validate(id, draft.sql(), draft.config());
        // SQL jobs only: a JAR job's graph is built by main() on the cluster; an ETL form is checked by its own publish check
        boolean sqlGraph = jobs.find(id).map(j -> j.type() == io.streamdesk.model.JobType.SQL).orElse(true);
        if (sqlGraph && v.graphError() != null) {
            throw new InputRejectedException("SQL: the job does not compile as the run would compile it: "
                    + v.graphError());
        }
        long errors = v.problems().stream().filter(ConfigProblem::isError).count();
        v.firstError().ifPresent(first -> {
            throw new InputRejectedException("Configuration: " + errors + " error(s); the first: " + first.describe());
        });
    }

    /** The cluster's declared and used CUs, empty when the cluster is not running (its capacity is unknown then). */
    public Optional<ClusterCapacity> capacity(String clusterId, JobId excluding) {
        ClusterStatusReader gateway;
        ClusterStatusReader.TaskManagerResources tm;
        try {
            gateway = clusters.currentGateway(clusterId);
            tm = gateway.taskManagerResources();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        double used = 0;
        for (Job job : jobs.list()) {
            if (job.clusterId().equals(clusterId) && !job.id().equals(excluding) && job.onlineVersion() != null
                    && (job.status() == JobStatus.RUNNING || job.status() == JobStatus.OPERATING)) {
                used += cusInUse(job).orElse(0);
            }
        }
        return Optional.of(ClusterCapacity.of(clusterId, tm, used));
    }

    /**
     * Starts the cluster if needed so its capacity is known before a run; a cluster that does not come up is left to
     * the run, which records the failure on the job (J4).
     */
    public void startClusterForCapacity(String clusterId) {
        try {
            clusters.readyGateway(clusterId, java.time.Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            // the run reports it
        }
    }

    /** The CUs of the version a job runs (J3), empty when it runs none. */
    public java.util.OptionalDouble cusInUse(Job job) {
        if (job.onlineVersion() == null) {
            return java.util.OptionalDouble.empty();
        }
        return versions.find(job.id(), job.onlineVersion())
                .map(v -> java.util.OptionalDouble.of(v.config().resources().cus()))
                .orElse(java.util.OptionalDouble.empty());
    }

    /**
     * Whether {@code config} with this largest operator parallelism fits the cluster's free slots, as Flink counts
     * them (so jobs the app did not start count too); the slots of this job's own running version count as free,
     * since running another version stops it first.
     */
    public Optional<CuFit> fit(Job job, JobConfig config, int largestOperatorParallelism) {
        int ownSlots = slotsOfRunningVersion(job);
        return capacity(job.clusterId(), job.id()).map(c -> CuFit.bySlots(config.resources(), largestOperatorParallelism,
                c.slotsAvailable() + ownSlots, c.idleCu(), c.totalCu()));
    }

    /** The slots the job's running version takes (its default parallelism), 0 when it runs none. */
    public int slotsOfRunningVersion(Job job) {
        return job.onlineVersion() == null ? 0 : versions.find(job.id(), job.onlineVersion())
                .map(v -> v.config().resources().parallelism()).orElse(0);
    }

    /** {@link #slotsOfRunningVersion(Job)} by id; 0 for an unknown job. */
    public int slotsOfRunningVersion(JobId id) {
        return jobs.find(id).map(this::slotsOfRunningVersion).orElse(0);
    }

    /** What the fast checks need to know about the job (its newest version, whether it has state); reads the store. */
    public ParameterValidator.Context quickContext(JobId id) {
        return context(id, null);
    }

    private ParameterValidator.Context context(JobId id, Integer largest) {
        Integer previous = versions.list(id).stream().findFirst().map(JobVersion::config)
                .map(ParameterValidator::requestedMaxParallelism).orElse(null);
        boolean hasState = runs.listSavepoints(id).stream().anyMatch(s -> s.status() == SavepointStatus.COMPLETED);
        return new ParameterValidator.Context(largest, previous, hasState);
    }
}
