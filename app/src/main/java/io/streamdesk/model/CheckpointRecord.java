package io.streamdesk.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A checkpoint or savepoint of a job as the app shows it (C1): Flink's history entry, kept by the app so that it
 * survives cluster restarts, merged with the app's own savepoint records (descriptions, manual and on-stop ones).
 *
 * @param checkpointId Flink's checkpoint id within its job, or 0 for a record Flink never listed
 * @param kind         CHECKPOINT, SAVEPOINT or SYNC_SAVEPOINT as Flink says
 * @param completedAt  null while in progress or when it failed
 * @param duration     null when unknown
 * @param sizeBytes    null when unknown
 */
public record CheckpointRecord(JobId jobId, int runInstance, int version, String flinkJobId, long checkpointId,
                               String kind, SavepointSource source, SavepointStatus status, Instant triggeredAt,
                               Instant completedAt, Duration duration, Long sizeBytes, String location,
                               String description) {

    /** A completed one that is still on disk can be restored from (C2). */
    public boolean restorable() {
        return status == SavepointStatus.COMPLETED && location != null;
    }

    public CheckpointRecord withStatus(SavepointStatus newStatus) {
        return new CheckpointRecord(jobId, runInstance, version, flinkJobId, checkpointId, kind, source, newStatus,
                triggeredAt, completedAt, duration, sizeBytes, location, description);
    }

    public CheckpointRecord withDescription(String newDescription, SavepointSource newSource) {
        return new CheckpointRecord(jobId, runInstance, version, flinkJobId, checkpointId, kind, newSource, status,
                triggeredAt, completedAt, duration, sizeBytes, location, newDescription);
    }
}
