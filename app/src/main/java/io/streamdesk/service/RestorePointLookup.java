package io.streamdesk.service;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;

import java.util.List;

/**
 * What a run can restore from (V4, C2): the job's completed checkpoints and savepoints, newest first — on the local
 * cluster those whose files still exist; on a remote cluster also those the desktop cannot read but Flink reported
 * completed (R6). Implemented by the checkpoints feature; the run service only asks.
 */
public interface RestorePointLookup {

    List<CheckpointRecord> restorable(JobId id);

    /** False when the job's cluster does not share the desktop's file system (a remote cluster): missing here is not gone. */
    default boolean sharesDesktopFiles(JobId id) {
        return true;
    }
}
