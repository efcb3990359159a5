package io.streamdesk.bench;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.store.Database;
import io.streamdesk.store.JdbcMetricStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metric store on a real H2 file (MO1, MO5 budget): ingest rate, and a read of 7 days at 1 minute for 10
 * series. Simulates 7 days of sampling: 10 job series plus 190 more (vertex, subtask, TaskManager) with a sample
 * every 15 s, appended tick by tick (one batch per tick, as the sampler does) while the store's clock follows.
 * Prints figures; asserts nothing. Usage: bench/metric-store.sh
 */
public final class MetricStoreBenchmark {
    private static final int SERIES = 200;
    private static final long STEP = 15_000;

    /** A clock the benchmark moves forward with the simulated time. */
    private static final class SimClock extends Clock {
        volatile long now;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("streamdesk-metric-bench");
        SimClock clock = new SimClock();
        long end = Instant.parse("2026-06-08T00:00:00Z").toEpochMilli();
        long start = end - Duration.ofDays(7).toMillis();
        JobId job = new JobId("cql-benchmrk");
        MetricName[] names = MetricName.values();
        List<SeriesKey> keys = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) {
            keys.add(i < 10 ? SeriesKey.job(job, names[i]) : SeriesKey.subtask(job, names[i % names.length], "v" + (i / 20), i % 20));
        }
        try (Database db = Database.open(dir)) {
            JdbcMetricStore store = new JdbcMetricStore(db.dataSource(), clock);
            // 1) ingest as the sampler does: one batch per 15 s tick of 200 series, for 2 simulated hours
            long ingestStart = end - Duration.ofHours(2).toMillis();
            long samples = 0;
            long t0 = System.nanoTime();
            for (long t = ingestStart; t < end; t += STEP) {
                clock.now = t;
                List<MetricSample> tick = new ArrayList<>(SERIES);
                for (int i = 0; i < SERIES; i++) {
                    tick.add(new MetricSample(keys.get(i), t, Math.sin(t / 3.6e6 + i) * 100 + 200));
                }
                store.append(tick);
                samples += SERIES;
            }
            long ingestNanos = System.nanoTime() - t0;
            System.out.printf("ingest (tick batches of %d samples, rollups included): %d samples in %.1f s = %d samples/s%n",
                    SERIES, samples, ingestNanos / 1e9, samples * 1_000_000_000L / ingestNanos);

            // 2) one big batch (a backlog): 20 minutes of 200 series every 5 s at once
            clock.now = end + Duration.ofMinutes(20).toMillis();
            List<MetricSample> backlog = new ArrayList<>();
            for (long t = end; t < clock.now; t += 5_000) {
                for (SeriesKey k : keys) {
                    backlog.add(new MetricSample(k, t, 1));
                }
            }
            long b0 = System.nanoTime();
            store.append(backlog);
            long bn = System.nanoTime() - b0;
            System.out.printf("ingest (one batch of %d samples): %d samples/s%n", backlog.size(),
                    backlog.size() * 1_000_000_000L / bn);

            // 3) 7 days of history for the 10 job series, a sample a minute, appended an hour at a time
            for (long h = start; h < end - Duration.ofHours(2).toMillis(); h += 3_600_000) {
                clock.now = h + 3_600_000;
                List<MetricSample> hour = new ArrayList<>();
                for (long t = h; t < h + 3_600_000; t += 60_000) {
                    for (int i = 0; i < 10; i++) {
                        hour.add(new MetricSample(keys.get(i), t, Math.sin(t / 3.6e6 + i) * 100 + 200));
                    }
                }
                store.append(hour);
            }
            clock.now = end;
            List<SeriesKey> ten = keys.subList(0, 10);
            Instant from = Instant.ofEpochMilli(start);
            Instant to = Instant.ofEpochMilli(end);
            long[] runs = new long[11];
            int points = 0;
            for (int r = 0; r < runs.length; r++) {
                long q0 = System.nanoTime();
                points = store.points(ten, Granularity.ONE_MINUTE, from, to).values().stream().mapToInt(List::size).sum();
                runs[r] = System.nanoTime() - q0;
            }
            Arrays.sort(runs);
            System.out.printf("query 7 days at 1 minute, 10 series (%d points): median %.1f ms, min %.1f ms, max %.1f ms (11 runs)%n",
                    points, runs[runs.length / 2] / 1e6, runs[0] / 1e6, runs[runs.length - 1] / 1e6);

            long r0 = System.nanoTime();
            long deleted = store.enforceRetention(clock.instant());
            System.out.printf("retention: %d rows deleted in %.0f ms%n", deleted, (System.nanoTime() - r0) / 1e6);
        }
    }
}
