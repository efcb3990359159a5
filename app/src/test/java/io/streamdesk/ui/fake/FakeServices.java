package io.streamdesk.ui.fake;

import io.streamdesk.app.Services;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.JobChangeListeners;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The real services over in-memory ports and a fake cluster: what the UI tests click through. */
public final class FakeServices implements Services {
    public final InMemoryJobStore jobStore = new InMemoryJobStore();
    public final InMemoryVersionStore versionStore = new InMemoryVersionStore();
    public final InMemoryRunStore runStore = new InMemoryRunStore();
    public final InMemoryEventStore eventStore = new InMemoryEventStore();
    public final FakeCluster cluster = new FakeCluster();
    private final JobService jobs;
    private final RunService runs;
    private final ClusterService clusters;

    public FakeServices() {
        Clock clock = Clock.systemUTC();
        JobChangeListeners listeners = new JobChangeListeners();
        clusters = new ClusterService(cluster, eventStore, clock);
        jobs = new JobService(jobStore, versionStore, new FakeSqlChecker(), listeners, clock, "tester");
        runs = new RunService(jobStore, versionStore, runStore, eventStore, clusters, cluster, listeners, clock,
                Path.of(System.getProperty("java.io.tmpdir"), "streamdesk-test-savepoints"),
                new RunService.RunTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));
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
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    public void close() {
    }
}
