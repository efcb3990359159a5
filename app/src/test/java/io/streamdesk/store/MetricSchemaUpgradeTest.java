package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A database with metrics written by the V4 store migrates to V7 and its history reads and grows as before. */
class MetricSchemaUpgradeTest {
    private static final long NOW = Instant.parse("2026-05-01T12:00:00Z").toEpochMilli();
    private static final SeriesKey IN = SeriesKey.job(new JobId("cql-upgradea"), MetricName.JOB_RECORDS_IN_PER_SECOND);

    @TempDir
    Path dir;

    @Test
    void rowsOfTheOldNarrowTablesAreReadMergedWithNewSamplesAndPacked() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(Database.FILE_NAME) + Database.URL_SETTINGS;
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("6").load().migrate();
        long bucket = NOW - 120_000; // 11:58, the V4 store wrote raw samples and the (then open) bucket's rollups
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO metric_series (id, owner, metric, subject) VALUES (7, 'cql-upgradea', '"
                    + IN.metric().id() + "', '')");
            st.executeUpdate("INSERT INTO metric_sample VALUES (7, " + bucket + ", 2), (7, " + (bucket + 15_000) + ", 4)");
            st.executeUpdate("INSERT INTO metric_rollup_1m VALUES (7, " + (bucket - 3_600_000) + ", 1,1,1,1,1,0), (7, "
                    + bucket + ", 2,4,3,4,2,0)");
        }

        try (Database db = Database.open(dir)) {
            JdbcMetricStore store = new JdbcMetricStore(db.dataSource(), Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
            Instant from = Instant.ofEpochMilli(NOW - 7_200_000);
            Instant to = Instant.ofEpochMilli(NOW);
            assertThat(store.points(IN, Granularity.ONE_MINUTE, from, to)).extracting(MetricPoint::timestamp)
                    .containsExactly(bucket - 3_600_000, bucket);

            store.append(List.of(new MetricSample(IN, bucket + 30_000, 9))); // into the bucket the old store left open
            store.append(List.of(new MetricSample(IN, bucket + 45_000, 1)));

            assertThat(store.samples(IN, from, to)).extracting(MetricSample::value).containsExactly(2.0, 4.0, 9.0, 1.0);
            MetricPoint last = store.points(IN, Granularity.ONE_MINUTE, from, to).get(1);
            assertThat(last.count()).isEqualTo(4);
            assertThat(last.avg()).isEqualTo(4.0);
            assertThat(last.max()).isEqualTo(9.0);

            store.enforceRetention(Instant.ofEpochMilli(NOW));
            assertThat(store.points(IN, Granularity.ONE_MINUTE, from, to)).extracting(MetricPoint::timestamp)
                    .as("the old hour is packed, still read").containsExactly(bucket - 3_600_000, bucket);
            try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM metric_block_1m")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }
}
