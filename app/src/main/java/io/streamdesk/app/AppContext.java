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
import io.streamdesk.service.JobChangeListeners;
import io.streamdesk.service.JobService;
import io.streamdesk.service.PeriodicWork;
import io.streamdesk.service.RunService;
import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.service.checkpoints.CheckpointTracker;
import io.streamdesk.service.checkpoints.RestorePoints;
import io.streamdesk.service.metrics.MetricSampler;
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
 * The composition root: opens the database of a data directory and wires stores, the local cluster, the SQL
 * checker and submitter into the services. Opening does I/O (migrations): call it off the FX thread.
 */
public final class AppContext implements Services {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final DataDirectory dirs;
    private final AppOptions options;
    private final Database database;
    private final LocalClusterProcess localCluster;
    private final JobService jobs;
    private final RunService runs;
    private final ClusterService clusters;
    private final CopyService copies;
    private final BatchActions batchActions;
    private final JobConfigService jobConfig;
    private final VersionRunService versionRuns;
    private final FlinkSqlChecker checker;
    private final FlinkSqlSubmitter submitter;
    private final PeriodicWork periodic;
    private final MonitoringService monitoring;
    private final CheckpointService checkpoints;
    private volatile boolean closed;
    // events issue: detection, alarms, logs, overview
    private final io.streamdesk.service.events.EventDetector detector;
    private final io.streamdesk.service.events.EventService eventService;
    private final io.streamdesk.service.alarms.AlarmService alarms;
    private final io.streamdesk.service.alarms.AlarmEvaluator alarmEvaluator;
    private final io.streamdesk.service.logs.LogService logs;
    private final io.streamdesk.service.overview.OverviewService overview;
    private final java.util.concurrent.ExecutorService deliveries;

