package io.streamdesk.flink.sql;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.testing.TestConnectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check goes as far as the run (E3, DP4): connectors and formats resolve with the job's own jars, sinks are
 * created as the planner creates them. Real Flink, the real Kafka connector jar as a file (not on the class path).
 */
class ConnectorCheckTest {

    private static final String SOURCE = "CREATE TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen');\n";
    private static final String KAFKA = """
            CREATE TABLE events (id BIGINT, name STRING) WITH (
              'connector' = 'kafka',
              'topic' = 'events',
              'properties.bootstrap.servers' = '127.0.0.1:9092',
              'format' = 'json'
            );
            """;

    private static FlinkSqlChecker checker;

    @BeforeAll
    static void warmUp() {
        checker = new FlinkSqlChecker();
        checker.warmUp();
    }

    @Test
    void aFilesystemSinkPassesTheCheckWithTheConnectorTheAppCarries() {
        String script = SOURCE + """
                CREATE TABLE out_files (id BIGINT, name STRING) WITH (
                  'connector' = 'filesystem', 'path' = 'file:///tmp/out', 'format' = 'csv');
                INSERT INTO out_files SELECT id, name FROM src;
                """;
        assertThat(checker.check(script)).isEmpty();
        assertThat(checker.check(script.replace("'csv'", "'json'"))).isEmpty();
    }

    @Test
    void kafkaWithoutTheJarFailsAtItsConnectorOptionWithTheFix() {
        String script = SOURCE + KAFKA + "INSERT INTO events SELECT id, name FROM src;\n";
        List<SqlProblem> problems = checker.check(script);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).as("the line of 'connector' = 'kafka'").isEqualTo(3);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).contains("Table 'events'", "no connector 'kafka'",
                    "Add the connector jar as a dependency", "flink-sql-connector-kafka",
                    "Available connectors:", "datagen", "filesystem", "print");
        });
    }

    @Test
    void aKafkaSourceOfAnAggregateIsReportedOnceAtItsConnector() {
        String script = KAFKA.replace("events", "orders") + "CREATE TABLE totals (name STRING, n BIGINT) WITH ('connector' = 'print');\n"
                + "INSERT INTO totals SELECT name, COUNT(*) FROM orders GROUP BY name;\n";
        assertThat(checker.check(script)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("Table 'orders'", "no connector 'kafka'");
        });
    }

    @Test
    void kafkaWithTheJobsJarPasses() {
        String script = SOURCE + KAFKA + "INSERT INTO events SELECT id, name FROM src;\n";
        SqlContext withKafka = SqlContext.EMPTY.withJars(List.of(TestConnectors.kafka()));
        assertThat(checker.check(script, withKafka)).isEmpty();
        // and the jar stays the job's own: the app's class loader still has no Kafka connector
        assertThat(checker.check(script)).hasSize(1);
    }

    @Test
    void aSinkIsCreatedAsThePlannerWouldMissingOptionsAndSourceOnlyConnectorsAreRefused() {
        String noPath = SOURCE + "CREATE TABLE out_files (id BIGINT, name STRING) WITH ('connector' = 'filesystem', 'format' = 'csv');\n"
                + "INSERT INTO out_files SELECT id, name FROM src;\n";
        assertThat(checker.check(noPath)).singleElement().satisfies(p -> {
            assertThat(p.line()).as("at the INSERT").isEqualTo(3);
            assertThat(p.message()).contains("Sink 'out_files'", "path");
        });
        String datagenSink = SOURCE + "CREATE TABLE gen (id BIGINT, name STRING) WITH ('connector' = 'datagen');\n"
                + "INSERT INTO gen SELECT id, name FROM src;\n";
        assertThat(checker.check(datagenSink)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("Sink 'gen'", "datagen", "source");
        });
    }

    @Test
    void aMissingFormatIsReportedAtItsOption() {
        String script = SOURCE + "CREATE TABLE out_files (id BIGINT, name STRING) WITH (\n"
                + "  'connector' = 'filesystem', 'path' = 'file:///tmp/out',\n"
                + "  'format' = 'avro');\n"
                + "INSERT INTO out_files SELECT id, name FROM src;\n";
        assertThat(checker.check(script)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).contains("no format 'avro'", "flink-sql-avro", "Available formats:", "csv", "json");
        });
    }

    @Test
    void aMissingJarFileIsSaidNamingIt() {
        SqlContext gone = SqlContext.EMPTY.withJars(List.of(TestConnectors.dir().resolve("gone.jar")));
        assertThat(checker.check(SOURCE, gone)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("gone.jar", "missing"));
    }
}
