package io.streamdesk.flink.sql;

import io.streamdesk.model.lineage.LineageTable;
import io.streamdesk.model.lineage.ScriptLineage;
import io.streamdesk.model.lineage.StatementLineage;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.sql.SqlContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The tables of a script as Flink's real planner resolves them (M5). */
class FlinkLineageExtractorTest {

    private static final String DDL = """
            CREATE TABLE a (id INT, x STRING) WITH ('connector' = 'datagen');
            CREATE TABLE b (id INT, y STRING) WITH ('connector' = 'datagen');
            CREATE TABLE c (id INT) WITH ('connector' = 'datagen');
            CREATE TABLE s (id INT, x STRING, y STRING) WITH ('connector' = 'blackhole');
            CREATE TABLE p (id INT, x STRING) WITH ('connector' = 'print');
            """;

    private final FlinkLineageExtractor extractor = new FlinkLineageExtractor();

    private ScriptLineage extract(String script) {
        return extractor.extract(script, SqlContext.EMPTY);
    }

    private static List<String> names(List<LineageTable> tables) {
        return tables.stream().map(LineageTable::name).toList();
    }

    @Test
    void anInsertFromAJoinReadsBothSidesAndWritesTheSink() {
        ScriptLineage lineage = extract(DDL
                + "INSERT INTO s SELECT a.id, a.x, b.y FROM a JOIN b ON a.id = b.id;\n");

        assertThat(lineage.problems()).isEmpty();
        assertThat(lineage.statements()).hasSize(1);
        StatementLineage insert = lineage.statements().get(0);
        assertThat(insert.line()).isEqualTo(6);
        assertThat(names(insert.reads())).containsExactly(
                "default_catalog.default_database.a", "default_catalog.default_database.b");
        assertThat(names(insert.writes())).containsExactly("default_catalog.default_database.s");
        assertThat(insert.writes().get(0).origin()).isEqualTo(TableOrigin.SCRIPT);
        assertThat(insert.writes().get(0).connector()).isEqualTo("blackhole");
        assertThat(insert.reads().get(0).connector()).isEqualTo("datagen");
    }

    @Test
    void aStatementSetWritesBothSinksAndReadsWhatEachInsertReads() {
        ScriptLineage lineage = extract(DDL + """
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO s SELECT a.id, a.x, 'y' FROM a;
                  INSERT INTO p SELECT id, y FROM b;
                END;
                """);

        assertThat(lineage.problems()).isEmpty();
        assertThat(lineage.statements()).hasSize(1);
        assertThat(names(lineage.reads())).containsExactly(
                "default_catalog.default_database.a", "default_catalog.default_database.b");
        assertThat(names(lineage.writes())).containsExactly(
                "default_catalog.default_database.p", "default_catalog.default_database.s");
    }

    @Test
    void viewsAndSubQueriesResolveToTheirBaseTables() {
        ScriptLineage lineage = extract(DDL + """
                CREATE TEMPORARY VIEW v AS SELECT * FROM b WHERE id IN (SELECT id FROM c);
                INSERT INTO p SELECT id, y FROM v;
                """);

        assertThat(lineage.problems()).isEmpty();
        assertThat(names(lineage.reads())).containsExactly(
                "default_catalog.default_database.b", "default_catalog.default_database.c");
        assertThat(names(lineage.writes())).containsExactly("default_catalog.default_database.p");
    }

    @Test
    void aScalarSubQueryInTheProjectionIsARead() {
        ScriptLineage lineage = extract(DDL
                + "INSERT INTO p SELECT id, CAST((SELECT MAX(id) FROM c) AS STRING) FROM a;\n");

        assertThat(lineage.problems()).isEmpty();
        assertThat(names(lineage.reads())).containsExactly(
                "default_catalog.default_database.a", "default_catalog.default_database.c");
    }

