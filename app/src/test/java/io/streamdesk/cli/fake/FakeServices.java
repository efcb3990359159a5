package io.streamdesk.cli.fake;

import io.streamdesk.app.Services;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.JobChangeListeners;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Real services over in-memory ports and a fake cluster. {@link #close()} only counts. */
public final class FakeServices implements Services {
    private final Path dataDirectory;
    private final InMemoryJobStore jobStore = new InMemoryJobStore();
    private final InMemoryVersionStore versionStore = new InMemoryVersionStore();
    private final InMemoryRunStore runStore = new InMemoryRunStore();
    private final InMemoryEventStore eventStore = new InMemoryEventStore();
    private final FakeLocalCluster cluster = new FakeLocalCluster();
    private final FakeSqlChecker checker = new FakeSqlChecker();
    private final FakeSqlSubmitter submitter = new FakeSqlSubmitter(cluster.fakeGateway());
    private final JobService jobs;
    private final RunService runs;
    private final ClusterService clusters;
    private int closed;

    public FakeServices(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        Clock clock = Clock.systemUTC();
        JobChangeListeners listeners = new JobChangeListeners();
        this.clusters = new ClusterService(cluster, eventStore, clock);
        this.jobs = new JobService(jobStore, versionStore, checker, listeners, clock, "tester");
        Duration shortWait = Duration.ofSeconds(5);
        this.runs = new RunService(jobStore, versionStore, runStore, eventStore, clusters, submitter, listeners, clock,
                dataDirectory.resolve("savepoints"), new RunService.RunTimeouts(shortWait, shortWait, shortWait));
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

    public FakeLocalCluster cluster() {
        return cluster;
    }

    public FakeSqlChecker checker() {
        return checker;
    }

    public FakeSqlSubmitter submitter() {
        return submitter;
    }

    public InMemoryEventStore events() {
        return eventStore;
    }
}
