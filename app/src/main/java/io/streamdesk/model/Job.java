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
 * @param runStateVersion how many times the run-state fields (status, online version, run fields, warning) were
 *                        written; a run-state write names the version it read and fails when another writer came
 *                        first (an optimistic check, so a stale status write never reverts a newer one)
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
        JobWarning warning,
        long runStateVersion) {

    /** A job not read from a store yet (version 0). */
    public Job(JobId id, String name, String folder, JobType type, String clusterId, JobStatus status,
               Integer onlineVersion, Instant createdAt, Duration cumulativeRunTime, Instant runStartedAt,
               int runInstance, String flinkJobId, JobWarning warning) {
        this(id, name, folder, type, clusterId, status, onlineVersion, createdAt, cumulativeRunTime, runStartedAt,
                runInstance, flinkJobId, warning, 0L);
    }

    public Job withStatus(JobStatus newStatus) {
        return new Job(id, name, folder, type, clusterId, newStatus, onlineVersion, createdAt, cumulativeRunTime,
                runStartedAt, runInstance, flinkJobId, warning, runStateVersion);
    }

    public Job withWarning(JobWarning newWarning) {
        return new Job(id, name, folder, type, clusterId, status, onlineVersion, createdAt, cumulativeRunTime,
                runStartedAt, runInstance, flinkJobId, newWarning, runStateVersion);
    }

    public Job withName(String newName) {
        return new Job(id, newName, folder, type, clusterId, status, onlineVersion, createdAt, cumulativeRunTime,
                runStartedAt, runInstance, flinkJobId, warning, runStateVersion);
    }

    /** The same run state, as a write based on a read at {@code version} (see {@link #runStateVersion()}). */
    public Job withRunStateVersion(long version) {
        return new Job(id, name, folder, type, clusterId, status, onlineVersion, createdAt, cumulativeRunTime,
                runStartedAt, runInstance, flinkJobId, warning, version);
    }

    /** The job is running version {@code version} as Flink job {@code flinkId}, run instance {@code instance}. */
    public Job running(int version, int instance, String flinkId, Instant startedAt) {
        return new Job(id, name, folder, type, clusterId, JobStatus.RUNNING, version, createdAt, cumulativeRunTime,
                startedAt, instance, flinkId, null, runStateVersion);
    }

    /** The current run ended at {@code endedAt}; its time is added to the cumulative run time. */
    public Job stopped(JobStatus endStatus, Instant endedAt) {
        Duration total = cumulativeRunTime;
        if (runStartedAt != null && endedAt != null && endedAt.isAfter(runStartedAt)) {
            total = total.plus(Duration.between(runStartedAt, endedAt));
        }
        return new Job(id, name, folder, type, clusterId, endStatus, null, createdAt, total, null, runInstance,
                flinkJobId, warning, runStateVersion);
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