    @Test
    void createTableAsWritesTheNewTableWhichLaterStatementsSee() {
        ScriptLineage lineage = extract(DDL + """
                CREATE TABLE copy WITH ('connector' = 'blackhole') AS SELECT id, x FROM a;
                INSERT INTO copy SELECT id, y FROM b;
                """);

        assertThat(lineage.problems()).isEmpty();
        assertThat(lineage.statements()).hasSize(2);
        assertThat(names(lineage.statements().get(0).writes())).containsExactly("default_catalog.default_database.copy");
        assertThat(lineage.statements().get(0).writes().get(0).origin()).isEqualTo(TableOrigin.SCRIPT);
        assertThat(names(lineage.statements().get(0).reads())).containsExactly("default_catalog.default_database.a");
        assertThat(names(lineage.statements().get(1).writes())).containsExactly("default_catalog.default_database.copy");
        assertThat(names(lineage.statements().get(1).reads())).containsExactly("default_catalog.default_database.b");
    }

    @Test
    void aStatementTheParserRefusesIsAProblemAtItsLineAndTheRestIsStillRead() {
        ScriptLineage lineage = extract(DDL + """
                INSERT INTO s SELECT id, x, nope FROM a;
                INSERT INTO p SELECT id, y FROM b;
                """);

        assertThat(lineage.problems()).hasSize(1);
        assertThat(lineage.problems().get(0).line()).isEqualTo(6);
        assertThat(lineage.problems().get(0).message()).contains("nope");
        assertThat(names(lineage.reads())).containsExactly("default_catalog.default_database.b");
    }

    @Test
    void catalogTablesByThreePartNameAreTheMetadataCatalogsAndTheScriptsOwnAreNot() {
        MetadataSnapshot catalog = new MetadataSnapshot(
                List.of(new MetadataDatabase("_dc", "_db"), new MetadataDatabase("sales", "eu")), List.of(
                new MetadataTable("_dc", "_db", "orders", "CREATE TABLE orders (id INT, amount INT)"
                        + " WITH ('connector' = 'datagen')", "datagen", List.of(), Instant.now()),
                new MetadataTable("sales", "eu", "refunds", "CREATE TABLE refunds (id INT)"
                        + " WITH ('connector' = 'datagen')", "datagen", List.of(), Instant.now()),
                new MetadataTable("_dc", "_db", "orders_sink", "CREATE TABLE orders_sink (id INT, amount INT)"
                        + " WITH ('connector' = 'blackhole')", "blackhole", List.of(), Instant.now())));
        ScriptLineage lineage = extractor.extract("""
                CREATE TABLE local_sink (id INT, amount INT) WITH ('connector' = 'blackhole');
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO _dc._db.orders_sink SELECT id, amount FROM _dc._db.orders
                    WHERE id NOT IN (SELECT id FROM sales.eu.refunds);
                  INSERT INTO local_sink SELECT id, amount FROM _dc._db.orders;
                END;
                """, new SqlContext(List.of(), catalog, Map.of()));

        assertThat(lineage.problems()).isEmpty();
        assertThat(lineage.reads()).extracting(LineageTable::name, LineageTable::origin, LineageTable::connector)
                .containsExactly(tuple("_dc._db.orders", TableOrigin.CATALOG, "datagen"),
                        tuple("sales.eu.refunds", TableOrigin.CATALOG, "datagen"));
        assertThat(lineage.writes()).extracting(LineageTable::name, LineageTable::origin)
                .containsExactly(tuple("_dc._db.orders_sink", TableOrigin.CATALOG),
                        tuple("default_catalog.default_database.local_sink", TableOrigin.SCRIPT));
    }

    @Test
    void emptyAndOversizedScriptsReadNothing() {
        assertThat(extract("  ")).isEqualTo(ScriptLineage.EMPTY);
        ScriptLineage tooLong = extract("-- " + "x".repeat(FlinkSqlChecker.MAX_SCRIPT_CHARS));
        assertThat(tooLong.statements()).isEmpty();
        assertThat(tooLong.problems().get(0).message()).contains("too long");
    }
}
