package io.streamdesk.service.port;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs (J7) and the app's savepoint records (C1). Commits before returning. */
public interface RunStore {

    /** Records a new run with the next instance number of the job (1 for the first). */
    JobRun startRun(JobId id, int version, String flinkJobId, String restoredFrom, Instant startedAt);

    default void endRun(JobId id, int instance, String endState, Instant endedAt) {
        endRun(id, instance, endState, endedAt, null);
    }

    /** Ends the run with its end state and, when not null, why in words ({@link JobRun#endReason()}). */
    void endRun(JobId id, int instance, String endState, Instant endedAt, String reason);

    /**
     * Ends a run that Flink ran to its end ({@link io.streamdesk.model.JobRun#FINISHED}) with the record counts Flink
     * reported; a count is null when unknown.
     */
    void finishRun(JobId id, int instance, Instant endedAt, Long recordsRead, Long recordsWritten);

    /** Runs of a job, newest first. */
    List<JobRun> listRuns(JobId id);

    Optional<JobRun> liveRun(JobId id);

    SavepointRecord addSavepoint(JobId id, int runInstance, int version, String location, SavepointSource source,
                                 SavepointStatus status, String description, Instant createdAt);

    /** Savepoints of a job, newest first. */
    List<SavepointRecord> listSavepoints(JobId id);
}
