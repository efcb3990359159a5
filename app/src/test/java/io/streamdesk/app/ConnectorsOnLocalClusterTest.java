package io.streamdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.KafkaBroker;
import io.streamdesk.testing.TestConnectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real connectors on real parts, no doubles (issue 12): the embedded local cluster (a child JVM on the app's runtime
 * class path, so no Kafka classes of the tests reach it), a real Kafka 4 broker in KRaft mode on loopback, and the
 * Flink SQL Kafka connector 5.0.0-2.2 as a file the job ships (never on a class path).
 *
 * <ul>
 *   <li>a filesystem sink (the connector the app carries, as Flink's distribution does) passes the check and runs;</li>
 *   <li>a Kafka job without the connector jar fails the check at its 'connector' line;</li>
 *   <li>with the jar as the job's dependency it reads a topic, aggregates and writes another topic; the records the
 *       test produced come back as the expected totals, and the Kafka records-lag series (MO3) appear for it.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorsOnLocalClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static KafkaBroker kafka;
    static AppContext app;
    /** The jars the next check and run get (until the dependency store is wired, the test says which). */
    static volatile List<Path> jobJars = List.of();

    @BeforeAll
    static void open() throws Exception {
        kafka = KafkaBroker.start(dir.resolve("kafka"));
        kafka.createTopic("orders", 2);
        kafka.createTopic("totals", 1);
        app = AppContext.open(dir.resolve("data"), AppOptions.forTests().withStopJobsOnClose(false));
        app.jobs().sqlContexts().withJarFiles(refs -> jobJars);
        app.clusters().startAll();
    }

    @AfterAll
    static void close() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    @Order(1)
    void aFilesystemSinkPassesTheCheckAndRuns() throws Exception {
        Path out = Files.createDirectories(dir.resolve("files-out"));
        String sql = """
                SET 'execution.checkpointing.interval' = '1s';
                CREATE TABLE numbers (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '25',
                    'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '25');
                CREATE TABLE out_files (id BIGINT, doubled BIGINT) WITH (
                    'connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
                INSERT INTO out_files SELECT id, id * 2 FROM numbers;
                """.formatted(out.toUri());
        jobJars = List.of();
        Job job = app.jobs().createSqlJob("Files", "/connectors");
        app.jobs().saveDraft(job.id(), sql);
        assertThat(app.jobs().check(sql)).isEmpty();
        app.jobs().publish(job.id(), "datagen to csv files");
        app.runs().run(job.id(), 1, RestoreChoice.fresh());

        waitUntil(() -> committedLines(out).size() >= 25, Duration.ofSeconds(90));
        List<String> lines = committedLines(out);
        assertThat(lines).hasSize(25).contains("1,2", "13,26", "25,50");
    }

    @Test
    @Order(2)
    void kafkaWithoutTheConnectorJarFailsTheCheckAtItsLine() {
        List<SqlProblem> problems = app.jobs().check(kafkaSql());
        // each table at its 'connector' line, and nothing more: not the planner's "Unable to create a source" again
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(3); // 'connector' = 'kafka' of the orders table
            assertThat(p.message()).contains("Table 'orders'", "no connector 'kafka'", "Add the connector jar as a dependency");
        });
        assertThat(problems.get(1)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(11); // 'connector' = 'upsert-kafka' of the totals table
            assertThat(p.message()).contains("Table 'totals'", "no connector 'upsert-kafka'");
        });
    }

    @Test
    @Order(3)
    void aKafkaJobWithItsOwnJarReadsAggregatesAndWritesTopics() throws Exception {
        jobJars = List.of(TestConnectors.kafka());
        Job job = app.jobs().createSqlJob("Order totals", "/connectors");
        app.jobs().saveDraft(job.id(), kafkaSql());
        app.jobs().publish(job.id(), "kafka orders to kafka totals");
        Job running = app.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);

        Map<String, long[]> expected = new TreeMap<>(); // customer -> {total, count}
        List<Map.Entry<String, String>> records = new ArrayList<>();
        String[] customers = {"alice", "bob", "carol"};
        for (int i = 1; i <= 60; i++) {
            String customer = customers[i % 3];
            records.add(Map.entry(customer, "{\"customer\":\"" + customer + "\",\"amount\":" + i + "}"));
            long[] e = expected.computeIfAbsent(customer, k -> new long[2]);
            e[0] += i;
            e[1]++;
        }
        kafka.produce("orders", records);

        List<String> values = kafka.consumeUntil("totals", v -> latestTotals(v).equals(asStrings(expected)),
                Duration.ofSeconds(120));
        assertThat(latestTotals(values)).isEqualTo(asStrings(expected));

        // MO3: the Kafka source's records lag (pendingRecords) shows as the job's lag series, 0 once caught up
        sampleUntil(() -> !lag(job, MetricName.JOB_RECORDS_LAG_MAX).isEmpty()
                && lag(job, MetricName.JOB_RECORDS_LAG_MAX).get(lag(job, MetricName.JOB_RECORDS_LAG_MAX).size() - 1) == 0.0,
                Duration.ofSeconds(90));
        assertThat(app.monitoring().series(job.id())).extracting(SeriesKey::metric)
                .contains(MetricName.JOB_RECORDS_LAG_MIN, MetricName.JOB_RECORDS_LAG_MAX,
                        MetricName.JOB_RECORDS_LAG_MEAN, MetricName.JOB_RECORDS_LAG_SUM);
        assertThat(lag(job, MetricName.JOB_RECORDS_LAG_SUM)).isNotEmpty().allMatch(v -> v >= 0);
    }

    private static String kafkaSql() {
        return """
                SET 'execution.checkpointing.interval' = '2s';
                CREATE TABLE orders (customer STRING, amount BIGINT) WITH (
                  'connector' = 'kafka',
                  'topic' = 'orders',
                  'properties.bootstrap.servers' = '%1$s',
                  'properties.group.id' = 'streamdesk-e2e',
                  'scan.startup.mode' = 'earliest-offset',
                  'format' = 'json'
                );
                CREATE TABLE totals (customer STRING, total BIGINT, orders BIGINT, PRIMARY KEY (customer) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka',
                  'topic' = 'totals',
                  'properties.bootstrap.servers' = '%1$s',
                  'key.format' = 'json',
                  'value.format' = 'json'
                );
                INSERT INTO totals SELECT customer, SUM(amount), COUNT(*) FROM orders GROUP BY customer;
                """.formatted(kafka.bootstrapServers());
    }

    /** customer -> "total/count" of the newest value per customer (upsert-kafka writes every update). */
    private static Map<String, String> latestTotals(List<String> values) {
        Map<String, String> latest = new TreeMap<>();
        for (String value : values) {
            if (value == null) {
                continue; // a tombstone: not written by an insert-only aggregate, but harmless
            }
            try {
                JsonNode node = JSON.readTree(value);
                latest.put(node.path("customer").asText(), node.path("total").asLong() + "/" + node.path("orders").asLong());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return latest;
    }

    private static Map<String, String> asStrings(Map<String, long[]> expected) {
        Map<String, String> out = new LinkedHashMap<>();
        expected.forEach((k, v) -> out.put(k, v[0] + "/" + v[1]));
        return new TreeMap<>(out);
    }

    private static List<Double> lag(Job job, MetricName name) {
        return app.monitoring().read(List.of(SeriesKey.job(job.id(), name)), Granularity.RAW, Instant.EPOCH,
                        Instant.now().plusSeconds(60))
                .values().iterator().next().stream().map(p -> p.last()).toList();
    }

    /** Lines of the committed files (Flink's in-progress files start with a dot). */
    private static List<String> committedLines(Path out) {
        try (Stream<Path> files = Files.walk(out)) {
            List<String> lines = new ArrayList<>();
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList());
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private static void sampleUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            app.monitoring().sampleNow();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(1000);
        }
    }
}
