package io.streamdesk.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of a job (J7). {@code instance} is 1, 2, ... per job.
 *
 * @param restoredFrom   savepoint or checkpoint location the run started from, or null for a fresh start
 * @param endedAt        null while the run is live
 * @param endState       how it ended (STOPPED, CANCELED, FAILED, LOST, or {@link #FINISHED}), null while live
 * @param recordsRead    records the job's sources emitted, as Flink counted them; null when unknown (J4 "Finished")
 * @param recordsWritten records the job's sinks received; null when unknown
 * @param endReason      why, in words ({@link #STOPPED_AT_QUIT}), or null
 */
public record JobRun(JobId jobId, int instance, int version, String flinkJobId, String restoredFrom,
                     Instant startedAt, Instant endedAt, String endState, Long recordsRead, Long recordsWritten,
                     String endReason) {
    /** The reason of a run the app stopped with a savepoint because it quit (window closed, SIGTERM, logout). */
    public static final String STOPPED_AT_QUIT = "stopped at quit";
    /** The reason of a run that ended with the local cluster when the app quit without savepoints. */
    public static final String ENDED_AT_QUIT = "ended at quit without a savepoint";

    /** The end state of a bounded or batch run that Flink ran to its end. */
    public static final String FINISHED = "FINISHED";

    /** A run without record counts (every end but FINISHED). */
    public JobRun(JobId jobId, int instance, int version, String flinkJobId, String restoredFrom,
                  Instant startedAt, Instant endedAt, String endState) {
        this(jobId, instance, version, flinkJobId, restoredFrom, startedAt, endedAt, endState, null, null, null);
    }

    /** A run with record counts and no end reason. */
    public JobRun(JobId jobId, int instance, int version, String flinkJobId, String restoredFrom,
                  Instant startedAt, Instant endedAt, String endState, Long recordsRead, Long recordsWritten) {
        this(jobId, instance, version, flinkJobId, restoredFrom, startedAt, endedAt, endState, recordsRead,
                recordsWritten, null);
    }

    /** A run with an end reason and no record counts. */
    public JobRun(JobId jobId, int instance, int version, String flinkJobId, String restoredFrom, Instant startedAt,
                  Instant endedAt, String endState, String endReason) {
        this(jobId, instance, version, flinkJobId, restoredFrom, startedAt, endedAt, endState, null, null, endReason);
    }

    public boolean finished() {
        return FINISHED.equals(endState);
    }

    /** "Finished in 3 s: 1,000 records read, 10 written" for a finished run, else null. */
    public String finishSummary() {
        return finished() ? finishSummary(duration(), recordsRead, recordsWritten) : null;
    }

    /** "3 s: 1,000 records read, 10 written"; counts Flink did not report say so. */
    public static String finishSummary(Duration duration, Long recordsRead, Long recordsWritten) {
        String took = took(duration);
        if (recordsRead == null && recordsWritten == null) {
            return took + " (records not counted: Flink counts only records passed between tasks)";
        }
        return took + ", " + count(recordsRead) + " records read, " + count(recordsWritten) + " written";
    }

    private static String took(Duration d) {
        if (d == null || d.isNegative()) {
            return "-";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60)
                : String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }

    private static String count(Long n) {
        return n == null ? "?" : String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** From start to end; null while live. */
    public Duration duration() {
        return endedAt == null ? null : Duration.between(startedAt, endedAt);
    }
}
