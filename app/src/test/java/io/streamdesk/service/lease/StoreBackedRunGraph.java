package io.streamdesk.service.lease;

import io.streamdesk.model.LeaseOwner;
import io.streamdesk.service.BackgroundProblems;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.JobChangeListeners;
import io.streamdesk.service.JobService;
import io.streamdesk.service.OperationLeases;
import io.streamdesk.service.RunService;
import io.streamdesk.service.checkpoints.RestorePoints;
import io.streamdesk.service.port.SqlSubmitter;
import io.streamdesk.store.DataDirectory;
import io.streamdesk.store.Database;
import io.streamdesk.store.HibernateEventStore;
import io.streamdesk.store.HibernateJobStore;
import io.streamdesk.store.HibernateRunStore;
import io.streamdesk.store.HibernateVersionStore;
import io.streamdesk.store.JdbcCheckpointStore;
import io.streamdesk.store.JdbcOperationLeaseStore;
import io.streamdesk.testing.FakeGateway;
import io.streamdesk.testing.FakeLocalCluster;
import io.streamdesk.testing.FakeSqlChecker;
import io.streamdesk.testing.FakeSqlSubmitter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The job and run services over the real H2 database of a data directory (shared by two JVMs through AUTO_SERVER)
 * and a fake cluster: what two processes on one data directory need to race for a job, without a Flink cluster.
 * {@link #beforeSubmit} runs inside the run's submit, so a test can hold a run in flight.
 */
final class StoreBackedRunGraph implements AutoCloseable {
    final Database db;
    final HibernateJobStore jobStore;
    final JdbcOperationLeaseStore leaseStore;
    final FakeLocalCluster cluster = new FakeLocalCluster();
    final FakeGateway gateway = cluster.fakeGateway();
    final JobService jobs;
    final RunService runs;
    final OperationLeases leases;
    volatile Runnable beforeSubmit = () -> { };

    StoreBackedRunGraph(Path dataDir) {
        Clock clock = Clock.systemUTC();
        DataDirectory dirs = DataDirectory.at(dataDir);
        db = Database.open(dirs);
        jobStore = new HibernateJobStore(db);
        HibernateVersionStore versions = new HibernateVersionStore(db);
        HibernateRunStore runStore = new HibernateRunStore(db);
        HibernateEventStore events = new HibernateEventStore(db);
        leaseStore = new JdbcOperationLeaseStore(db.dataSource());
        JobChangeListeners listeners = new JobChangeListeners();
        ClusterService clusters = new ClusterService(cluster, events, clock);
        jobs = new JobService(jobStore, versions, new FakeSqlChecker(), listeners, clock, "tester");
        FakeSqlSubmitter fake = new FakeSqlSubmitter(gateway);
        SqlSubmitter hooked = new SqlSubmitter() {
            @Override
            public String submit(io.streamdesk.service.port.JobGraphUpload restUrl, String jobName, String script, String restoreFrom) {
                beforeSubmit.run();
                return fake.submit(restUrl, jobName, script, restoreFrom);
            }

            @Override
            public String submit(io.streamdesk.service.port.JobGraphUpload restUrl, String jobName, String script, String restoreFrom,
                                 Map<String, String> configuration, io.streamdesk.model.sql.SqlContext context) {
                beforeSubmit.run();
                return fake.submit(restUrl, jobName, script, restoreFrom, configuration, context);
            }

            @Override
            public void warmUp() {
            }
        };
        Duration wait = Duration.ofSeconds(10);
        BackgroundProblems problems = new BackgroundProblems(clock);
        leases = new OperationLeases(leaseStore, LeaseOwner.currentProcess(), clock, OperationLeases.DEFAULT_TTL, problems);
        runs = new RunService(jobStore, versions, runStore, events, clusters, hooked, listeners, clock,
                dirs.savepoints(), new RunService.RunTimeouts(wait, wait, wait),
                new RestorePoints(new JdbcCheckpointStore(db.dataSource()), runStore))
                .withLeases(leases).withProblems(problems);
        clusters.startAll();
    }

    @Override
    public void close() {
        leases.close();
        db.close();
    }
}
