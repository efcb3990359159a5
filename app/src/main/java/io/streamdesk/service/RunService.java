package io.streamdesk.service;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.JobWarning;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.checkpoints.StateFiles;
import io.streamdesk.service.jobconfig.FlinkJobConfiguration;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.RunStore;
import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.service.port.SqlSubmitter;
import io.streamdesk.service.port.VersionStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Operations on running jobs (J4, J5, J7): run a version, stop with or without a savepoint, and keep the stored
 * status honest against what the cluster reports. While an operation is in flight the job shows OPERATING; when
 * it fails the job returns to its actual status with a warning.
 */
public final class RunService {
    private static final Duration POLL = Duration.ofMillis(100);
    /** How often a run's start is polled during its first second. */
    private static final long FAST_POLL_MILLIS = 10;
    private static final long FIRST_SECOND_NANOS = 1_000_000_000L;
    /**
     * How long a user's operation waits for a status reconcile of the same job: a reconcile is at most two REST
     * requests (5 s each) and a store write.
     */
    static final Duration RECONCILE_WAIT = Duration.ofSeconds(15);

    private final JobStore jobs;
    private final VersionStore versions;
    private final RunStore runs;
    private final EventStore events;
    private final ClusterService clusters;
    private final List<java.util.function.Consumer<EndedRun>> runEndListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SqlSubmitter submitter;
    private final JobChangeListeners listeners;
    private final Clock clock;
    private final Path savepointRoot;
    private final RunTimeouts timeouts;
    private final RestorePointLookup restorePoints;
    private final ConcurrentHashMap<JobId, ReentrantLock> operations = new ConcurrentHashMap<>();
    private final io.streamdesk.service.secrets.SecretRefs secretRefs;

    /** Where a version's jars, catalog tables and frozen variable values come from (set once by the graph). */
    private volatile JobSqlContexts sqlContexts = new JobSqlContexts();

    /** How a version of a JAR job reaches its cluster (J1); returns the Flink job id or throws OperationFailedException. */
    public interface JarSubmission {
        String submit(io.streamdesk.service.port.JarRunner cluster, JobVersion version, String restorePath,
                      boolean allowNonRestoredState, java.util.Map<String, String> configuration);

        JarSubmission NONE = (cluster, version, restorePath, allowNonRestoredState, configuration) -> {
            throw new OperationFailedException("JAR jobs cannot run in this process.", "Run it from the app.");
        };
    }

    private volatile JarSubmission jarSubmission = JarSubmission.NONE;

    public RunService withJarSubmission(JarSubmission submission) {
        this.jarSubmission = java.util.Objects.requireNonNull(submission, "submission");
        return this;
    }

    /** Job graphs kept at publish: a version's run submits its kept graph without the planner when one fits. */
    private volatile StoredJobGraphs storedGraphs;

    public RunService withStoredGraphs(StoredJobGraphs graphs) {
        this.storedGraphs = java.util.Objects.requireNonNull(graphs, "graphs");
        return this;
    }

    public RunService withSqlContexts(JobSqlContexts contexts) {
        this.sqlContexts = java.util.Objects.requireNonNull(contexts, "contexts");
        return this;
    }
    /** Jobs a reconcile holds (or is about to hold) the lock of; one reconcile runs at a time. */
    private final java.util.Set<JobId> reconciling = ConcurrentHashMap.newKeySet();
    private final Object reconcileTurn = new Object();
    /** Reconcile failures other than an unreachable cluster: WARN, at most once a minute per kind. */
    private final RateLimitedLog reconcileWarnings = new RateLimitedLog(RunService.class, Duration.ofMinutes(1));
    /** Ends runs whose cluster lost its jobs and resumes them once it is back. */
    private final ResumeAfterClusterLoss resumes;
    /** Operations in flight as every process on the data directory sees them (the in-JVM lock above is per process). */
    private volatile OperationLeases leases;
    private volatile BackgroundProblems problems;

    public RunService(JobStore jobs, VersionStore versions, RunStore runs, EventStore events, ClusterService clusters,
                      SqlSubmitter submitter, JobChangeListeners listeners, Clock clock, Path savepointRoot,
                      RunTimeouts timeouts, RestorePointLookup restorePoints) {
        this(jobs, versions, runs, events, clusters, submitter, listeners, clock, savepointRoot, timeouts, restorePoints,
                new io.streamdesk.service.secrets.SecretRefs(NO_SECRETS));
    }

    /** Without a secret store every {@code ${secret:id}} reference refuses the run as missing. */
    private static final io.streamdesk.service.port.SecretStore NO_SECRETS = new io.streamdesk.service.port.SecretStore() {
        @Override
        public String put(String label, String value) {
            throw new UnsupportedOperationException("no secret store");
        }

        @Override
        public Optional<String> get(String id) {
            return Optional.empty();
        }

        @Override
        public void delete(String id) {
        }
    };

    /** The name of the cluster the job runs on, as its profile gives it (for example "Local cluster"). */
    public String clusterName(JobId id) {
        String clusterId = jobs.find(id).map(Job::clusterId).orElse(ClusterConnection.DEFAULT_CLUSTER_ID);
        return clusters.profile(clusterId).map(ClusterProfile::name).orElse(clusterId);
    }

