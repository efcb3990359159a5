package io.streamdesk.service;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.CheckpointRecord;
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
import io.streamdesk.service.jobconfig.FlinkJobConfiguration;
import io.streamdesk.service.port.ClusterCallException;
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
    private final SqlSubmitter submitter;
    private final JobChangeListeners listeners;
    private final Clock clock;
    private final Path savepointRoot;
    private final RunTimeouts timeouts;
    private final RestorePointLookup restorePoints;
    private final ConcurrentHashMap<JobId, ReentrantLock> operations = new ConcurrentHashMap<>();
    private final io.streamdesk.service.secrets.SecretRefs secretRefs;
    /** Jobs a reconcile holds (or is about to hold) the lock of; one reconcile runs at a time. */
    private final java.util.Set<JobId> reconciling = ConcurrentHashMap.newKeySet();
    private final Object reconcileTurn = new Object();

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
        return underOperation(id, "Stop", job -> doStop(job, withSavepoint));
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

    /** Completed checkpoints and savepoints that still exist, newest first: what a run can start from. */
    public List<CheckpointRecord> restorePoints(JobId id) {
        return restorePoints.restorable(id);
    }

    /** The newest completed savepoint of the job, if any. */
    public Optional<SavepointRecord> latestSavepoint(JobId id) {
        return runs.listSavepoints(id).stream().filter(s -> s.status() == SavepointStatus.COMPLETED).findFirst();
    }

    /**
     * Brings stored statuses in line with the cluster: a job the store thinks runs but whose Flink job ended
     * becomes STOPPED or ERROR; a job left OPERATING by a crash gets its actual status. Jobs under an operation
     * are skipped. An unreachable cluster changes nothing (the last known state stays, R6). A reconcile is a
     * background read: a user's operation that arrives while it looks at the job waits for it instead of failing.
     */
    public void reconcile() {
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
                try {
                    reconcileOne(jobs.find(job.id()).orElse(job));
                } catch (ClusterUnreachableException | OperationFailedException e) {
                    // keep the last known state; the cluster status shows it is unreachable
                } finally {
                    reconciling.remove(job.id());
                    lock.unlock();
                }
            }
        }
    }

    /** Stops every running job with a savepoint, e.g. when the app quits (R1). Returns the jobs that failed. */
    public List<JobId> stopAllWithSavepoint() {
        return jobs.list().stream()
                .filter(j -> j.status() == JobStatus.RUNNING)
                .filter(j -> {
                    try {
                        stop(j.id(), true);
                        return false;
                    } catch (RuntimeException e) {
                        return true;
                    }
                })
                .map(Job::id)
                .toList();
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
        try {
            Job before = jobs.find(id).orElseThrow(() -> new InputRejectedException("No job with ID " + id + "."));
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
                save(before);
                throw e;
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                fail(operating, before, name, message, "See the app log for details.");
                throw new OperationFailedException(message, "See the app log for details.", e);
            }
        } finally {
            lock.unlock();
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
            throw new OperationFailedException("Version " + job.onlineVersion() + " of this job is still running.",
                    "Stop the running version first (with a savepoint to keep its state), then run this one.");
        }
        String restorePath = resolveRestore(job.id(), restore);
        // S2: secrets (in the SQL and the parameters) are put in only here, for the submitter; a missing one refuses
        // before the cluster is touched
        io.streamdesk.service.secrets.SecretRefs.Resolved configuration = secretRefs.resolve(version.sql(),
                version.config().parameters(), FlinkJobConfiguration.of(version.config(), allowNonRestoredState));
        ClusterGateway gateway = clusters.readyGateway(job.clusterId(), timeouts.clusterStart());
        String flinkJobId;
        try {
            flinkJobId = submitter.submit(gateway.restUrl(), job.name() + " (" + job.id() + " v" + versionNumber + ")",
                    configuration.sql(), restorePath, configuration.configuration());
        } catch (SqlSubmitException e) {
            String message = configuration.scrub(e.getMessage());
            throw new OperationFailedException("Submitting version " + versionNumber + " failed: " + message,
                    submitFix(message, restorePath), configuration.leaks(e) ? null : e);
        }
        awaitAllTasksRunning(gateway, flinkJobId);
        Instant started = clock.instant();
        JobRun run = runs.startRun(job.id(), versionNumber, flinkJobId, restorePath, started);
        events.add(job.id(), run.instance(), EventKind.JOB_STARTED, started,
                "Version " + versionNumber + " started" + (restorePath == null ? " fresh" : " from " + restorePath)
                        + " as Flink job " + flinkJobId);
        return job.running(versionNumber, run.instance(), flinkJobId, started);
    }

    private Job doStop(Job job, boolean withSavepoint) {
        JobRun run = runs.liveRun(job.id()).orElseThrow(() -> new OperationFailedException(
                "The job is not running.", "Refresh the job list; run a version to start it."));
        ClusterGateway gateway = clusters.currentGateway(job.clusterId());
        String endState;
        String detail;
        if (withSavepoint) {
            String location = stopWithSavepoint(gateway, job, run);
            runs.addSavepoint(job.id(), run.instance(), run.version(), location, SavepointSource.ON_STOP,
                    SavepointStatus.COMPLETED, "Taken when stopping", clock.instant());
            endState = "STOPPED";
            detail = "Stopped with savepoint " + location;
        } else {
            cancelAndWait(gateway, run.flinkJobId());
            endState = "CANCELED";
            detail = "Stopped without savepoint";
        }
        Instant ended = clock.instant();
        runs.endRun(job.id(), run.instance(), endState, ended);
        events.add(job.id(), run.instance(), EventKind.JOB_STOPPED, ended, detail);
        return job.stopped(JobStatus.STOPPED, ended);
    }

    private String stopWithSavepoint(ClusterGateway gateway, Job job, JobRun run) {
        Path target = savepointRoot.resolve(job.id().value());
        String requestId;
        try {
            requestId = gateway.stopWithSavepoint(run.flinkJobId(), target.toUri().toString());
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

    private void awaitAllTasksRunning(ClusterGateway gateway, String flinkJobId) {
        Instant deadline = clock.instant().plus(timeouts.tasksRunning());
        while (true) {
            Optional<FlinkJobSummary> summary = gateway.job(flinkJobId);
            if (summary.isPresent()) {
                FlinkJobSummary s = summary.get();
                if (s.allTasksRunning()) {
                    return;
                }
                if (s.isTerminal() || "FAILING".equals(s.state())) {
                    String cause = gateway.jobDetails(flinkJobId).failureCause();
                    throw new OperationFailedException("The job " + s.state().toLowerCase() + " while starting"
                            + (cause == null ? "." : ": " + firstLine(cause)),
                            "Read the failure cause in the job's log; fix the SQL or its connectors' options and publish a new version.");
                }
            }
            if (clock.instant().isAfter(deadline)) {
                throw new OperationFailedException("Not every task was running within " + timeouts.tasksRunning().toSeconds() + " s.",
                        "The cluster may lack free slots; stop other jobs or lower the parallelism.");
            }
            sleep();
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
            return job.status() == JobStatus.OPERATING ? save(job.stopped(JobStatus.STOPPED, clock.instant())) : job;
        }
        ClusterGateway gateway = clusters.currentGateway(job.clusterId());
        Optional<FlinkJobSummary> summary = gateway.job(live.get().flinkJobId());
        JobRun run = live.get();
        if (summary.isPresent() && !summary.get().isTerminal()) {
            if (job.status() != JobStatus.RUNNING) {
                return save(job.running(run.version(), run.instance(), run.flinkJobId(), run.startedAt()));
            }
            return job;
        }
        String state = summary.map(FlinkJobSummary::state).orElse("LOST");
        Instant ended = clock.instant();
        runs.endRun(job.id(), run.instance(), state, ended);
        boolean failed = "FAILED".equals(state) || "LOST".equals(state);
        String cause = failed && summary.isPresent() ? gateway.jobDetails(run.flinkJobId()).failureCause() : null;
        String message = "LOST".equals(state)
                ? "The cluster no longer knows Flink job " + run.flinkJobId() + " (the cluster restarted?)"
                : "Flink job " + run.flinkJobId() + " ended " + state + (cause == null ? "" : ": " + firstLine(cause));
        events.add(job.id(), run.instance(), failed ? EventKind.JOB_FAILED : EventKind.JOB_STOPPED, ended, message);
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
            return fallback;
        }
    }

    private Job save(Job job) {
        Job saved = jobs.update(job);
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

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("Interrupted.", "Try again.");
        }
    }
}
