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
    private final Path dataDirectory;
    private final JobService jobs;
    private final RunService runs;
    private final ClusterService clusters;
    private final JobConfigService jobConfig;
    private final VersionRunService versionRuns;
    private final CopyService copies;
    private final BatchActions batchActions;
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
        this.jobConfig = new JobConfigService(jobStore, versionStore, runStore, clusters, compiler);
        this.jobs = new JobService(jobStore, versionStore, checker, listeners, clock, "tester", jobConfig::checkPublishable);
        Duration shortWait = Duration.ofSeconds(5);
        this.runs = new RunService(jobStore, versionStore, runStore, eventStore, clusters, submitter, listeners, clock,
                dataDirectory.resolve("savepoints"), new RunService.RunTimeouts(shortWait, shortWait, shortWait));
        this.versionRuns = new VersionRunService(jobs, runs, jobConfig, compiler, savepointInspector);
        this.clusters.declareLocalFlinkVersion(FakeGateway.FLINK_VERSION);
        this.copies = new CopyService(jobStore, runStore, clusters, listeners, clock);
        this.batchActions = new BatchActions(jobs, runs, copies, clusters);
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
    public JobConfigService jobConfig() {
        return jobConfig;
    }

    @Override
    public VersionRunService versionRuns() {
        return versionRuns;
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
