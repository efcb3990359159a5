package io.streamdesk.testing;

import io.streamdesk.app.Services;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.JobChangeListeners;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;
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
    public final InMemoryMetricStore metricStore = new InMemoryMetricStore();
    public final InMemoryCheckpointStore checkpointStore = new InMemoryCheckpointStore();
    private final Path dataDirectory;
    private final MonitoringService monitoring;
    private final CheckpointService checkpoints;
    private final JobService jobs;
    private final RunService runs;
    private final ClusterService clusters;
    private int closed;

    /** Data directory (and savepoint target) under the system temp directory. */
    public FakeServices() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public FakeServices(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        Clock clock = Clock.systemUTC();
        JobChangeListeners listeners = new JobChangeListeners();
        this.clusters = new ClusterService(cluster, eventStore, clock);
        this.jobs = new JobService(jobStore, versionStore, checker, listeners, clock, "tester");
        Duration shortWait = Duration.ofSeconds(5);
        this.runs = new RunService(jobStore, versionStore, runStore, eventStore, clusters, submitter, listeners, clock,
                dataDirectory.resolve("savepoints"), new RunService.RunTimeouts(shortWait, shortWait, shortWait));
        CheckpointTracker tracker = new CheckpointTracker(checkpointStore);
        MetricSampler sampler = new MetricSampler(jobStore, clusters, metricStore, tracker, clock);
        this.monitoring = new MonitoringService(metricStore, sampler, jobStore, runStore, clusters, clock,
                MonitoringService.DEFAULT_INTERVAL);
        this.checkpoints = new CheckpointService(jobStore, runStore, checkpointStore, tracker, clusters, clock,
                dataDirectory.resolve("savepoints"), shortWait);
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
