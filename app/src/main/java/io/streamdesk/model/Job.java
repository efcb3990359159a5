package io.streamdesk.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A job as the user sees it (J2, J3, J4).
 *
 * @param onlineVersion   the running version number, or null
 * @param runInstance     the latest run instance number (J7), 0 before the first run
 * @param flinkJobId      the Flink job id of the current or last run, or null
 * @param runStartedAt    start of the current run, or null when not running
 * @param cumulativeRunTime run time of all finished runs (the current run adds to it while running)
 * @param warning         the last failed operation's warning, or null
 */
public record Job(
        JobId id,
        String name,
        String folder,
        JobType type,
        String clusterId,
        JobStatus status,
        Integer onlineVersion,
        Instant createdAt,
        Duration cumulativeRunTime,
        Instant runStartedAt,
        int runInstance,
        String flinkJobId,
        JobWarning warning) {

    public Job withStatus(JobStatus newStatus) {
        return new Job(id, name, folder, type, clusterId, newStatus, onlineVersion, createdAt, cumulativeRunTime,
                runStartedAt, runInstance, flinkJobId, warning);
    }

    public Job withWarning(JobWarning newWarning) {
        return new Job(id, name, folder, type, clusterId, status, onlineVersion, createdAt, cumulativeRunTime,
                runStartedAt, runInstance, flinkJobId, newWarning);
    }

    public Job withName(String newName) {
        return new Job(id, newName, folder, type, clusterId, status, onlineVersion, createdAt, cumulativeRunTime,
                runStartedAt, runInstance, flinkJobId, warning);
    }

    /** The job is running version {@code version} as Flink job {@code flinkId}, run instance {@code instance}. */
    public Job running(int version, int instance, String flinkId, Instant startedAt) {
        return new Job(id, name, folder, type, clusterId, JobStatus.RUNNING, version, createdAt, cumulativeRunTime,
                startedAt, instance, flinkId, null);
    }

    /** The current run ended at {@code endedAt}; its time is added to the cumulative run time. */
    public Job stopped(JobStatus endStatus, Instant endedAt) {
        Duration total = cumulativeRunTime;
        if (runStartedAt != null && endedAt != null && endedAt.isAfter(runStartedAt)) {
            total = total.plus(Duration.between(runStartedAt, endedAt));
        }
        return new Job(id, name, folder, type, clusterId, endStatus, null, createdAt, total, null, runInstance,
                flinkJobId, warning);
    }

    /** Run time of the current run at {@code now}, zero when not running. */
    public Duration currentRunTime(Instant now) {
        return runStartedAt == null ? Duration.ZERO : Duration.between(runStartedAt, now);
    }

    /** Cumulative run time including the current run at {@code now}. */
    public Duration totalRunTime(Instant now) {
        return cumulativeRunTime.plus(currentRunTime(now));
    }
}