    private AppContext(DataDirectory dirs, AppOptions options) {
        this.dirs = dirs;
        this.options = options;
        this.database = Database.open(dirs);
        Clock clock = Clock.systemUTC();
        HibernateJobStore jobStore = new HibernateJobStore(database);
        HibernateVersionStore versionStore = new HibernateVersionStore(database);
        HibernateRunStore runStore = new HibernateRunStore(database);
        HibernateEventStore eventStore = new HibernateEventStore(database);
        this.localCluster = new LocalClusterProcess(dirs.cluster(), dirs.logs().resolve("local-cluster.log"),
                options.clusterHeap(), options.clusterLifetime());
        this.checker = new FlinkSqlChecker();
        this.submitter = new FlinkSqlSubmitter();
        JobChangeListeners listeners = new JobChangeListeners();
        this.clusters = new ClusterService(localCluster, eventStore, clock);
        io.streamdesk.service.jobconfig.CachingJobGraphCompiler graphs =
                new io.streamdesk.service.jobconfig.CachingJobGraphCompiler(submitter);
        io.streamdesk.flink.config.FlinkConfigOptionCatalog configOptions =
                new io.streamdesk.flink.config.FlinkConfigOptionCatalog();
        configOptions.prepare(); // builds Flink's option list on a daemon thread, before anyone types parameters
        this.jobConfig = new JobConfigService(jobStore, versionStore, runStore, clusters, graphs, configOptions);
        this.jobs = new JobService(jobStore, versionStore, checker, listeners, clock, options.author(),
                jobConfig::checkPublishable);
        io.streamdesk.store.FileSecretStore secrets = new io.streamdesk.store.FileSecretStore(dirs.root().resolve("secrets"));
        JdbcCheckpointStore checkpointStore = new JdbcCheckpointStore(database.dataSource());
        this.runs = new RunService(jobStore, versionStore, runStore, eventStore, clusters, submitter, listeners, clock,
                dirs.savepoints(), options.timeouts(), new RestorePoints(checkpointStore, runStore),
                new io.streamdesk.service.secrets.SecretRefs(secrets));
        JdbcMetricStore metricStore = new JdbcMetricStore(database.dataSource(), clock);
        CheckpointTracker checkpointTracker = new CheckpointTracker(checkpointStore);
        MetricSampler sampler = new MetricSampler(jobStore, clusters, metricStore, checkpointTracker, clock);
        this.monitoring = new MonitoringService(metricStore, sampler, jobStore, runStore, clusters, clock,
                MonitoringService.intervalSetting(), new PropertiesSettingsStore(dirs.root().resolve("settings.properties")));
        this.checkpoints = new CheckpointService(jobStore, runStore, checkpointStore,
                checkpointTracker, clusters, clock, dirs.savepoints(), options.timeouts().savepoint());
        io.streamdesk.service.port.SeriesReader series = new io.streamdesk.service.metrics.MetricSeriesReader(metricStore, jobStore);
        io.streamdesk.service.events.EventRecorder recorder = new io.streamdesk.service.events.EventRecorder(eventStore);
        this.detector = new io.streamdesk.service.events.EventDetector(jobStore, clusters, series, recorder, eventStore, clock);
        this.eventService = new io.streamdesk.service.events.EventService(eventStore, clock);
        io.streamdesk.store.JdbcAlarmStore alarmStore = new io.streamdesk.store.JdbcAlarmStore(database);
        this.deliveries = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "streamdesk-alarm-delivery");
            t.setDaemon(true);
            return t;
        });
        Path smtpFile = dirs.root().resolve("alarm-smtp.properties");
        io.streamdesk.service.alarms.AlarmNotifier notifier = new io.streamdesk.service.alarms.AlarmNotifier(alarmStore,
                eventStore, List.of(new io.streamdesk.service.alarms.WebhookDelivery(secrets,
                        io.streamdesk.service.alarms.WebhookDelivery.DEFAULT_BACKOFF),
                new io.streamdesk.service.alarms.EmailDelivery(() -> io.streamdesk.store.SmtpSettingsFile.read(smtpFile), secrets)),
                deliveries, clock);
        this.alarmEvaluator = new io.streamdesk.service.alarms.AlarmEvaluator(alarmStore, jobStore, eventStore, series, notifier, clock);
        this.alarms = new io.streamdesk.service.alarms.AlarmService(alarmStore, jobStore, alarmEvaluator, notifier,
                new io.streamdesk.service.alarms.AlarmDryRun(eventStore, series), clock).withSecrets(secrets)
                .withSmtp(new io.streamdesk.service.alarms.SmtpSettingsService(new io.streamdesk.store.SmtpSettingsFile(smtpFile), secrets));
        this.logs = new io.streamdesk.service.logs.LogService(dirs.logs().resolve("runs"), clusters::currentGateway,
                dirs.logs().resolve("local-cluster.log"));
        this.overview = new io.streamdesk.service.overview.OverviewService(jobs, eventService, alarms, clusters);
        clusters.declareLocalFlinkVersion(io.streamdesk.flink.local.FlinkVersions.bundled());
        this.copies = new CopyService(jobStore, runStore, clusters, listeners, clock);
        this.batchActions = new BatchActions(jobs, runs, copies, clusters);
        this.versionRuns = new VersionRunService(jobs, runs, jobConfig, graphs, new FlinkSavepointInspector());
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

    /**
     * Status reconciliation in every process; the app (not the CLI) also detects events (EV2: states every reconcile
     * interval, metric rules every 5 minutes, alarms every 30 s), samples metrics (MO1) and enforces their retention.
     */
    private void schedulePeriodicWork() {
        Duration every = options.reconcileInterval();
        periodic.every("Status reconciliation", () -> every, () -> {
            runs.reconcile();
            jobs.announceChanges();
        });
        if (!detached()) {
            periodic.every("Event detection", () -> every, detector::pollStates);
            periodic.every("Metric rules", () -> io.streamdesk.service.events.EventDetector.METRIC_WINDOW,
                    detector::checkMetrics);
            Duration alarmEvery = Duration.ofMillis(Math.min(30_000, every.toMillis() * 5));
            periodic.every("Alarm evaluation", () -> alarmEvery, alarmEvaluator::evaluate);
            periodic.every("Metric sampling", monitoring::sampleInterval, monitoring::sampleNow);
            monitoring.onSampleIntervalChange(changed -> periodic.reschedule("Metric sampling"));
            periodic.every("Metric retention", Duration.ofMinutes(1), () -> Duration.ofHours(1),
                    monitoring::enforceRetention);
        }
        periodic.start();
    }

    /** The process's scheduled work and what of it fails right now. */
    public PeriodicWork periodicWork() {
        return periodic;
    }

    /** The event detector, for tests that drive it directly. */
    public io.streamdesk.service.events.EventDetection detection() {
        return detector;
    }

    @Override
    public io.streamdesk.service.events.EventService events() {
        return eventService;
    }

    @Override
    public io.streamdesk.service.alarms.AlarmService alarms() {
        return alarms;
    }

    @Override
    public io.streamdesk.service.logs.LogService logs() {
        return logs;
    }

    @Override
    public io.streamdesk.service.overview.OverviewService overview() {
        return overview;
    }

    @Override
    public MonitoringService monitoring() {
        return monitoring;
    }

    @Override
    public CheckpointService checkpoints() {
        return checkpoints;
    }

    @Override
    public JobService jobs() {
        return jobs;
    }

    @Override
    public RunService runs() {
        return runs;
    }

    @Override
    public ClusterService clusters() {
        return clusters;
    }

    @Override
    public CopyService copies() {
        return copies;
    }

    @Override
    public BatchActions batchActions() {
        return batchActions;
    }

    @Override
    public JobConfigService jobConfig() {
        return jobConfig;
    }

    @Override
    public VersionRunService versionRuns() {
        return versionRuns;
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
        clusters.stopRecording(); // cluster callbacks arrive on other threads, possibly after the store closed
        periodic.close(); // waits (bounded) for a sampling tick that may still be writing
        deliveries.shutdown();
        try {
            if (options.stopJobsOnClose() && !detached()) {
                List<?> failed = runs.stopAllWithSavepoint();
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
