package io.streamdesk.service.port;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;

import java.util.Collection;
import java.util.List;

/** The app's copy of Flink's checkpoint history (C1). Commits before returning. */
public interface CheckpointStore {

    /**
     * Inserts or updates records by (Flink job id, checkpoint id). A null description or location in an update
     * keeps the stored one.
     */
    void upsert(Collection<CheckpointRecord> records);

    /** Records of a job, newest trigger first, at most {@code limit}. */
    List<CheckpointRecord> list(JobId job, int limit);

    /** Keeps the newest {@code keep} periodic checkpoints of a job, deletes older ones; returns how many went. */
    int trimPeriodic(JobId job, int keep);
}