    /** Resolves the {@code ${secret:id}} references of a version's parameters from {@code secretRefs} at submit (S2). */
    public RunService(JobStore jobs, VersionStore versions, RunStore runs, EventStore events, ClusterService clusters,
                      SqlSubmitter submitter, JobChangeListeners listeners, Clock clock, Path savepointRoot,
                      RunTimeouts timeouts, RestorePointLookup restorePoints,
                      io.streamdesk.service.secrets.SecretRefs secretRefs) {
        this.secretRefs = secretRefs;
        this.jobs = jobs;
        this.versions = versions;
        this.runs = runs;
        this.events = events;
        this.clusters = clusters;
        this.submitter = submitter;
        this.listeners = listeners;
        this.clock = clock;
        this.savepointRoot = savepointRoot;
        this.timeouts = timeouts;
        this.restorePoints = restorePoints;
        this.resumes = new ResumeAfterClusterLoss(new ResumeAfterClusterLoss.Runs() {
            @Override
            public Optional<CheckpointRecord> latestRestorePoint(JobId id) {
                return RunService.this.latestRestorePoint(id);
            }

            @Override
            public Job save(Job job) {
                return RunService.this.save(job);
            }

            @Override
            public Job run(JobId id, int version, RestoreChoice restore) {
                return RunService.this.run(id, version, restore);
            }
        }, jobs, runs, events, clusters, clock);
        this.leases = OperationLeases.inProcess(clock);
        this.problems = new BackgroundProblems(clock);
    }

    /**
     * Shares operation leases with the other processes on the data directory (the app and the CLI); without this
     * call leases are seen by this process only.
     */
    public RunService withLeases(OperationLeases shared) {
        this.leases = java.util.Objects.requireNonNull(shared, "shared");
        return this;
    }

    /** Where failures of background work (the status reconcile) are reported. */
    public RunService withProblems(BackgroundProblems reported) {
        this.problems = java.util.Objects.requireNonNull(reported, "reported");
        return this;
    }

    /** How long operations wait for the cluster. */
    public record RunTimeouts(Duration clusterStart, Duration tasksRunning, Duration savepoint) {
        public static RunTimeouts defaults() {
            return new RunTimeouts(Duration.ofSeconds(90), Duration.ofSeconds(120), Duration.ofSeconds(120));
        }
    }

    /**
     * Runs version {@code versionNumber} and returns once every task of the Flink job is RUNNING.
     *
     * @throws OperationFailedException with the error and a suggested fix; the job then shows its actual status
     */
    public Job run(JobId id, int versionNumber, RestoreChoice restore) {
        return run(id, versionNumber, restore, false);
    }

    /**
     * Runs a version; with {@code allowNonRestoredState} a restore skips savepoint state no operator of the version
     * claims ({@code execution.state-recovery.ignore-unclaimed-state}).
     */
    public Job run(JobId id, int versionNumber, RestoreChoice restore, boolean allowNonRestoredState) {
        return underOperation(id, "Run", job -> doRun(job, versionNumber, restore, allowNonRestoredState));
    }

    /** Stops the running job, first taking a savepoint when {@code withSavepoint}. */
    public Job stop(JobId id, boolean withSavepoint) {
        return underOperation(id, "Stop", job -> doStop(job, withSavepoint, null));
    }

    /**
     * Stops the running job with a savepoint because the app quits: the run ends with the reason
     * {@link JobRun#STOPPED_AT_QUIT}, and the next start offers to resume from that savepoint.
     */
    public Job stopAtQuit(JobId id) {
        return underOperation(id, "Stop at quit", job -> doStop(job, true, JobRun.STOPPED_AT_QUIT));
    }

    /**
     * After the app quit without savepoints and stopped its local cluster: the runs that were still live on it end
     * with the reason {@link JobRun#ENDED_AT_QUIT} and their jobs show Stopped (the cluster took the jobs with it).
     * A job another process or a stuck operation holds is left to the next status check. Returns the jobs ended.
     */
    public List<JobId> endRunsLeftAtQuit(String clusterId) {
        List<JobId> ended = new java.util.ArrayList<>();
        for (Job job : jobs.list()) {
            if (!clusterId.equals(job.clusterId()) || runs.liveRun(job.id()).isEmpty()) {
                continue;
            }
            try {
                underOperation(job.id(), "Quit", j -> {
                    JobRun run = runs.liveRun(j.id()).orElseThrow(() -> new OperationFailedException(
                            "The job is not running.", "Nothing to do."));
                    Instant at = clock.instant();
                    runs.endRun(j.id(), run.instance(), "CANCELED", at, JobRun.ENDED_AT_QUIT);
                    events.add(j.id(), run.instance(), EventKind.JOB_STOPPED, at,
                            "Ended at quit without a savepoint: its cluster stopped with the app");
                    return j.stopped(JobStatus.STOPPED, at);
                });
                ended.add(job.id());
            } catch (RuntimeException e) {
                problems.report("Ending runs at quit", e);
            }
        }
        return ended;
    }

