package io.streamdesk.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.service.port.JobGraphCompiler.CompiledJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The metadata catalog registered into the real checker and compiler (M3): a job reads and writes catalog tables by
 * their three-part names without their DDL, Flink's default catalog stays the current one, and only the tables a
 * script reads are made from their DDL.
 */
class MetadataCatalogRegistrationTest {
    private static final String ORDERS = """
            CREATE TABLE orders (
              order_id BIGINT,
              customer_id INT,
              amount DECIMAL(10, 2),
              order_time TIMESTAMP(3),
              WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
            ) WITH ('connector' = 'datagen', 'rows-per-second' = '5')""";
    private static final String SINK = """
            CREATE TABLE orders_sink (
              customer_id INT,
              total DECIMAL(10, 2)
            ) WITH ('connector' = 'blackhole')""";

    private static MetadataTable table(String catalog, String db, String name, String ddl, String connector) {
        return new MetadataTable(catalog, db, name, ddl, connector, List.of(), Instant.now());
    }

    private static MetadataSnapshot snapshot(int extraTables) {
        List<MetadataTable> tables = new ArrayList<>();
        tables.add(table("_dc", "_db", "orders", ORDERS, "datagen"));
        tables.add(table("_dc", "_db", "orders_sink", SINK, "blackhole"));
        for (int i = 0; i < extraTables; i++) {
            tables.add(table("_dc", "_db", "extra_" + i, "CREATE TABLE extra_" + i + " (a INT, b STRING)"
                    + " WITH ('connector' = 'datagen')", "datagen"));
        }
        tables.add(table("sales", "eu", "refunds", "CREATE TABLE refunds (order_id BIGINT) WITH ('connector' = 'datagen')",
                "datagen"));
        return new MetadataSnapshot(List.of(new MetadataDatabase("_dc", "_db"), new MetadataDatabase("sales", "eu")),
                tables);
    }

    private static final String JOB = """
            INSERT INTO _dc._db.orders_sink
            SELECT customer_id, SUM(amount) FROM _dc._db.orders GROUP BY customer_id;
            """;

    @Test
    void aJobChecksAndCompilesWithCatalogTablesByTheirThreePartNames() {
        SqlContext context = new SqlContext(List.of(), snapshot(0), Map.of());
        assertThat(new FlinkSqlChecker().check(JOB, context)).isEmpty();
        CompiledJob compiled = new FlinkSqlSubmitter().compile(JOB, Map.of(), context);
        assertThat(compiled.operators()).extracting(o -> o.vertexName().toLowerCase())
                .anyMatch(n -> n.contains("orders"))
                .anyMatch(n -> n.contains("orders_sink"));
        // the same script without the catalog cannot find the tables
        assertThat(new FlinkSqlChecker().check(JOB, SqlContext.EMPTY)).isNotEmpty();
    }

    @Test
    void theScriptsOwnDdlGoesToFlinksDefaultCatalogNextToTheCatalogTables() {
        String script = """
                CREATE TABLE local_sink (customer_id INT, n BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO local_sink SELECT o.customer_id, COUNT(*) FROM _dc._db.orders AS o
                  JOIN sales.eu.refunds AS r ON o.order_id = r.order_id GROUP BY o.customer_id;
                """;
        assertThat(new FlinkSqlChecker().check(script, new SqlContext(List.of(), snapshot(0), Map.of()))).isEmpty();
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        MetadataCatalogRegistration.register(tEnv, snapshot(0), Map.of());
        assertThat(tEnv.getCurrentCatalog()).isEqualTo("default_catalog");
        assertThat(tEnv.getCurrentDatabase()).isEqualTo("default_database");
        assertThat(List.of(tEnv.listCatalogs())).contains("_dc", "sales", "default_catalog");
    }

    @Test
    void aMistakeInTheJobIsStillReportedAtItsLineAndColumn() {
        List<SqlProblem> problems = new FlinkSqlChecker().check("""
                INSERT INTO _dc._db.orders_sink
                SELECT customer_id, SUM(amount) FROM _dc._db.order GROUP BY customer_id;
                """, new SqlContext(List.of(), snapshot(0), Map.of()));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(45); // Flink points at the part it cannot find: "order"
            assertThat(p.message()).contains("order");
        });
    }

    @Test
    void onlyTheTablesAStatementReadsAreMadeFromTheirDdlAndFiftyCostLittle() {
        MetadataSnapshot fifty = snapshot(50);
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        long t0 = System.nanoTime();
        Map<String, MetadataCatalog> catalogs = MetadataCatalogRegistration.registered(tEnv, fifty, Map.of());
        long registerMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(catalogs.get("_dc").createdTables()).isZero();
        tEnv.explainSql("INSERT INTO _dc._db.orders_sink SELECT customer_id, amount FROM _dc._db.orders");
        assertThat(catalogs.get("_dc").createdTables()).isEqualTo(2);
        assertThat(catalogs.get("sales").createdTables()).isZero();
        assertThat(registerMillis).as("registering 53 tables").isLessThan(500);
        System.out.println("Registering 53 catalog tables took " + registerMillis + " ms");
    }

    @Test
    void aBrokenStoredDdlNamesTheTable() {
        MetadataSnapshot broken = new MetadataSnapshot(List.of(new MetadataDatabase("_dc", "_db")),
                List.of(table("_dc", "_db", "bad", "CREATE TABLE bad (a BIGINTEGER) WITH ('connector' = 'print')", "print")));
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        MetadataCatalogRegistration.register(tEnv, broken, Map.of());
        assertThatThrownBy(() -> tEnv.explainSql("SELECT * FROM _dc._db.bad"))
                .hasStackTraceContaining("Catalog table _dc._db.bad");
    }
}
