package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.testing.InMemoryMetricStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast paths of the H2 metric store (open buckets in memory, packed blocks, the raw journal) against the plain
 * arithmetic: the same samples must give the same points as {@link InMemoryMetricStore}, which recomputes everything
 * from the raw samples with Rollups, across hour and day boundaries, late samples, restarts and retention.
 */
class JdbcMetricStoreBlocksTest {
    // 23:50 so that the ticks cross hour blocks and a day block; a tick every 30 s keeps the test short
    private static final long T0 = Instant.parse("2026-05-01T23:50:00Z").toEpochMilli();
    private static final long STEP = 30_000;
    private static final JobId JOB = new JobId("cql-blocksaa");
    private static final SeriesKey GAUGE = SeriesKey.job(JOB, MetricName.JOB_RECORDS_IN_PER_SECOND);
    private static final SeriesKey COUNTER = SeriesKey.job(JOB, MetricName.JOB_RESTARTS);
    private static final SeriesKey OTHER = SeriesKey.vertex(JOB, MetricName.JOB_RECORDS_IN_PER_SECOND, "v1");

    @TempDir
    static Path dir;
    static Database db;
    final MovingClock clock = new MovingClock();
    JdbcMetricStore store;
    InMemoryMetricStore oracle;

    static final class MovingClock extends Clock {
        long now;

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

    @BeforeAll
    static void open() {
        db = Database.open(dir);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void emptyTables() throws Exception {
        JdbcMetricStoreTest.emptyMetricTables(db);
        clock.now = T0;
        store = new JdbcMetricStore(db.dataSource(), clock);
        oracle = new InMemoryMetricStore();
    }

    private void append(List<MetricSample> samples) {
        store.append(samples);
        oracle.append(samples);
    }

    /** One tick of the three series at {@code t}, the clock following. */
    private void tick(long t) {
        clock.now = Math.max(clock.now, t);
        long i = (t - T0) / 15_000 + 1000;
        // the counter restarts from zero every 50 ticks
        append(List.of(new MetricSample(GAUGE, t, Math.sin(i / 7.0) * 100),
                new MetricSample(COUNTER, t, (i % 50) * 3.0 + (i % 7)),
                new MetricSample(OTHER, t, i % 13)));
    }

    private void assertSameAsRecomputed(SeriesKey... keys) {
        Instant from = Instant.ofEpochMilli(T0 - Duration.ofDays(2).toMillis());
        Instant to = Instant.ofEpochMilli(clock.now + Duration.ofDays(1).toMillis());
        for (SeriesKey key : keys) {
            for (Granularity g : List.of(Granularity.ONE_MINUTE, Granularity.FIVE_MINUTES)) {
                List<MetricPoint> expected = oracle.points(key, g, from, to);
                assertThat(store.points(key, g, from, to)).as(key.metric() + " at " + g).isNotEmpty().isEqualTo(expected);
            }
            assertThat(store.samples(key, from, to)).as("raw " + key.metric()).isEqualTo(oracle.samples(key, from, to));
        }
    }

    @Test
    void ticksAcrossHourAndDayBlocksGiveTheRecomputedRollups() throws Exception {
        for (long t = T0; t < T0 + Duration.ofMinutes(75).toMillis(); t += STEP) {
            tick(t);
        }

        assertSameAsRecomputed(GAUGE, COUNTER, OTHER);
        assertThat(count("metric_block_1m")).as("closed hours are packed").isGreaterThanOrEqualTo(2 * 3);
        assertThat(count("metric_block_5m")).as("the closed day is packed").isGreaterThanOrEqualTo(3);
        assertThat(count("metric_raw_block")).as("raw samples moved out of the journal").isPositive();
        assertThat(count("metric_rollup_1m")).as("only recent narrow rows are left").isLessThan(40 * 3);
        // a range inside one block, cut at both ends
        Instant from = Instant.ofEpochMilli(T0 + Duration.ofMinutes(61).toMillis());
        Instant to = Instant.ofEpochMilli(T0 + Duration.ofMinutes(64).toMillis());
        assertThat(store.points(GAUGE, Granularity.ONE_MINUTE, from, to))
                .isEqualTo(oracle.points(GAUGE, Granularity.ONE_MINUTE, from, to)).hasSize(3);
    }

    @Test
    void aLateSampleAfterItsBucketWasClosedAndPackedIsFoldedIn() {
        for (long t = T0; t < T0 + Duration.ofMinutes(80).toMillis(); t += STEP) {
            tick(t);
        }
        // into an hour already packed into a block, and into a closed bucket of the open hour; between two samples of
        // the same 5 minutes, so that the counter's later increase is recomputed too
        long packedHour = T0 + Duration.ofMinutes(20).toMillis() + 5_000;
        long openHour = T0 + Duration.ofMinutes(71).toMillis() + 5_000;
        append(List.of(new MetricSample(GAUGE, packedHour, 1e6), new MetricSample(COUNTER, packedHour, 0),
                new MetricSample(GAUGE, openHour, -1e6)));
        for (long t = T0 + Duration.ofMinutes(80).toMillis(); t < T0 + Duration.ofMinutes(90).toMillis(); t += STEP) {
            tick(t);
        }

        assertSameAsRecomputed(GAUGE, COUNTER, OTHER);
        assertThat(store.points(GAUGE, Granularity.ONE_MINUTE, Instant.ofEpochMilli(packedHour - 5_000),
                Instant.ofEpochMilli(packedHour + 55_000))).singleElement().satisfies(p -> assertThat(p.max()).isEqualTo(1e6));
    }

    @Test
    void aRepeatedTimeReplacesTheValue() {
        for (long t = T0; t < T0 + Duration.ofMinutes(3).toMillis(); t += STEP) {
            tick(t);
        }
        long t = T0 + Duration.ofMinutes(3).toMillis() - STEP;
        append(List.of(new MetricSample(GAUGE, t, 555)));

        assertSameAsRecomputed(GAUGE);
        assertThat(store.latest(GAUGE)).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo(555));
    }

