package io.streamdesk.model;

import java.time.Instant;

/**
 * One run of a job (J7). {@code instance} is 1, 2, ... per job.
 *
 * @param restoredFrom savepoint or checkpoint location the run started from, or null for a fresh start
 * @param endedAt      null while the run is live
 * @param endState     how it ended (STOPPED, CANCELED, FAILED, LOST), null while live
 */
public record JobRun(JobId jobId, int instance, int version, String flinkJobId, String restoredFrom,
                     Instant startedAt, Instant endedAt, String endState) {
}
