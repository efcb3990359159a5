package io.streamdesk.service.port;

import java.util.List;

/** A job's checkpoints as Flink keeps them (C1, EV2). Errors as {@link ClusterStatusReader} says. */
public interface CheckpointReader {

    /** {@code GET /jobs/:jobid/checkpoints}: counts and the latest completed checkpoint. */
    CheckpointSummary checkpoints(String flinkJobId);

    /** {@code GET /jobs/:jobid/checkpoints}: the history Flink keeps (newest first). */
    List<CheckpointEntry> checkpointHistory(String flinkJobId);

    /** {@code GET /jobs/:jobid/checkpoints}: the failure message of the newest failed checkpoint, or null. */
    String latestCheckpointFailure(String flinkJobId);

    record CheckpointSummary(long completed, long failed, long inProgress, String latestCompletedPath,
                             String latestSavepointPath) {
    }

    /**
     * One entry of Flink's checkpoint history. {@code status} is Flink's (IN_PROGRESS, COMPLETED, FAILED);
     * {@code kind} CHECKPOINT, SAVEPOINT or SYNC_SAVEPOINT; times are epoch ms (0 when unknown).
     */
    record CheckpointEntry(long id, String status, String kind, boolean savepoint, long triggerTimestamp,
                           long latestAckTimestamp, long durationMs, long sizeBytes, String externalPath,
                           boolean discarded, String failureMessage) {
    }
}
