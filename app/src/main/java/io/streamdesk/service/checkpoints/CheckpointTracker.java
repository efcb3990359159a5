package io.streamdesk.service.checkpoints;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.Job;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.service.port.CheckpointStore;
import io.streamdesk.service.port.CheckpointReader;
import io.streamdesk.service.port.CheckpointReader.CheckpointEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies Flink's checkpoint history of running jobs into the app's store (C1), so that it survives a cluster
 * restart. Called by the sampler after each job's metrics; it asks Flink for the history only when the job's
 * checkpoint counts changed since the last copy, which keeps the sampler at 2 + vertices requests per job and tick.
 */
public final class CheckpointTracker {
    /** Periodic checkpoints kept per job; Flink itself retains only the newest few (P3: 5) on disk. */
    public static final int KEEP_PERIODIC = 100;

    private final CheckpointStore store;
    private final Map<String, String> lastCounts = new ConcurrentHashMap<>();

    public CheckpointTracker(CheckpointStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @param jobValues the job-level canonical metrics the sampler just read */
    public void onJobSampled(CheckpointReader gateway, Job job, Map<MetricName, Double> jobValues) {
        String counts = jobValues.get(MetricName.JOB_COMPLETED_CHECKPOINTS) + "/"
                + jobValues.get(MetricName.JOB_FAILED_CHECKPOINTS) + "/"
                + jobValues.get(MetricName.JOB_IN_PROGRESS_CHECKPOINTS);
        String key = job.flinkJobId();
        if (counts.equals(lastCounts.get(key))) {
            return;
        }
        copy(gateway, job);
        lastCounts.put(key, counts);
    }

    /** Reads the history now and stores it (also after a manual savepoint). */
    public void copy(CheckpointReader gateway, Job job) {
        List<CheckpointRecord> records = new ArrayList<>();
        for (CheckpointEntry e : gateway.checkpointHistory(job.flinkJobId())) {
            records.add(toRecord(job, e));
        }
        store.upsert(records);
        store.trimPeriodic(job.id(), KEEP_PERIODIC);
    }

    static CheckpointRecord toRecord(Job job, CheckpointEntry e) {
        SavepointStatus status = status(e);
        Instant trigger = Instant.ofEpochMilli(e.triggerTimestamp());
        Instant completed = status == SavepointStatus.COMPLETED || status == SavepointStatus.CLEARED
                ? Instant.ofEpochMilli(e.latestAckTimestamp()) : null;
        int version = job.onlineVersion() == null ? 0 : job.onlineVersion();
        return new CheckpointRecord(job.id(), job.runInstance(), version, job.flinkJobId(), e.id(), e.kind(),
                source(e), status, trigger, completed,
                e.durationMs() > 0 || completed != null ? Duration.ofMillis(e.durationMs()) : null,
                status == SavepointStatus.FAILED || status == SavepointStatus.EXPIRED ? null : e.sizeBytes(),
                e.externalPath(), null);
    }

    static SavepointStatus status(CheckpointEntry e) {
        if (e.discarded()) {
            return SavepointStatus.CLEARED;
        }
        String s = e.status() == null ? "" : e.status();
        return switch (s) {
            case "COMPLETED" -> SavepointStatus.COMPLETED;
            case "IN_PROGRESS" -> SavepointStatus.IN_PROGRESS;
            case "FAILED" -> e.failureMessage() != null && e.failureMessage().toLowerCase().contains("expired")
                    ? SavepointStatus.EXPIRED : SavepointStatus.FAILED;
            default -> SavepointStatus.FAILED;
        };
    }

    /** A synchronous savepoint is Flink's stop-with-savepoint; a plain savepoint was asked for while running. */
    static SavepointSource source(CheckpointEntry e) {
        String kind = e.kind() == null ? "" : e.kind();
        if (kind.contains("SYNC")) {
            return SavepointSource.ON_STOP;
        }
        return e.savepoint() || kind.contains("SAVEPOINT") ? SavepointSource.MANUAL : SavepointSource.PERIODIC;
    }
}