    @Test
    void aRestartInTheMiddleOfABucketKeepsItsSamples() {
        for (long t = T0 + Duration.ofMinutes(40).toMillis(); t < T0 + Duration.ofMinutes(62).toMillis() + 30_000; t += 15_000) {
            tick(t); // ends 30 s into minute 62 (and 2 minutes into a 5-minute bucket)
        }
        db.close();
        db = Database.open(dir);
        store = new JdbcMetricStore(db.dataSource(), clock);

        assertSameAsRecomputed(GAUGE, COUNTER, OTHER); // read before any append: the open buckets come from the database
        for (long t = T0 + Duration.ofMinutes(62).toMillis() + 30_000; t < T0 + Duration.ofMinutes(70).toMillis(); t += 15_000) {
            tick(t);
        }
        assertSameAsRecomputed(GAUGE, COUNTER, OTHER);
        MetricPoint minute62 = store.points(GAUGE, Granularity.ONE_MINUTE, Instant.ofEpochMilli(T0 + 62 * 60_000L),
                Instant.ofEpochMilli(T0 + 63 * 60_000L)).get(0);
        assertThat(minute62.count()).as("2 samples before the restart, 2 after").isEqualTo(4);
    }

    @Test
    void aSeriesThatStopsHasItsLastBucketsClosedAndKept() throws Exception {
        for (long t = T0; t < T0 + Duration.ofMinutes(10).toMillis(); t += STEP) {
            tick(t);
        }
        // only OTHER goes on, for long enough that housekeeping closes the idle series' buckets
        for (long t = T0 + Duration.ofMinutes(10).toMillis(); t < T0 + Duration.ofMinutes(40).toMillis(); t += STEP) {
            clock.now = t;
            append(List.of(new MetricSample(OTHER, t, 1)));
        }

        assertSameAsRecomputed(GAUGE, COUNTER, OTHER);
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT data FROM metric_open_buckets")) {
            long bytes = 0;
            while (rs.next()) {
                bytes += rs.getBytes(1).length;
            }
            assertThat(bytes).as("only OTHER's open buckets are kept").isEqualTo(OpenBuckets.BYTES);
        }
    }

    @Test
    void retentionDropsWholeBlocksAndTrimsTheBlockAcrossTheCutoff() throws Exception {
        for (long t = T0; t < T0 + Duration.ofMinutes(75).toMillis(); t += STEP) {
            tick(t);
        }
        // 7 days after the 30th minute: the first hour block of 1-minute points goes, the second is cut at 00:20
        Instant now = Instant.ofEpochMilli(T0 + Duration.ofMinutes(30).toMillis()).plus(Granularity.ONE_MINUTE.retention());
        clock.now = now.toEpochMilli();

        long deleted = store.enforceRetention(now);

        List<MetricPoint> minutes = store.points(GAUGE, Granularity.ONE_MINUTE, Instant.EPOCH, now);
        assertThat(minutes).extracting(MetricPoint::timestamp).allMatch(ts -> ts >= T0 + Duration.ofMinutes(30).toMillis());
        assertThat(minutes.get(0).timestamp()).isEqualTo(T0 + Duration.ofMinutes(30).toMillis());
        assertThat(store.points(GAUGE, Granularity.FIVE_MINUTES, Instant.EPOCH, now)).as("5-minute points stay 90 days")
                .hasSize(15);
        assertThat(store.samples(GAUGE, Instant.EPOCH, now)).as("raw samples stay 24 h").isEmpty();
        assertThat(deleted).as("raw samples and 30 minutes of 1-minute points of 3 series")
                .isEqualTo(3L * 150 + 3L * 30);
        assertThat(count("metric_journal") + count("metric_raw_block")).isZero();
    }

    private static long count(String table) throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