    /**
     * What the app offers to resume on start: jobs whose last run was {@link JobRun#STOPPED_AT_QUIT} with a
     * completed savepoint of that run, still Stopped, the savepoint not cleared (see {@link #restorePointCleared}).
     * Newest first.
     */
    public List<QuitResumeOffer> quitResumeOffers() {
        List<QuitResumeOffer> offers = new java.util.ArrayList<>();
        for (Job job : jobs.list()) {
            if (job.status() != JobStatus.STOPPED) {
                continue;
            }
            List<JobRun> history = runs.listRuns(job.id());
            if (history.isEmpty() || !JobRun.STOPPED_AT_QUIT.equals(history.get(0).endReason())) {
                continue;
            }
            JobRun last = history.get(0);
            runs.listSavepoints(job.id()).stream()
                    .filter(s -> s.runInstance() == last.instance() && s.status() == SavepointStatus.COMPLETED)
                    .filter(s -> s.location() != null && !restorePointCleared(job.id(), s.location()))
                    .findFirst()
                    .ifPresent(s -> offers.add(new QuitResumeOffer(job, last, s)));
        }
        offers.sort(java.util.Comparator.comparing((QuitResumeOffer o) -> o.savepoint().createdAt()).reversed());
        return offers;
    }

    public List<JobRun> runs(JobId id) {
        return runs.listRuns(id);
    }

    /** Events of the job, newest first (at most 500). */
    public List<JobEvent> events(JobId id) {
        return events.listForJob(id, 500);
    }

    public List<SavepointRecord> savepoints(JobId id) {
        return runs.listSavepoints(id);
    }

    /**
     * What "latest" restores from (V4): the newest completed checkpoint or savepoint of the job whose files still
     * exist — a retained periodic checkpoint of a failed run as well as the savepoint taken on stop.
     */
    public Optional<CheckpointRecord> latestRestorePoint(JobId id) {
        return restorePoints.restorable(id).stream().findFirst();
    }

    /**
     * Completed checkpoints and savepoints that still exist, newest first: what a run can start from. On a remote
     * cluster that includes those the desktop cannot read but Flink reported completed (see
     * {@link #notReadableFromDesktop}).
     */
    public List<CheckpointRecord> restorePoints(JobId id) {
        return restorePoints.restorable(id);
    }

    /**
     * True when the job's cluster can read the restore point at {@code location} but the desktop cannot (R6): another
     * host's path, an object store (s3://, hdfs://), or on a remote cluster a file: path that does not exist here. It
     * is offered as Flink reported it, and its state cannot be compared on this desktop (Flink checks it on start).
     */
    public boolean notReadableFromDesktop(JobId id, String location) {
        return StateFiles.notReadableFromDesktop(location, restorePoints.sharesDesktopFiles(id));
    }

    /** True when the files are missing here and the job's cluster shares the desktop's file system (the local one). */
    private boolean restorePointCleared(JobId id, String location) {
        return StateFiles.of(location) == StateFiles.MISSING_HERE && restorePoints.sharesDesktopFiles(id);
    }

    /** The newest completed savepoint of the job, if any. */
    public Optional<SavepointRecord> latestSavepoint(JobId id) {
        return runs.listSavepoints(id).stream().filter(s -> s.status() == SavepointStatus.COMPLETED).findFirst();
    }

    /**
     * Brings stored statuses in line with the cluster: a job the store thinks runs but whose Flink job ended
     * becomes STOPPED or ERROR; a job left OPERATING by a crash gets its actual status. Jobs under an operation
     * are skipped. An unreachable cluster changes nothing (the last known state stays, R6); what each cluster
     * confirmed, and when, goes to {@link ClusterService#jobStates()} so that the shown state never claims more.
     * Runs on a cluster that lost its jobs (a local child that died) end "with the cluster"; the cluster is
     * restarted and those jobs resume from their newest checkpoint or savepoint (see {@link ClusterService}). A
     * reconcile is a background read: a user's operation that arrives while it looks at the job waits for it
     * instead of failing.
     */
    public void reconcile() {
        clusters.restartFailedClusters();
        synchronized (reconcileTurn) {
            for (Job job : jobs.list()) {
                if (job.status() != JobStatus.RUNNING && job.status() != JobStatus.OPERATING) {
                    continue;
                }
                ReentrantLock lock = lockOf(job.id());
                reconciling.add(job.id()); // before the lock: a user's operation that finds it taken knows to wait
                if (!lock.tryLock()) {
                    reconciling.remove(job.id());
                    continue;
                }
                // another process (the CLI, the app) with an operation on the job: its Operating is not ours to end
                OperationLeases.Held lease = null;
                try {
                    lease = leaseForReconcile(job.id());
                    if (lease != null) {
                        reconcileOne(jobs.find(job.id()).orElse(job));
                    }
                } catch (ClusterUnreachableException e) {
                    // keep the last known state; the shown state says it is not confirmed, the cluster status why
                } catch (io.streamdesk.service.port.StaleRunStateException e) {
                    // another writer came first; the next round reads the fresh state
                } catch (RuntimeException e) {
                    reconcileWarnings.warn("reconcile", "Reconciling job " + job.id() + " failed: " + e);
                } finally {
                    if (lease != null) {
                        lease.close();
                    }
                    reconciling.remove(job.id());
                    lock.unlock();
                }
            }
            resumes.resumeWhereClusterIsBack();
        }
    }

