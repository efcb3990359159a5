package io.streamdesk.service.checkpoints;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.InputLimits;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.port.CheckpointStore;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.RunStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Checkpoints page (C1, C2): Flink's history as the app kept it, merged with the app's own savepoint records
 * (descriptions, the on-stop savepoints of runs whose cluster is long gone), and manual savepoints.
 */
public final class CheckpointService {
    private static final Duration POLL = Duration.ofMillis(200);

    private final JobStore jobs;
    private final RunStore runs;
    private final RestorePoints points;
    private final CheckpointTracker tracker;
    private final ClusterService clusters;
    private final Clock clock;
    private final Path savepointRoot;
    private final Duration savepointTimeout;

    public CheckpointService(JobStore jobs, RunStore runs, CheckpointStore checkpoints, CheckpointTracker tracker,
                             ClusterService clusters, Clock clock, Path savepointRoot, Duration savepointTimeout) {
        this.jobs = jobs;
        this.runs = runs;
        this.points = RestorePoints.onClustersOf(checkpoints, runs, jobs, clusters);
        this.tracker = tracker;
        this.clusters = clusters;
        this.clock = clock;
        this.savepointRoot = savepointRoot;
        this.savepointTimeout = savepointTimeout;
    }

    /**
     * Checkpoints and savepoints of a job, newest first. A completed one whose files are gone (Flink's retention
     * removed it, or someone deleted it) shows as CLEARED and cannot be restored from.
     */
    public List<CheckpointRecord> list(JobId id) {
        return points.list(id);
    }

    /** False when the savepoint or checkpoint at {@code location} was cleared (its local files are gone). */
    public boolean stillExists(String location) {
        return points.stillExists(location);
    }

    /**
     * True when the job's cluster can read the checkpoint or savepoint at {@code location} but this desktop cannot
     * (a remote cluster's storage): it is listed as Flink reported it (R6). Looks at the file system: not on the UI thread.
     */
    public boolean notReadableFromDesktop(JobId id, String location) {
        return location != null && StateFiles.notReadableFromDesktop(location, points.sharesDesktopFiles(id));
    }

    /** Completed savepoints and checkpoints that still exist: what a run can restore from (C2). */
    public List<CheckpointRecord> restorable(JobId id) {
        return points.restorable(id);
    }

    /**
     * Takes a savepoint of the running job with a description and waits for it (C2).
     *
     * @throws InputRejectedException   for a bad description or a job that does not run
     * @throws OperationFailedException when Flink refuses or the savepoint fails
     */
    public SavepointRecord triggerSavepoint(JobId id, String description) {
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            throw new InputRejectedException("Description: say why this savepoint is taken (e.g. \"before upgrade\").");
        }
        if (text.length() > InputLimits.MAX_DESCRIPTION) {
            throw new InputRejectedException("Description: at most " + InputLimits.MAX_DESCRIPTION
                    + " characters (got " + text.length() + ").");
        }
        Job job = jobs.find(id).orElseThrow(() -> new InputRejectedException("No job with ID " + id + "."));
        if (job.status() != JobStatus.RUNNING || job.flinkJobId() == null) {
            throw new InputRejectedException("Savepoint: the job is not running; savepoints are taken of running jobs.");
        }
        ClusterGateway gateway = gateway(job);
        String target = io.streamdesk.service.RunService.savepointTarget(clusters, job);
        String requestId;
        try {
            requestId = gateway.triggerSavepoint(job.flinkJobId(), target);
        } catch (ClusterCallException e) {
            throw new OperationFailedException("Flink refused the savepoint: " + e.getMessage(),
                    "Check that the job still runs on the cluster and try again.", e);
        }
        Instant deadline = clock.instant().plus(savepointTimeout);
        while (true) {
            ClusterGateway.SavepointOperation op = gateway.savepointStatus(job.flinkJobId(), requestId);
            if (op.completed()) {
                if (!op.succeeded()) {
                    throw new OperationFailedException("The savepoint failed: " + op.failureCause(),
                            "The job keeps running. Look at its log for the failing operator and try again.");
                }
                SavepointRecord record = runs.addSavepoint(id, job.runInstance(),
                        job.onlineVersion() == null ? 0 : job.onlineVersion(), op.location(), SavepointSource.MANUAL,
                        SavepointStatus.COMPLETED, text, clock.instant());
                try {
                    tracker.copy(gateway, job);
                } catch (RuntimeException e) {
                    // the record above is what matters; Flink's entry (size, duration) comes with the next tick
                }
                return record;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new OperationFailedException("The savepoint did not complete within " + savepointTimeout.toSeconds() + " s.",
                        "Large state takes longer; look at the Checkpoints page later, it may still complete.");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationFailedException("Interrupted.", "Try again.");
            }
        }
    }

    private ClusterGateway gateway(Job job) {
        try {
            return clusters.currentGateway(job.clusterId());
        } catch (ClusterUnreachableException e) {
            throw new OperationFailedException("The cluster does not answer: " + e.getMessage(),
                    "Wait until the cluster is reachable again, then try again.", e);
        }
    }
}
