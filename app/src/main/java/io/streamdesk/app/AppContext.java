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
import io.streamdesk.store.DataDirectory;
import io.streamdesk.store.Database;
import io.streamdesk.store.HibernateEventStore;
import io.streamdesk.store.HibernateJobStore;
import io.streamdesk.store.HibernateRunStore;
import io.streamdesk.store.HibernateVersionStore;
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
    private final JobConfigService jobConfig;
    private final VersionRunService versionRuns;
    private final CopyService copies;
    private final BatchActions batchActions;
    private final FlinkSqlChecker checker;
    private final FlinkSqlSubmitter submitter;
    private final ScheduledExecutorService background;
    private volatile boolean closed;

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
        this.jobConfig = new JobConfigService(jobStore, versionStore, runStore, clusters, submitter);
        this.jobs = new JobService(jobStore, versionStore, checker, listeners, clock, options.author(),
                jobConfig::checkPublishable);
        this.runs = new RunService(jobStore, versionStore, runStore, eventStore, clusters, submitter, listeners, clock,
                dirs.savepoints(), options.timeouts());
        this.versionRuns = new VersionRunService(jobs, runs, jobConfig, submitter, new FlinkSavepointInspector());
        clusters.declareLocalFlinkVersion(io.streamdesk.flink.local.FlinkVersions.bundled());
        this.copies = new CopyService(jobStore, runStore, clusters, listeners, clock);
        this.batchActions = new BatchActions(jobs, runs, copies, clusters);
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