    /**
     * For the process that supervises the clusters (the app, not the CLI), once at start: the automatic resumes an
     * earlier process planned but did not live to start (it quit while the cluster was down) are planned again.
     */
    public List<JobId> planResumesLeftByEarlierProcess() {
        return resumes.planResumesLeftByEarlierProcess();
    }

    /**
     * Stops every running job with a savepoint, all at once, as the app does when it quits (R1, S5), and waits at
     * most {@code within}. Returns the jobs not stopped with a savepoint in that time.
     */
    public List<JobId> stopAllWithSavepoint(java.time.Duration within) {
        StopAtQuit quit = atQuit();
        quit.start();
        quit.await(within);
        return quit.rows().stream().filter(r -> r.step() != StopAtQuit.Step.SAVEPOINT_TAKEN)
                .map(StopAtQuit.Row::jobId).toList();
    }

    private volatile StopAtQuit atQuit;

    /** The stops of this process's quit: one per process, shared by the quit dialog and the shutdown path. */
    public StopAtQuit atQuit() {
        StopAtQuit q = atQuit;
        if (q == null) {
            synchronized (this) {
                if (atQuit == null) {
                    atQuit = new StopAtQuit(this);
                }
                q = atQuit;
            }
        }
        return q;
    }

    /** A run that ended while its cluster still answered (stopped, failed, cancelled, finished). */
    public record EndedRun(JobId jobId, int runInstance, String clusterId) {
    }

    /**
     * Called (on the thread that ended the run) with each run that ended while its cluster still answered, so that
     * its logs can be kept before the cluster is gone. Not called for a run that ended with its cluster or at quit.
     */
    public void onRunEnded(java.util.function.Consumer<EndedRun> listener) {
        runEndListeners.add(listener);
    }

    private void announceEnd(Job job, JobRun run) {
        EndedRun ended = new EndedRun(job.id(), run.instance(), job.clusterId());
        for (java.util.function.Consumer<EndedRun> l : runEndListeners) {
            try {
                l.accept(ended);
            } catch (RuntimeException e) {
                problems.report("Keeping the logs of ended runs", e);
            }
        }
    }

    /** Jobs whose status is Running: what a quit stops. */
    public List<Job> runningJobs() {
        return jobs.list().stream().filter(j -> j.status() == JobStatus.RUNNING).toList();
    }

    // ---- operations ----

    private interface Operation {
        Job apply(Job job);
    }

    private Job underOperation(JobId id, String name, Operation operation) {
        ReentrantLock lock = lockOf(id);
        if (!acquire(id, lock)) {
            throw new OperationFailedException(name + ": another operation on this job is still in flight.",
                    "Wait until the job leaves Operating.");
        }
        OperationLeases.Held lease = null;
        try {
            Job before = jobs.find(id).orElseThrow(() -> new InputRejectedException("No job with ID " + id + "."));
            lease = leaseForOperation(id, name);
            if (before.status() == JobStatus.OPERATING) {
                before = reconcileOne(before);
            }
            Job operating = save(before.withStatus(JobStatus.OPERATING).withWarning(null));
            try {
                Job after = operation.apply(operating);
                return save(after);
            } catch (OperationFailedException e) {
                fail(operating, before, name, e.getMessage(), e.suggestedFix());
                throw e;
            } catch (InputRejectedException e) {
                save(before.withRunStateVersion(operating.runStateVersion()));
                throw e;
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                fail(operating, before, name, message, "See the app log for details.");
                throw new OperationFailedException(message, "See the app log for details.", e);
            }
        } finally {
            if (lease != null) {
                lease.close();
            }
            lock.unlock();
        }
    }

    /**
     * The job's lease for a user's operation; fails at once when another process has an operation on the job (the
     * app and the CLI never run or stop one job at the same time).
     */
    private OperationLeases.Held leaseForOperation(JobId id, String name) {
        OperationLeases.Attempt attempt = leases.tryAcquire(id, name);
        if (attempt instanceof OperationLeases.Busy busy) {
            throw new OperationFailedException(name + ": another operation on this job is still in flight ("
                    + busy.describe() + ").",
                    "Wait until the job leaves Operating; if that process hangs, end it, or wait until its lease "
                            + "lapses at " + busy.holder().expiresAt() + ".");
        }
        return (OperationLeases.Held) attempt;
    }

    /** The job's lease for a status check, or null when another process holds it (the check skips the job). */
    private OperationLeases.Held leaseForReconcile(JobId id) {
        try {
            OperationLeases.Attempt attempt = leases.tryAcquire(id, "Status check");
            problems.succeeded("Status check");
            return attempt instanceof OperationLeases.Held held ? held : null;
        } catch (io.streamdesk.service.port.StoreException e) {
            problems.report("Status check", e);
            return null;
        }
    }

