package io.streamdesk.model;

import java.time.Instant;

/**
 * One run of a job (J7). {@code instance} is 1, 2, ... per job.
 *
 * @param restoredFrom savepoint or checkpoint location the run started from, or null for a fresh start
 * @param endedAt      null while the run is live
 * @param endState     how it ended (STOPPED, CANCELED, FAILED, LOST), null while live
 * @param endReason    why, in words ({@link #STOPPED_AT_QUIT}), or null
 */
public record JobRun(JobId jobId, int instance, int version, String flinkJobId, String restoredFrom,
                     Instant startedAt, Instant endedAt, String endState, String endReason) {
    /** The reason of a run the app stopped with a savepoint because it quit (window closed, SIGTERM, logout). */
    public static final String STOPPED_AT_QUIT = "stopped at quit";
    /** The reason of a run that ended with the local cluster when the app quit without savepoints. */
    public static final String ENDED_AT_QUIT = "ended at quit without a savepoint";

    /** A run without an end reason. */
    public JobRun(JobId jobId, int instance, int version, String flinkJobId, String restoredFrom, Instant startedAt,
                  Instant endedAt, String endState) {
        this(jobId, instance, version, flinkJobId, restoredFrom, startedAt, endedAt, endState, null);
    }
}
