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

    private AppContext(DataDirectory dirs, AppOptions options) {
        this.dirs = dirs;
        this.options = options;
        this.database = Database.open(dirs);
        Clock clock = Clock.systemUTC();
        this.localCluster = new LocalClusterProcess(dirs.cluster(), dirs.logs().resolve("local-cluster.log"),
                options.clusterHeap(), options.clusterLifetime()).withSavepointsUnder(dirs.savepoints());
        PropertiesSettingsStore settings = new PropertiesSettingsStore(dirs.root().resolve("settings.properties"));
        this.checker = new FlinkSqlChecker();
        this.submitter = new FlinkSqlSubmitter();
        io.streamdesk.flink.config.FlinkConfigOptionCatalog configOptions =
                new io.streamdesk.flink.config.FlinkConfigOptionCatalog();
        configOptions.prepare(); // builds Flink's option list on a daemon thread, before anyone types parameters
        io.streamdesk.store.FileSecretStore secrets = new io.streamdesk.store.FileSecretStore(dirs.root().resolve("secrets"));
        this.deliveries = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "streamdesk-alarm-delivery");
            t.setDaemon(true);
            return t;
        });
        Path smtpFile = dirs.root().resolve("alarm-smtp.properties");
        this.graph = ServiceGraph.build(ServiceGraph.adapters()
                .stores(new HibernateJobStore(database), new HibernateVersionStore(database),
                        new HibernateRunStore(database), new HibernateEventStore(database))
                .monitoringStores(new JdbcMetricStore(database.dataSource(), clock),
                        new JdbcCheckpointStore(database.dataSource()), new io.streamdesk.store.JdbcAlarmStore(database))
                .settings(settings,
                        new io.streamdesk.store.SmtpSettingsFile(smtpFile), secrets)
                .cluster(localCluster, io.streamdesk.flink.local.FlinkVersions.bundled())
                .jobPoll(options.reconcileInterval())
                .sql(checker, submitter, new io.streamdesk.service.jobconfig.CachingJobGraphCompiler(submitter),
                        new FlinkSavepointInspector(), configOptions)
                .clock(clock)
                .user(options.author(), options.timeouts())
                .paths(dirs.savepoints(), dirs.logs().resolve("runs"), dirs.logs().resolve("local-cluster.log"))
                .sampleInterval(MonitoringService.intervalSetting())
                .alarmDeliveries(List.of(new io.streamdesk.service.alarms.WebhookDelivery(secrets,
                                io.streamdesk.service.alarms.WebhookDelivery.DEFAULT_BACKOFF),
                        new io.streamdesk.service.alarms.EmailDelivery(
                                () -> io.streamdesk.store.SmtpSettingsFile.read(smtpFile), secrets)), deliveries));
        this.periodic = new PeriodicWork(clock);
    }

    /** Opens (and migrates) the data directory at {@code root}. */
    public static AppContext open(Path root, AppOptions options) {
        return open(DataDirectory.at(root), options);
    }

    public static AppContext open(DataDirectory dirs, AppOptions options) {
        AppContext context = new AppContext(dirs, options);
        if (context.detached()) {
            context.attachToRunningCluster();
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

    /** The event detector, for tests that drive it directly. */
    public io.streamdesk.service.events.EventDetection detection() {
        return graph.detector();
    }

    @Override
    public io.streamdesk.service.events.EventService events() {
        return graph.events();
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
    public JobService jobs() {
        return graph.jobs();
    }

    @Override
    public RunService runs() {
        return graph.runs();
    }

    @Override
    public ClusterService clusters() {
        return graph.clusters();
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
        periodic.close(); // waits (bounded) for a sampling tick that may still be writing
        deliveries.shutdown();
        try {
            if (options.stopJobsOnClose() && !detached()) {
                List<?> failed = graph.runs().stopAllWithSavepoint();
                if (!failed.isEmpty()) {
                    LOG.warn("Could not stop these jobs with a savepoint on exit: {}", failed);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Stopping jobs on exit failed", e);
        }
        if (detached()) {
            localCluster.detach();
        } else {
            localCluster.close(Duration.ofSeconds(20));
        }
        database.close();
    }
}