    /**
     * Takes the job's operation lock: waits up to {@link #RECONCILE_WAIT} while a reconcile holds it, and fails at
     * once while another operation (run, stop) holds it.
     */
    private boolean acquire(JobId id, ReentrantLock lock) {
        if (lock.tryLock()) {
            return true;
        }
        if (!reconciling.contains(id)) {
            return lock.tryLock(); // the holder may just have finished
        }
        try {
            return lock.tryLock(RECONCILE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void fail(Job operating, Job before, String operation, String message, String fix) {
        JobStatus actual = actualStatus(operating, before.status());
        Job restored = jobs.find(operating.id()).orElse(operating).withStatus(actual)
                .withWarning(new JobWarning(operation, message, fix, clock.instant()));
        save(restored);
        events.add(restored.id(), restored.runInstance(), EventKind.OPERATION_FAILED, clock.instant(),
                operation + " failed: " + message);
    }

    private Job doRun(Job job, int versionNumber, RestoreChoice restore, boolean allowNonRestoredState) {
        JobVersion version = versions.find(job.id(), versionNumber)
                .orElseThrow(() -> new InputRejectedException("Job " + job.id() + " has no version " + versionNumber + "."));
        if (job.onlineVersion() != null || runs.liveRun(job.id()).isPresent()) {
            // a live run also covers a submit whose wait failed but whose Flink job could not be cancelled: never a second copy
            throw new OperationFailedException("Version " + (job.onlineVersion() != null ? job.onlineVersion()
                    : runs.liveRun(job.id()).get().version()) + " of this job is still running (or still starting).",
                    "Stop the running version first (with a savepoint to keep its state), then run this one.");
        }
        String restorePath = resolveRestore(job.id(), restore);
        // S2: secrets (in the SQL and the parameters) are put in only here, for the submitter; a missing one refuses
        // before the cluster is touched
        // M6, V1: the variables first, with the values the version froze (a secret variable froze a ${secret:id}
        // reference, resolved below with the script's own references and scrubbed from messages like them); the
        // submitter gets a script with nothing left to substitute, and the frozen values for the catalog's tables
        io.streamdesk.model.sql.SqlContext context = sqlContexts.forVersion(version);
        String sql = withVariables(version, context.variables());
        io.streamdesk.service.secrets.SecretRefs.Resolved configuration = secretRefs.resolve(sql,
                version.config().parameters(), FlinkJobConfiguration.of(version.config(), allowNonRestoredState),
                context.variables());
        // the catalog's tables get the secret variables' values; the script keeps its own references until here
        context = context.withVariables(configuration.variables());
        ClusterGateway gateway = clusters.readyGateway(job.clusterId(), timeouts.clusterStart());
        String flinkJobId;
        try {
            if (job.type() == io.streamdesk.model.JobType.JAR) {
                // J1: the cluster runs the version's jar (REST /jars/upload, /jars/:id/run); tracked like SQL below
                flinkJobId = jarSubmission.submit(gateway, version, restorePath, allowNonRestoredState,
                        configuration.configuration());
            } else {
                flinkJobId = submitSql(gateway, job, version, sql, restorePath, allowNonRestoredState, configuration,
                        context);
            }
        } catch (OperationFailedException e) {
            throw new OperationFailedException(configuration.scrub(e.getMessage()), e.suggestedFix(),
                    configuration.leaks(e) ? null : e);
        } catch (SqlSubmitException e) {
            String message = configuration.scrub(e.getMessage());
            throw new OperationFailedException("Submitting version " + versionNumber + " failed: " + message,
                    submitFix(message, restorePath), configuration.leaks(e) ? null : e);
        }
        // Recorded as soon as Flink accepted the job: whatever happens to the wait, the app knows the job it submitted
        // (the job stays Operating until the wait decides, and a reconcile picks it up if this process dies now).
        JobRun run = runs.startRun(job.id(), versionNumber, flinkJobId, restorePath, clock.instant());
        FlinkJobSummary started = awaitStarted(gateway, job, run,
                version.config().runtimeMode() == io.streamdesk.model.RuntimeMode.BATCH, configuration::scrub);
        Instant startedAt = run.startedAt();
        events.add(job.id(), run.instance(), EventKind.JOB_STARTED, startedAt,
                "Version " + versionNumber + " started" + (restorePath == null ? " fresh" : " from " + restorePath)
                        + " as Flink job " + flinkJobId);
        Job running = job.running(versionNumber, run.instance(), flinkJobId, startedAt);
        if ("FINISHED".equals(started.state())) {
            return finish(running, run, gateway); // a small bounded job may end before the first poll sees it RUNNING
        }
        // the cluster has just said the job runs: that is a confirmation, as a reconcile's answer would be
        clusters.jobStates().confirm(job.id(), flinkJobId, JobStatus.RUNNING, null, clock.instant());
        return running;
    }

    /**
     * The version's job graph kept at publish when one fits the run (no planner: the restore settings are set on it),
     * else compiled now. {@code sql} has the frozen variable values and no resolved secret (a version with secrets
     * keeps no graph).
     */
    private String submitSql(ClusterGateway gateway, Job job, JobVersion version, String sql, String restorePath,
                             boolean allowNonRestoredState,
                             io.streamdesk.service.secrets.SecretRefs.Resolved configuration,
                             io.streamdesk.model.sql.SqlContext context) {
        StoredJobGraphs graphs = storedGraphs;
        if (graphs != null) {
            java.util.Optional<io.streamdesk.service.port.JobGraphStore.StoredJobGraph> kept = graphs.fitting(job,
                    version, sql, FlinkJobConfiguration.of(version.config(), false), context);
            if (kept.isPresent()) {
                graphs.countStored();
                return graphs.submitter().submit(gateway, kept.get(), restorePath,
                        FlinkJobConfiguration.of(version.config(), allowNonRestoredState), context.jars());
            }
            graphs.countCompiled();
        }
        return submitter.submit(gateway, StoredJobGraphs.jobName(job, version.number()), configuration.sql(),
                restorePath, configuration.configuration(), context);
    }

    /** The version's SQL with the variable values it froze; a reference left unresolved refuses the run. */
    private static String withVariables(JobVersion version, java.util.Map<String, String> frozen) {
        io.streamdesk.model.sql.VariableSubstitution.Result substituted =
                io.streamdesk.model.sql.VariableSubstitution.apply(version.sql(), frozen);
        if (!substituted.ok()) {
            io.streamdesk.model.SqlProblem first = substituted.problems().get(0);
            throw new OperationFailedException("Version " + version.number() + " cannot run: SQL line " + first.line()
                    + ", column " + first.column() + ": " + first.message(), "A version runs with the variable values "
                    + "it froze when it was published; publish a new version once the check passes.");
        }
        return substituted.text();
    }

    /**
     * A run that Flink ran to its end (J4 "Finished"): the run keeps Flink's end time and the record counts, and the
     * job shows Finished, never "Run failed".
     */
    private Job finish(Job job, JobRun run, ClusterGateway gateway) {
        ClusterGateway.JobOutcome outcome;
        try {
            outcome = gateway.jobOutcome(run.flinkJobId());
        } catch (RuntimeException e) {
            outcome = new ClusterGateway.JobOutcome("FINISHED", 0, 0, null, null); // ended all the same; counts unknown
        }
        Instant ended = outcome.endTime() > 0 ? Instant.ofEpochMilli(outcome.endTime()) : clock.instant();
        if (ended.isBefore(run.startedAt())) {
            ended = run.startedAt(); // Flink's clock and ours may differ by milliseconds
        }
        runs.finishRun(job.id(), run.instance(), ended, outcome.recordsRead(), outcome.recordsWritten());
        announceEnd(job, run);
        events.add(job.id(), run.instance(), EventKind.JOB_STOPPED, ended, "Flink job " + run.flinkJobId()
                + " finished: " + JobRun.finishSummary(java.time.Duration.between(run.startedAt(), ended),
                outcome.recordsRead(), outcome.recordsWritten()));
        return job.stopped(JobStatus.FINISHED, ended).withWarning(null);
    }

    private Job doStop(Job job, boolean withSavepoint, String reason) {
        JobRun run = runs.liveRun(job.id()).orElseThrow(() -> new OperationFailedException(
                "The job is not running.", "Refresh the job list; run a version to start it."));
        ClusterGateway gateway = clusters.currentGateway(job.clusterId());
        String endState;
        String detail;
        if (withSavepoint) {
            String location = stopWithSavepoint(gateway, job, run);
            runs.addSavepoint(job.id(), run.instance(), run.version(), location, SavepointSource.ON_STOP,
                    SavepointStatus.COMPLETED, reason == null ? "Taken when stopping" : "Taken when the app quit",
                    clock.instant());
            endState = "STOPPED";
            detail = (reason == null ? "Stopped" : "Stopped at quit") + " with savepoint " + location;
        } else {
            cancelAndWait(gateway, run.flinkJobId());
            endState = "CANCELED";
            detail = "Stopped without savepoint";
        }
        Instant ended = clock.instant();
        runs.endRun(job.id(), run.instance(), endState, ended, reason);
        events.add(job.id(), run.instance(), EventKind.JOB_STOPPED, ended, detail);
        if (reason == null) {
            announceEnd(job, run); // not at quit: the cluster goes with the app
        }
        return job.stopped(JobStatus.STOPPED, ended);
    }

    private String stopWithSavepoint(ClusterGateway gateway, Job job, JobRun run) {
        String target = savepointTarget(clusters, job);
        String requestId;
        try {
            requestId = gateway.stopWithSavepoint(run.flinkJobId(), target);
        } catch (ClusterCallException e) {
            throw new OperationFailedException("Flink refused the stop: " + e.getMessage(),
                    "Check that the job still runs on the cluster; stop without a savepoint if it does not.", e);
        }
        Instant deadline = clock.instant().plus(timeouts.savepoint());
        while (true) {
            ClusterGateway.SavepointOperation op = gateway.savepointStatus(run.flinkJobId(), requestId);
            if (op.completed()) {
                if (!op.succeeded()) {
                    throw new OperationFailedException("The savepoint failed: " + op.failureCause(),
                            "The job keeps running. Look at its log for the failing operator, or stop without a savepoint.");
                }
                return op.location();
            }
            if (clock.instant().isAfter(deadline)) {
                throw new OperationFailedException("The savepoint did not complete within " + timeouts.savepoint().toSeconds() + " s.",
                        "Large state takes longer; try again, or stop without a savepoint.");
            }
            sleep();
        }
    }

    /**
     * Where the job's savepoints go on its cluster: a URI the cluster writes (the local cluster's data directory, a
     * remote cluster's configured savepoint directory), never assumed to be on the desktop. Refused with the
     * cluster's words when it has none.
     */
    public static String savepointTarget(ClusterService clusters, Job job) {
        try {
            return clusters.savepointTarget(job.clusterId(), job.id().value());
        } catch (IllegalStateException e) {
            throw new OperationFailedException(e.getMessage(),
                    "Edit the cluster and set its savepoint directory, or stop the job without a savepoint.", e);
        }
    }

    private void cancelAndWait(ClusterGateway gateway, String flinkJobId) {
        try {
            gateway.cancel(flinkJobId);
        } catch (ClusterCallException e) {
            if (e.status() != 404) {
                throw new OperationFailedException("Flink refused to cancel: " + e.getMessage(), "Try again.", e);
            }
            return; // the cluster no longer knows the job: it is stopped
        }
        Instant deadline = clock.instant().plus(timeouts.tasksRunning());
        while (clock.instant().isBefore(deadline)) {
            Optional<FlinkJobSummary> summary = gateway.job(flinkJobId);
            if (summary.isEmpty() || summary.get().isTerminal()) {
                return;
            }
            sleep();
        }
        throw new OperationFailedException("The job did not stop within " + timeouts.tasksRunning().toSeconds() + " s.",
                "Try again; if it keeps running, restart the cluster.");
    }

    /**
     * Waits until the submitted job has started: a streaming job when every task is RUNNING (a job RUNNING while its
     * tasks deploy is not started for the user); a BATCH job when Flink runs it (its stages run one after another, so
     * never all tasks at once); either when it already FINISHED (a bounded job). When the wait fails the Flink job
     * is cancelled so that no copy the app does not know stays behind; if even the cancel fails, the run stays
     * recorded and the job Operating so that the reconcile finds out what became of it.
     */
    private FlinkJobSummary awaitStarted(ClusterGateway gateway, Job job, JobRun run, boolean batch,
                                         java.util.function.UnaryOperator<String> scrub) {
        String flinkJobId = run.flinkJobId();
        Instant deadline = clock.instant().plus(timeouts.tasksRunning());
        long waitStarted = System.nanoTime();
        while (true) {
            Optional<FlinkJobSummary> summary = optionalJob(gateway, flinkJobId);
            if (summary.isPresent()) {
                FlinkJobSummary s = summary.get();
                boolean started = "FINISHED".equals(s.state()) || (batch ? "RUNNING".equals(s.state()) : s.allTasksRunning());
                if (started) {
                    return s;
                }
                if (s.isTerminal() || "FAILING".equals(s.state())) {
                    failedWhileStarting(gateway, job, run, s.state(), scrub);
                }
            }
            if (clock.instant().isAfter(deadline)) {
                String waited = "Not every task was running within " + timeouts.tasksRunning().toSeconds() + " s";
                String fix = "The cluster may lack free slots; stop other jobs or lower the parallelism, then run again.";
                if (cancelQuietly(gateway, flinkJobId)) {
                    runs.endRun(job.id(), run.instance(), "CANCELED", clock.instant());
                    announceEnd(job, run);
                    events.add(job.id(), run.instance(), EventKind.JOB_STOPPED, clock.instant(), waited
                            + ": Flink job " + flinkJobId + " was cancelled so that no copy of it stays behind");
                    throw new OperationFailedException(waited + "; the Flink job was cancelled.", fix);
                }
                throw new OperationFailedException(waited + ", and cancelling Flink job " + flinkJobId
                        + " failed: the app keeps tracking it and shows what becomes of it.", fix);
            }
            // a small job's tasks are all RUNNING within a few hundred ms: look closely then (one loopback GET costs
            // about a millisecond), then at the usual pace (issue 14: the 100 ms step was most of the gap to Flink's API)
            sleep(System.nanoTime() - waitStarted < FIRST_SECOND_NANOS ? FAST_POLL_MILLIS : POLL.toMillis());
        }
    }

    /** The job from the cluster, or empty while the cluster does not answer (the deadline decides). */
    private static Optional<FlinkJobSummary> optionalJob(ClusterGateway gateway, String flinkJobId) {
        try {
            return gateway.job(flinkJobId);
        } catch (ClusterUnreachableException e) {
            return Optional.empty();
        }
    }

    /**
     * Ends the run as FAILED with the root cause Flink reported and throws it; a FAILING job is cancelled. Flink may
     * quote a connector's options in its causes: {@code scrub} masks the secret values the submit put in (S2).
     */
    private void failedWhileStarting(ClusterGateway gateway, Job job, JobRun run, String state,
                                     java.util.function.UnaryOperator<String> scrub) {
        ClusterGateway.JobFailure failure = failureOf(gateway, run.flinkJobId());
        if (!"FAILED".equals(state) && !"CANCELED".equals(state)) {
            cancelQuietly(gateway, run.flinkJobId());
        }
        Instant ended = clock.instant();
        runs.endRun(job.id(), run.instance(), "FAILED", ended);
        announceEnd(job, run);
        String message = scrub.apply("The job " + ("FAILING".equals(state) ? "failed" : state.toLowerCase())
                + " while starting" + (failure == null ? "." : ": " + failure.describe()));
        events.add(new JobEvent(0, job.id(), run.instance(), EventKind.JOB_FAILED, ended, message, null,
                failure == null ? null : scrub.apply(failure.chain()), null, null));
        throw new OperationFailedException(message,
                "Fix the SQL or its connectors' options and publish a new version; the warning's Details show Flink's whole chain of causes.");
    }

    /** The newest failure, or null when Flink gives none or cannot be asked. */
    private static ClusterGateway.JobFailure failureOf(ClusterGateway gateway, String flinkJobId) {
        try {
            return gateway.newestFailure(flinkJobId);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when the job is gone or cancelled (or was already over). */
    private boolean cancelQuietly(ClusterGateway gateway, String flinkJobId) {
        try {
            cancelAndWait(gateway, flinkJobId);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String resolveRestore(JobId id, RestoreChoice restore) {
        return switch (restore.kind()) {
            case FRESH -> null;
            case PATH -> restore.path();
            case LATEST -> latestRestorePoint(id).map(CheckpointRecord::location).orElseThrow(() ->
                    new InputRejectedException("Restore: this job has no completed checkpoint or savepoint yet; run it fresh."));
        };
    }

    private Job reconcileOne(Job job) {
        Optional<JobRun> live = runs.liveRun(job.id());
        if (live.isEmpty()) {
            clusters.jobStates().forget(job.id());
            return job.status() == JobStatus.OPERATING ? save(job.stopped(JobStatus.STOPPED, clock.instant())) : job;
        }
        JobRun run = live.get();
        Optional<Instant> lostAt = clusters.jobsLostAt(job.clusterId());
        if (lostAt.isPresent() && run.startedAt() != null && run.startedAt().isBefore(lostAt.get())) {
            return resumes.endWithCluster(job, run); // the cluster that ran it is gone, whatever it says now
        }
        ClusterGateway gateway = clusters.currentGateway(job.clusterId());
        Optional<FlinkJobSummary> summary = gateway.job(run.flinkJobId());
        if (summary.isPresent() && !summary.get().isTerminal()) {
            // Restarting (n restarts), not Running, while Flink restarts it or its tasks are not all back after one
            JobStatus observed = JobStatus.RUNNING;
            Integer restarts = null;
            if (ResumeAfterClusterLoss.restarting(summary.get()) || ResumeAfterClusterLoss.maybeRecovering(summary.get())) {
                restarts = ResumeAfterClusterLoss.restarts(gateway, run.flinkJobId());
                boolean restarted = restarts != null && restarts > 0;
                if (ResumeAfterClusterLoss.restarting(summary.get()) || restarted) {
                    observed = JobStatus.RESTARTING;
                }
            }
            clusters.jobStates().confirm(job.id(), run.flinkJobId(), observed, restarts, clock.instant());
            if (job.status() != JobStatus.RUNNING) {
                return save(job.running(run.version(), run.instance(), run.flinkJobId(), run.startedAt()));
            }
            return job;
        }
        clusters.jobStates().forget(job.id());
        String state = summary.map(FlinkJobSummary::state).orElse("LOST");
        if ("FINISHED".equals(state)) {
            return save(finish(job, run, gateway));
        }
        Instant ended = clock.instant();
        runs.endRun(job.id(), run.instance(), state, ended);
        if (!"LOST".equals(state)) {
            announceEnd(job, run); // a lost job's cluster restarted: its logs are not this run's any more
        }
        boolean failed = "FAILED".equals(state) || "LOST".equals(state);
        ClusterGateway.JobFailure cause = failed && summary.isPresent() ? failureOf(gateway, run.flinkJobId()) : null;
        String message = "LOST".equals(state)
                ? "The cluster no longer knows Flink job " + run.flinkJobId() + " (the cluster restarted?)"
                : "Flink job " + run.flinkJobId() + " ended " + state + (cause == null ? "" : ": " + cause.describe());
        events.add(new JobEvent(0, job.id(), run.instance(), failed ? EventKind.JOB_FAILED : EventKind.JOB_STOPPED,
                ended, message, null, cause == null ? null : cause.chain(), null, null));
        Job ended1 = job.stopped(failed ? JobStatus.ERROR : JobStatus.STOPPED, ended);
        if (failed) {
            ended1 = ended1.withWarning(new JobWarning("Run", message,
                    "Run the job again from its latest checkpoint or savepoint; read the log for the cause.", ended));
        }
        return save(ended1);
    }

    private JobStatus actualStatus(Job job, JobStatus fallback) {
        if (runs.liveRun(job.id()).isEmpty()) {
            return fallback;
        }
        try {
            Job reconciled = reconcileOne(job);
            return reconciled.status() == JobStatus.OPERATING ? fallback : reconciled.status();
        } catch (RuntimeException e) {
            // a run is recorded but its Flink job's state is unknown: stay Operating so the reconcile keeps tracking it
            return JobStatus.OPERATING;
        }
    }

    private Job save(Job job) {
        Job saved = jobs.updateRunState(job);
        listeners.fire(saved);
        return saved;
    }

    private ReentrantLock lockOf(JobId id) {
        return operations.computeIfAbsent(id, k -> new ReentrantLock());
    }

    private static String submitFix(String message, String restorePath) {
        if (restorePath != null && message != null && message.toLowerCase().contains("savepoint")) {
            return "The savepoint may not match this version; run fresh or choose another savepoint.";
        }
        return "Check the SQL and its connector options, publish a fixed version, and run it.";
    }

    private static void sleep() {
        sleep(POLL.toMillis());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("Interrupted.", "Try again.");
        }
    }
}
