package io.streamdesk.app;

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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private final ScheduledExecutorService background;
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
        // compiles see placeholders for ${secret:id} in the SQL, never values (S2)
        io.streamdesk.service.jobconfig.CachingJobGraphCompiler graphs = new io.streamdesk.service.jobconfig.CachingJobGraphCompiler(
                io.streamdesk.service.secrets.SqlSecretService.withPlaceholders(submitter));
        io.streamdesk.flink.config.FlinkConfigOptionCatalog configOptions =
                new io.streamdesk.flink.config.FlinkConfigOptionCatalog();
        configOptions.prepare(); // builds Flink's option list on a daemon thread, before anyone types parameters
        this.jobConfig = new JobConfigService(jobStore, versionStore, runStore, clusters, graphs, configOptions);
        io.streamdesk.store.FileSecretStore secrets = new io.streamdesk.store.FileSecretStore(dirs.root().resolve("secrets"));
        this.jobs = new JobService(jobStore, versionStore, checker, listeners, clock, options.author(),
                jobConfig::checkPublishable).withSqlSecrets(new io.streamdesk.service.secrets.SqlSecretService(secrets));
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
        this.background = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "streamdesk-background");
            t.setDaemon(true);
            return t;
        });
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
        context.scheduleReconcile();
        if (!context.detached()) {
            context.scheduleDetection();
            context.scheduleMonitoring();
        }
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
        background.execute(() -> {
            try {
                checker.warmUp();
                submitter.warmUp();
            } catch (RuntimeException e) {
                LOG.warn("Planner warm-up failed; the first check will be slower", e);
            }
        });
    }

    private void scheduleReconcile() {
        long every = options.reconcileInterval().toMillis();
        background.scheduleWithFixedDelay(() -> {
            try {
                runs.reconcile();
                jobs.announceChanges();
            } catch (RuntimeException e) {
                LOG.debug("Status reconciliation skipped: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** EV2 on a schedule: states every reconcile interval, metric rules every 5 minutes, alarms every 30 s. */
    private void scheduleDetection() {
        long every = options.reconcileInterval().toMillis();
        background.scheduleWithFixedDelay(() -> guarded("Event detection", detector::pollStates), every, every, TimeUnit.MILLISECONDS);
        long metricEvery = io.streamdesk.service.events.EventDetector.METRIC_WINDOW.toMillis();
        background.scheduleWithFixedDelay(() -> guarded("Metric rules", detector::checkMetrics), metricEvery, metricEvery,
                TimeUnit.MILLISECONDS);
        long alarmEvery = Math.min(30_000, every * 5);
        background.scheduleWithFixedDelay(() -> guarded("Alarm evaluation", alarmEvaluator::evaluate), alarmEvery, alarmEvery,
                TimeUnit.MILLISECONDS);
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.debug("{} skipped: {}", what, e.toString());
        }
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

    /** Samples metrics of running jobs (MO1) and enforces their retention hourly; the CLI does not sample. */
    private void scheduleMonitoring() {
        scheduleNextSample();
        monitoring.onSampleIntervalChange(changed -> {
            synchronized (this) {
                if (nextSample != null && nextSample.cancel(false)) {
                    scheduleNextSample();
                }
            }
        });
        background.scheduleWithFixedDelay(() -> {
            try {
                monitoring.enforceRetention();
            } catch (RuntimeException e) {
                LOG.warn("Metric retention failed: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    private java.util.concurrent.ScheduledFuture<?> nextSample;

    /** One tick after the current interval, then the next: a changed interval applies from the next tick on. */
    private synchronized void scheduleNextSample() {
        if (background.isShutdown()) {
            return;
        }
        try {
            nextSample = background.schedule(this::sampleThenScheduleNext, monitoring.sampleInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void sampleThenScheduleNext() {
        try {
            monitoring.sampleNow();
        } catch (RuntimeException e) {
            LOG.debug("Metric sampling skipped: {}", e.toString());
        } finally {
            scheduleNextSample();
        }
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
        background.shutdownNow();
        deliveries.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS); // a sampling tick may still be writing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
