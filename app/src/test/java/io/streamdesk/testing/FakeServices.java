package io.streamdesk.testing;

import io.streamdesk.app.Services;
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
import io.streamdesk.service.metrics.MetricSampler;
import io.streamdesk.service.metrics.MonitoringService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The real services over in-memory ports and a fake cluster, for the CLI and UI tests. The fakes are public fields so
 * tests can inject failures and look inside; {@link #close()} only counts.
 */
public final class FakeServices implements Services {
    public final InMemoryJobStore jobStore = new InMemoryJobStore();
    public final InMemoryVersionStore versionStore = new InMemoryVersionStore();
    public final InMemoryRunStore runStore = new InMemoryRunStore();
    public final InMemoryEventStore eventStore = new InMemoryEventStore();
    public final FakeLocalCluster cluster = new FakeLocalCluster();
    public final FakeGateway gateway = cluster.fakeGateway();
    public final FakeSqlChecker checker = new FakeSqlChecker();
    public final FakeSqlSubmitter submitter = new FakeSqlSubmitter(gateway);
    public final FakeJobGraphCompiler compiler = new FakeJobGraphCompiler();
    public final FakeSavepointInspector savepointInspector = new FakeSavepointInspector();
    public final InMemoryMetricStore metricStore = new InMemoryMetricStore();
    public final InMemoryCheckpointStore checkpointStore = new InMemoryCheckpointStore();
    public final InMemorySettingsStore settingsStore = new InMemorySettingsStore();
    private final Path dataDirectory;
    private final MonitoringService monitoring;
    private final CheckpointService checkpoints;
    private final JobService jobs;
    private final RunService runs;
    private final ClusterService clusters;
    private final CopyService copies;
    private final BatchActions batchActions;
    private final JobConfigService jobConfig;
    private final VersionRunService versionRuns;
    private int closed;
    // events issue
    public final InMemoryAlarmStore alarmStore = new InMemoryAlarmStore();
    public final InMemorySecretStore secretStore = new InMemorySecretStore();
    public final InMemorySmtpSettingsStore smtpStore = new InMemorySmtpSettingsStore();
    public final java.util.List<io.streamdesk.service.port.SeriesReader.Point> samples =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private io.streamdesk.service.events.EventService events;
    private io.streamdesk.service.alarms.AlarmService alarms;
    private io.streamdesk.service.logs.LogService logs;
    private io.streamdesk.service.overview.OverviewService overview;

    /** Data directory (and savepoint target) under the system temp directory. */
    public FakeServices() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public FakeServices(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        Clock clock = Clock.systemUTC();
        JobChangeListeners listeners = new JobChangeListeners();
        this.clusters = new ClusterService(cluster, eventStore, clock);
        // the real catalog: it only reads Flink's option classes (built once per JVM, off the calling thread)
        this.jobConfig = new JobConfigService(jobStore, versionStore, runStore, clusters, compiler,
                new io.streamdesk.flink.config.FlinkConfigOptionCatalog());
        this.jobs = new JobService(jobStore, versionStore, checker, listeners, clock, "tester", jobConfig::checkPublishable)
                .withSqlSecrets(new io.streamdesk.service.secrets.SqlSecretService(secretStore));
        Duration shortWait = Duration.ofSeconds(5);
        this.runs = new RunService(jobStore, versionStore, runStore, eventStore, clusters, submitter, listeners, clock,
                dataDirectory.resolve("savepoints"), new RunService.RunTimeouts(shortWait, shortWait, shortWait),
                new io.streamdesk.service.checkpoints.RestorePoints(checkpointStore, runStore),
                new io.streamdesk.service.secrets.SecretRefs(secretStore));
        this.clusters.declareLocalFlinkVersion(FakeGateway.FLINK_VERSION);
        this.copies = new CopyService(jobStore, runStore, clusters, listeners, clock);
        this.batchActions = new BatchActions(jobs, runs, copies, clusters);
        this.versionRuns = new VersionRunService(jobs, runs, jobConfig, compiler, savepointInspector);
        CheckpointTracker tracker = new CheckpointTracker(checkpointStore);
        MetricSampler sampler = new MetricSampler(jobStore, clusters, metricStore, tracker, clock);
        this.monitoring = new MonitoringService(metricStore, sampler, jobStore, runStore, clusters, clock,
                MonitoringService.DEFAULT_INTERVAL, settingsStore);
        this.checkpoints = new CheckpointService(jobStore, runStore, checkpointStore, tracker, clusters, clock,
                dataDirectory.resolve("savepoints"), shortWait);
        wireEvents(clock);
    }

    /** Events issue: samples come from {@link #samples} (subject "metric/subject"-free: all samples of the metric). */
    private void wireEvents(Clock clock) {
        io.streamdesk.service.port.SeriesReader series = (job, metric, from, to) -> samples.stream()
                .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList();
        this.events = new io.streamdesk.service.events.EventService(eventStore, clock);
        var notifier = new io.streamdesk.service.alarms.AlarmNotifier(alarmStore, eventStore, java.util.List.of(), Runnable::run, clock);
        var evaluator = new io.streamdesk.service.alarms.AlarmEvaluator(alarmStore, jobStore, eventStore, series, notifier, clock);
        this.alarms = new io.streamdesk.service.alarms.AlarmService(alarmStore, jobStore, evaluator, notifier,
                new io.streamdesk.service.alarms.AlarmDryRun(eventStore, series), clock).withSecrets(secretStore)
                .withSmtp(new io.streamdesk.service.alarms.SmtpSettingsService(smtpStore, secretStore));
        this.logs = new io.streamdesk.service.logs.LogService(dataDirectory.resolve("run-logs"), id -> gateway, null);
        this.overview = new io.streamdesk.service.overview.OverviewService(jobs, events, alarms, clusters);
    }

    @Override
    public io.streamdesk.service.events.EventService events() {
        return events;
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
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        closed++;
    }

    public synchronized int closeCount() {
        return closed;
    }
}
