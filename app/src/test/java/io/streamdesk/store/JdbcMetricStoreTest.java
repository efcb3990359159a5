package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcMetricStoreTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final JobId JOB = new JobId("cql-abcdefgh");
    private static final SeriesKey IN = SeriesKey.job(JOB, MetricName.JOB_RECORDS_IN_PER_SECOND);
    private static final SeriesKey RESTARTS = SeriesKey.job(JOB, MetricName.JOB_RESTARTS);

    // one database for the class: opening one (Flyway + Hibernate) costs seconds
    @TempDir
    static Path dir;
    static Database db;
    JdbcMetricStore store;

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
        emptyMetricTables(db);
        store = new JdbcMetricStore(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static void emptyMetricTables(Database db) throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            for (String t : List.of("metric_sample", "metric_rollup_1m", "metric_rollup_5m", "metric_series",
                    "metric_journal", "metric_raw_block", "metric_block_1m", "metric_block_5m", "metric_open_buckets")) {
                st.executeUpdate("DELETE FROM " + t);
            }
        }
    }

    private static long at(Duration beforeNow) {
        return NOW.minus(beforeNow).toEpochMilli();
    }

    @Test
    void appendsReadsRawAndRollupsAndListsSeries() {
        long t0 = NOW.minus(Duration.ofMinutes(10)).toEpochMilli();
        List<MetricSample> samples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            samples.add(new MetricSample(IN, t0 + i * 15_000L, i));
        }
        store.append(samples);

        assertThat(store.samples(IN, NOW.minus(Duration.ofHours(1)), NOW)).hasSize(8);
        List<MetricPoint> minutes = store.points(IN, Granularity.ONE_MINUTE, NOW.minus(Duration.ofHours(1)), NOW);
        assertThat(minutes).extracting(MetricPoint::avg).containsExactly(1.5, 5.5);
        assertThat(store.points(IN, Granularity.FIVE_MINUTES, NOW.minus(Duration.ofHours(1)), NOW))
                .singleElement().satisfies(p -> assertThat(p.count()).isEqualTo(8));
        assertThat(store.latest(IN)).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo(7));
        assertThat(store.series(JOB.value())).containsExactly(IN);
        assertThat(store.points(RESTARTS, Granularity.RAW, Instant.EPOCH, NOW)).isEmpty();
    }

    @Test
    void aLateSampleIsFoldedIntoItsBucketInALaterAppend() {
        long t0 = NOW.minus(Duration.ofMinutes(30)).toEpochMilli();
        store.append(List.of(new MetricSample(RESTARTS, t0, 1), new MetricSample(RESTARTS, t0 + 30_000, 2),
                new MetricSample(RESTARTS, t0 + 60_000, 3)));
        store.append(List.of(new MetricSample(RESTARTS, t0 + 15_000, 0))); // late, and a counter reset

        List<MetricPoint> minutes = store.points(RESTARTS, Granularity.ONE_MINUTE, Instant.EPOCH, NOW);
        assertThat(minutes.get(0).count()).isEqualTo(3);
        assertThat(minutes.get(0).min()).isZero();
        assertThat(minutes.get(0).last()).isEqualTo(2);
        assertThat(minutes.get(0).increase()).as("1 -> 0 (reset) -> 2").isEqualTo(2);
        assertThat(minutes.get(1).increase()).isEqualTo(1);
    }

    @Test
    void retentionKeepsRaw24HoursMinutes7DaysFiveMinutes90Days() throws Exception {
        long id;
        store.append(List.of(new MetricSample(IN, at(Duration.ofHours(1)), 1)));
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT id FROM metric_series");
            rs.next();
            id = rs.getLong(1);
            // old rows as if written long ago (append drops samples older than the raw retention)
            st.executeUpdate("INSERT INTO metric_sample VALUES (" + id + ", " + at(Duration.ofHours(25)) + ", 1)");
            st.executeUpdate("INSERT INTO metric_rollup_1m VALUES (" + id + ", " + at(Duration.ofDays(6)) + ", 1,1,1,1,1,0)");
            st.executeUpdate("INSERT INTO metric_rollup_1m VALUES (" + id + ", " + at(Duration.ofDays(8)) + ", 1,1,1,1,1,0)");
            st.executeUpdate("INSERT INTO metric_rollup_5m VALUES (" + id + ", " + at(Duration.ofDays(89)) + ", 1,1,1,1,1,0)");
            st.executeUpdate("INSERT INTO metric_rollup_5m VALUES (" + id + ", " + at(Duration.ofDays(91)) + ", 1,1,1,1,1,0)");
        }

        long deleted = store.enforceRetention(NOW);

        assertThat(deleted).isEqualTo(3);
        assertThat(store.samples(IN, Instant.EPOCH, NOW)).extracting(MetricSample::timestamp)
                .containsExactly(at(Duration.ofHours(1)));
        assertThat(store.points(IN, Granularity.ONE_MINUTE, Instant.EPOCH, NOW)).extracting(MetricPoint::timestamp)
                .doesNotContain(Granularity.ONE_MINUTE.bucketStart(at(Duration.ofDays(8))))
                .contains(at(Duration.ofDays(6)));
        assertThat(store.points(IN, Granularity.FIVE_MINUTES, Instant.EPOCH, NOW)).extracting(MetricPoint::timestamp)
                .contains(at(Duration.ofDays(89))).doesNotContain(at(Duration.ofDays(91)));
    }

    @Test
    void samplesOlderThanTheRawRetentionAreDroppedNotRolledUpWrongly() {
        store.append(List.of(new MetricSample(IN, at(Duration.ofHours(30)), 5)));

        assertThat(store.points(IN, Granularity.ONE_MINUTE, Instant.EPOCH, NOW)).isEmpty();
    }

    @Test
    void historyStaysAfterReopening() {
        store.append(List.of(new MetricSample(IN, at(Duration.ofMinutes(3)), 42)));
        db.close();
        db = Database.open(dir);
        store = new JdbcMetricStore(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(store.latest(IN)).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo(42));
    }
}
