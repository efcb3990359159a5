package io.streamdesk.service;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;

import java.util.List;

/**
 * What a run can restore from (V4, C2): the job's completed checkpoints and savepoints whose files still exist,
 * newest first. Implemented by the checkpoints feature; the run service only asks.
 */
public interface RestorePointLookup {

    List<CheckpointRecord> restorable(JobId id);
}
