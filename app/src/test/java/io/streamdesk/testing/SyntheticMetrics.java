package io.streamdesk.testing;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.port.MetricStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible metric history for UI tests, screenshots and benchmarks: daily waves with noise, a two-hour stop on the
 * third day (a gap), and counters that fall back to zero after it (a restart).
 */
public final class SyntheticMetrics {
    private final Random random = new Random(42);
    private final Instant now;

    public SyntheticMetrics(Instant now) {
        this.now = now;
    }

    /** One series over {@code length} before now with a sample every {@code step}. */
    public List<MetricSample> series(SeriesKey key, Duration length, Duration step, double base, double amplitude) {
        List<MetricSample> out = new ArrayList<>();
        long end = now.toEpochMilli();
        long start = end - length.toMillis();
        long gapFrom = end - Duration.ofDays(4).toMillis();
        long gapTo = gapFrom + Duration.ofHours(2).toMillis();
        double counter = 0;
        for (long t = start; t < end; t += step.toMillis()) {
            if (t >= gapFrom && t < gapTo) {
                counter = 0;
                continue;
            }
            double day = 2 * Math.PI * (t % 86_400_000L) / 86_400_000.0;
            double v = base + amplitude * Math.sin(day) + amplitude * 0.15 * random.nextGaussian();
            if (key.metric().kind() == io.streamdesk.model.metrics.MetricKind.COUNTER) {
                counter += Math.max(0, random.nextDouble() < 0.02 ? 1 : 0) * Math.max(1, base);
                v = counter;
            }
            out.add(new MetricSample(key, t, Math.max(0, v)));
        }
        return out;
    }

    /** A running job's history: 7 days of job, TaskManager and JobManager series; the last day of task series. */
    public void fill(MetricStore store, JobId job, String cluster, String taskManager, List<String> vertices,
                     int subtasks) {
        Duration week = Duration.ofDays(7);
        Duration minute = Duration.ofMinutes(1);
        List<MetricSample> all = new ArrayList<>();
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_RECORDS_IN_PER_SECOND), week, minute, 1200, 500));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_RECORDS_OUT_PER_SECOND), week, minute, 1100, 450));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_BYTES_IN_PER_SECOND), week, minute, 96_000, 40_000));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_BYTES_OUT_PER_SECOND), week, minute, 64_000, 30_000));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_SERVICE_DELAY), week, minute, 1500, 800));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_RESTARTS), week, minute, 1, 0));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_LAST_CHECKPOINT_SIZE), week, minute, 40_000_000, 8_000_000));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_LAST_CHECKPOINT_DURATION), week, minute, 800, 300));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_FAILED_CHECKPOINTS), week, minute, 1, 0));
        all.addAll(series(SeriesKey.job(job, MetricName.JOB_COMPLETED_CHECKPOINTS), week, minute, 30, 0));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_CPU_LOAD, taskManager), week, minute, 0.35, 0.2));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_HEAP_USED, taskManager), week, minute, 300e6, 120e6));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_HEAP_COMMITTED, taskManager), week, minute, 520e6, 10e6));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_HEAP_MAX, taskManager), week, minute, 768e6, 0));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_OLD_GC_TIME, taskManager), week, minute, 40, 0));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_OLD_GC_COUNT, taskManager), week, minute, 1, 0));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_YOUNG_GC_COUNT, taskManager), week, minute, 20, 0));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_YOUNG_GC_TIME, taskManager), week, minute, 200, 0));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_NON_HEAP_USED, taskManager), week, minute, 180e6, 5e6));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_DIRECT_USED, taskManager), week, minute, 64e6, 2e6));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_THREADS, taskManager), week, minute, 90, 6));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_NETWORK_SEGMENTS_AVAILABLE, taskManager), week, minute, 1800, 150));
        all.addAll(series(SeriesKey.taskManager(cluster, MetricName.TM_NETWORK_SEGMENTS_TOTAL, taskManager), week, minute, 2048, 0));
        all.addAll(series(SeriesKey.jobManager(cluster, MetricName.JM_CPU_LOAD), week, minute, 0.08, 0.04));
        all.addAll(series(SeriesKey.jobManager(cluster, MetricName.JM_HEAP_USED), week, minute, 120e6, 40e6));
        all.addAll(series(SeriesKey.jobManager(cluster, MetricName.JM_HEAP_MAX), week, minute, 512e6, 0));
        all.addAll(series(SeriesKey.jobManager(cluster, MetricName.JM_YOUNG_GC_COUNT), week, minute, 8, 0));
        all.addAll(series(SeriesKey.jobManager(cluster, MetricName.JM_OLD_GC_COUNT), week, minute, 1, 0));
        all.addAll(series(SeriesKey.jobManager(cluster, MetricName.JM_YOUNG_GC_TIME), week, minute, 60, 0));
        all.addAll(series(SeriesKey.jobManager(cluster, MetricName.JM_OLD_GC_TIME), week, minute, 10, 0));
        Duration day = Duration.ofDays(1);
        for (String v : vertices) {
            for (int i = 0; i < subtasks; i++) {
                double share = 600 * (1 + 0.4 * i);
                all.addAll(series(SeriesKey.subtask(job, MetricName.TASK_RECORDS_IN_PER_SECOND, v, i), day, minute, share, share / 3));
                all.addAll(series(SeriesKey.subtask(job, MetricName.TASK_RECORDS_OUT_PER_SECOND, v, i), day, minute, share * 0.9, share / 3));
                all.addAll(series(SeriesKey.subtask(job, MetricName.TASK_BACKPRESSURED_TIME, v, i), day, minute, 120 * i, 80));
                all.addAll(series(SeriesKey.subtask(job, MetricName.TASK_BUSY_TIME, v, i), day, minute, 300 + 100 * i, 120));
                all.addAll(series(SeriesKey.subtask(job, MetricName.TASK_IN_POOL_USAGE, v, i), day, minute, 0.3 + 0.2 * i, 0.1));
                all.addAll(series(SeriesKey.subtask(job, MetricName.TASK_OUT_POOL_USAGE, v, i), day, minute, 0.2 + 0.1 * i, 0.1));
                all.addAll(series(SeriesKey.subtask(job, MetricName.TASK_INPUT_QUEUE_LENGTH, v, i), day, minute, 2 + i, 1));
                all.addAll(series(SeriesKey.subtask(job, MetricName.TASK_OUTPUT_QUEUE_LENGTH, v, i), day, minute, 1 + i, 1));
            }
            all.addAll(series(SeriesKey.vertex(job, MetricName.TASK_DATA_SKEW, v), day, minute, 0.18, 0.05));
        }
        store.append(all);
    }
}
