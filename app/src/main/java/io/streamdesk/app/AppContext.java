package io.streamdesk.app;

import io.streamdesk.service.Services;
import io.streamdesk.flink.local.LocalClusterProcess;
import io.streamdesk.flink.local.LocalClusterProcess.Lifetime;
import io.streamdesk.flink.sql.FlinkSqlChecker;
import io.streamdesk.flink.state.FlinkSavepointInspector;
import io.streamdesk.flink.sql.FlinkSqlSubmitter;
import io.streamdesk.service.BatchActions;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.CopyService;
import io.streamdesk.service.JobService;
import io.streamdesk.service.PeriodicWork;
import io.streamdesk.service.RunService;
import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.service.metrics.MonitoringService;
import io.streamdesk.store.DataDirectory;
import io.streamdesk.store.Database;
import io.streamdesk.store.HibernateEventStore;
import io.streamdesk.store.HibernateJobStore;
import io.streamdesk.store.HibernateRunStore;
import io.streamdesk.store.HibernateVersionStore;
import io.streamdesk.store.JdbcCheckpointStore;
import io.streamdesk.store.JdbcMetricStore;
import io.streamdesk.store.PropertiesSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The composition root of a process: opens the database of a data directory, makes the real adapters (stores, the
 * local cluster, Flink's SQL checker and submitter, secrets, alarm deliveries), builds the {@link ServiceGraph} over
 * them, schedules its {@link PeriodicWork} and owns their lifetime. Opening does I/O (migrations): call it off the
 * FX thread.
 */
public final class AppContext implements Services {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    /** Failures of periodic work: WARN, at most once a minute per kind (a dead cluster must not flood the log). */
    private static final io.streamdesk.service.RateLimitedLog PERIODIC_WARNINGS =
            new io.streamdesk.service.RateLimitedLog(AppContext.class, Duration.ofMinutes(1));

    private final DataDirectory dirs;
    private final AppOptions options;
    private final Database database;
    private final LocalClusterProcess localCluster;
    private final FlinkSqlChecker checker;
    private final FlinkSqlSubmitter submitter;
    private final java.util.concurrent.ExecutorService deliveries;
    private final ServiceGraph graph;
    private final PeriodicWork periodic;
    private volatile boolean closed;
    /** Failures of background work, for the log (WARN, rate-limited) and the status bar. */
    private final io.streamdesk.service.BackgroundProblems problems;
    private final io.streamdesk.service.OperationLeases leases;

    private AppContext(DataDirectory dirs, AppOptions options, Database.Opening opening) {
        this.dirs = dirs;
        this.options = options;
        this.database = opening != null ? opening.finish() : Database.open(dirs);
        Clock clock = Clock.systemUTC();
        this.localCluster = new LocalClusterProcess(dirs.cluster(), dirs.logs().resolve("local-cluster.log"),
                options.clusterHeap(), options.clusterLifetime()).withSavepointsUnder(dirs.savepoints());
        PropertiesSettingsStore settings = new PropertiesSettingsStore(dirs.root().resolve("settings.properties"));
        localCluster.withTaskSlots(io.streamdesk.service.ClusterScaler.configuredSlots(settings));
        this.checker = new FlinkSqlChecker();
        this.submitter = new FlinkSqlSubmitter();
        io.streamdesk.flink.config.FlinkConfigOptionCatalog configOptions =
                new io.streamdesk.flink.config.FlinkConfigOptionCatalog();
        if (options.clusterLifetime() != Lifetime.DETACHED) {
            // builds Flink's option list on a daemon thread, before anyone types parameters; a CLI command that checks
            // parameters (publish) builds it when it asks, and `job run` never competes with it for the CPU
            configOptions.prepare();
        }
        io.streamdesk.store.FileSecretStore secrets = new io.streamdesk.store.FileSecretStore(dirs.root().resolve("secrets"));
        this.deliveries = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "streamdesk-alarm-delivery");
            t.setDaemon(true);
            return t;
        });
        Path smtpFile = dirs.root().resolve("alarm-smtp.properties");
        this.graph = ServiceGraph.build(ServiceGraph.adapters()
                .jobForms(new io.streamdesk.store.JdbcJobFormStore(database.dataSource(), clock))
                .stores(new HibernateJobStore(database), new HibernateVersionStore(database),
                        new HibernateRunStore(database), new HibernateEventStore(database))
                .monitoringStores(new JdbcMetricStore(database.dataSource(), clock),
                        new JdbcCheckpointStore(database.dataSource()), new io.streamdesk.store.JdbcAlarmStore(database))
                .settings(settings,
                        new io.streamdesk.store.SmtpSettingsFile(smtpFile), secrets)
                .cluster(localCluster, io.streamdesk.flink.local.FlinkVersions.bundled())
                .clusterDefinitions(new io.streamdesk.store.JdbcClusterDefinitionStore(database.dataSource()))
                .variables(new io.streamdesk.store.JdbcVariableStore(database.dataSource()))
                .connectors(List.of(new io.streamdesk.flink.remote.RemoteSessionConnector(),
                        new io.streamdesk.k8s.KubernetesClusterConnector(
                                io.streamdesk.flink.rest.FlinkRestClient::forEndpoint)))
                .dependencies(new io.streamdesk.store.JdbcDependencyStore(database.dataSource()),
                        new io.streamdesk.store.DependencyFiles(dirs.dependencies()))
                .jobPoll(options.reconcileInterval())
                .metadata(new io.streamdesk.store.JdbcMetadataStore(database.dataSource()),
                        new io.streamdesk.flink.sql.FlinkTableDdlParser())
                .sql(checker, submitter, new io.streamdesk.service.jobconfig.CachingJobGraphCompiler(
                                // ${secret:id} in the SQL compiles with placeholders; only the submit gets values (S2)
                                io.streamdesk.service.secrets.SqlSecretService.withPlaceholders(submitter)),
                        new FlinkSavepointInspector(), configOptions)
                .lineage(new io.streamdesk.store.JdbcLineageStore(database.dataSource()),
                        new io.streamdesk.flink.sql.FlinkLineageExtractor())
                .vocabulary(new io.streamdesk.flink.sql.FlinkSqlVocabulary())
                .jobGraphs(new io.streamdesk.store.JobGraphFiles(dirs.root().resolve("job-graphs")),
                        new io.streamdesk.flink.sql.FlinkStoredGraphs(() -> submitter))
                .clock(clock)
                .user(options.author(), options.timeouts())
                .paths(dirs.savepoints(), dirs.logs().resolve("runs"))
                .sampleInterval(MonitoringService.intervalSetting())
                .alarmDeliveries(List.of(new io.streamdesk.service.alarms.WebhookDelivery(secrets,
                                io.streamdesk.service.alarms.WebhookDelivery.DEFAULT_BACKOFF),
                        new io.streamdesk.service.alarms.EmailDelivery(
                                () -> io.streamdesk.store.SmtpSettingsFile.read(smtpFile), secrets)), deliveries));
        this.problems = new io.streamdesk.service.BackgroundProblems(clock);
        this.leases = new io.streamdesk.service.OperationLeases(
                new io.streamdesk.store.JdbcOperationLeaseStore(database.dataSource()),
                io.streamdesk.model.LeaseOwner.currentProcess(), clock, io.streamdesk.service.OperationLeases.DEFAULT_TTL,
                problems);
        // the app and the CLI see each other's operations in flight; background failures reach the status bar
        graph.runs().withLeases(leases).withProblems(problems);
        this.periodic = new PeriodicWork(clock).onOutcome((task, error) -> {
            if (error == null) {
                problems.succeeded(task);
            } else {
                problems.report(task, error);
            }
        });
    }

    /** Opens (and migrates) the data directory at {@code root}. */
    public static AppContext open(Path root, AppOptions options) {
        return open(DataDirectory.at(root), options);
    }

    public static AppContext open(DataDirectory dirs, AppOptions options) {
        return open(dirs, options, null);
    }

    /**
     * Opens over a database whose first half is open already ({@link Database#begin}: the app read its job list from
     * it for the first frame); boots Hibernate and wires the services.
     */
    public static AppContext open(DataDirectory dirs, AppOptions options, Database.Opening opening) {
        AppContext context = new AppContext(dirs, options, opening);
        if (context.detached()) {
            context.attachToRunningCluster();
        } else {
            context.planResumesLeftByEarlierProcess();
        }
        context.schedulePeriodicWork();
        return context;
    }

    private boolean detached() {
        return options.clusterLifetime() == Lifetime.DETACHED;
    }

    /**
     * The CLI sees the cluster another StreamDesk process (the app or an earlier CLI run) left running, without
     * spawning one: {@code cluster status} and {@code job stop} work on it at once.
     */
    private void attachToRunningCluster() {
        try {
            if (localCluster.attach()) {
                localCluster.awaitRunning(Duration.ofSeconds(10));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not attach to the running local cluster", e);
        }
    }

    /** Jobs an earlier app process was to resume when their cluster came back, but it quit first (issue 10 §1). */
    private void planResumesLeftByEarlierProcess() {
        try {
            List<?> planned = graph.runs().planResumesLeftByEarlierProcess();
            if (!planned.isEmpty()) {
                LOG.info("Resuming once their cluster runs (planned before the last quit): {}", planned);
            }
        } catch (RuntimeException e) {
            problems.report("Planning resumes after a restart of the app", e);
        }
    }

    /** True once {@link #close} began: a launcher that was told to quit while opening starts nothing more. */
    public boolean closing() {
        return closed;
    }

    /** Loads the SQL planner on a background thread so the first check and run do not pay for it. */
    public void warmUpInBackground() {
        periodic.runOnce("Planner warm-up (the first check will be slower)", () -> {
            checker.warmUp();
            submitter.warmUp();
        });
    }

    /** Status reconciliation in every process; the app (not the CLI) also watches jobs: events, alarms, metrics. */
    private void schedulePeriodicWork() {
        graph.registerPeriodicWork(periodic, options.reconcileInterval(), !detached()).start();
    }

    /** The process's scheduled work and what of it fails right now. */
    public PeriodicWork periodicWork() {
        return periodic;
    }

    @Override
    public io.streamdesk.service.BackgroundProblems problems() {
        return problems;
    }

    /** The event detector, for tests that drive it directly. */
    public io.streamdesk.service.events.EventDetection detection() {
        return graph.detector();
    }

    @Override
    public io.streamdesk.service.events.EventService events() {
        return graph.events();
    }

    @Override
    public io.streamdesk.service.lineage.LineageService lineage() {
        return graph.lineage();
    }

    @Override
    public io.streamdesk.service.alarms.AlarmService alarms() {
        return graph.alarms();
    }

    @Override
    public io.streamdesk.service.logs.LogService logs() {
        return graph.logs();
    }

    @Override
    public io.streamdesk.service.overview.OverviewService overview() {
        return graph.overview();
    }

    @Override
    public MonitoringService monitoring() {
        return graph.monitoring();
    }

    @Override
    public CheckpointService checkpoints() {
        return graph.checkpoints();
    }

    @Override
    public io.streamdesk.service.metadata.MetadataService metadata() {
        return graph.metadata();
    }

    @Override
    public JobService jobs() {
        return graph.jobs();
    }

    @Override
    public RunService runs() {
        return graph.runs();
    }

    @Override
    public io.streamdesk.service.jobtypes.JarJobService jarJobs() {
        return graph.jarJobs();
    }

    @Override
    public io.streamdesk.service.jobtypes.EtlJobService etlJobs() {
        return graph.etlJobs();
    }

    @Override
    public ClusterService clusters() {
        return graph.clusters();
    }

    @Override
    public io.streamdesk.service.ClusterScaler scaler() {
        return graph.scaler();
    }

    @Override
    public io.streamdesk.service.ClusterRemoval clusterRemoval() {
        return graph.clusterRemoval();
    }

    @Override
    public io.streamdesk.service.ClusterDeployments clusterDeployments() {
        return graph.clusterDeployments();
    }

    @Override
    public io.streamdesk.service.clusters.KubeconfigService kubeconfig() {
        // reads the file only (fabric8's kubeconfig parser); no connection is made
        return new io.streamdesk.service.clusters.KubeconfigService(new io.streamdesk.k8s.KubeconfigFileContexts());
    }

    @Override
    public CopyService copies() {
        return graph.copies();
    }

    @Override
    public BatchActions batchActions() {
        return graph.batchActions();
    }

    @Override
    public JobConfigService jobConfig() {
        return graph.jobConfig();
    }

    @Override
    public VersionRunService versionRuns() {
        return graph.versionRuns();
    }

    @Override
    public io.streamdesk.service.dependencies.DependencyService dependencies() {
        return graph.dependencies();
    }

    @Override
    public io.streamdesk.service.variables.VariableService variables() {
        return graph.variables();
    }

    @Override
    public io.streamdesk.service.completion.CompletionService completion() {
        return graph.completion();
    }

    @Override
    public io.streamdesk.service.StoredJobGraphs storedGraphs() {
        return graph.storedGraphs();
    }

    @Override
    public Path dataDirectory() {
        return dirs.root();
    }

    /**
     * Tied (the app): stops running jobs with a savepoint (R1), then the local cluster (also one a CLI started), then
     * closes the database. Detached (the CLI): leaves the cluster and its jobs running and only lets go of it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        graph.clusters().stopRecording(); // cluster callbacks arrive on other threads, possibly after the store closed
        graph.clusters().closeConnections(); // stops watching the remote clusters (it never stops them)
        periodic.close(); // waits (bounded) for a sampling tick that may still be writing
        deliveries.shutdown();
        boolean stopJobs = options.stopJobsOnClose() && !detached();
        io.streamdesk.service.StopAtQuit quit = graph.runs().atQuit();
        try {
            if (stopJobs) {
                // all at once; joins the stops the quit dialog started; returns early when the user skipped them
                quit.start();
                boolean all = quit.await(QUIT_SAVEPOINTS_WITHIN);
                List<?> notStopped = quit.rows().stream()
                        .filter(r -> r.step() != io.streamdesk.service.StopAtQuit.Step.SAVEPOINT_TAKEN).toList();
                if (!notStopped.isEmpty()) {
                    LOG.warn("Quitting: {} job(s) not stopped with a savepoint ({}): {}", notStopped.size(),
                            quit.skipped() ? "the user quit without savepoints"
                                    : all ? "their stops failed" : "not within " + QUIT_SAVEPOINTS_WITHIN.toSeconds() + " s",
                            notStopped);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Stopping jobs on exit failed", e);
        }
        if (detached()) {
            localCluster.detach();
        } else {
            localCluster.close(QUIT_CLUSTER_WITHIN);
        }
        if (stopJobs) {
            try {
                // the cluster took the jobs whose savepoints were skipped or failed: say so instead of a stale Running
                quit.awaitStragglers(QUIT_STRAGGLERS_WITHIN);
                List<?> ended = graph.runs().endRunsLeftAtQuit(io.streamdesk.service.port.ClusterConnection.DEFAULT_CLUSTER_ID);
                if (!ended.isEmpty()) {
                    LOG.warn("Quitting: these jobs ended with the local cluster, without a savepoint: {}", ended);
                }
            } catch (RuntimeException e) {
                LOG.warn("Recording the runs that ended at quit failed", e);
            }
        }
        leases.close();
        database.close();
    }

    /**
     * Bounds of a quit (S5), about a minute in all, so that SIGTERM from a logout completes before the session
     * manager kills the process: the savepoints, all taken at once; the cluster's own stop; the stops still in
     * flight after a skip, which fail fast once the cluster is gone.
     */
    static final Duration QUIT_SAVEPOINTS_WITHIN = Duration.ofSeconds(40);
    static final Duration QUIT_CLUSTER_WITHIN = Duration.ofSeconds(15);
    static final Duration QUIT_STRAGGLERS_WITHIN = Duration.ofSeconds(5);
}
