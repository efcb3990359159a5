package io.streamdesk.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.ParsedTable;
import io.streamdesk.model.metadata.TableDdlCheck;
import io.streamdesk.model.metadata.TableTemplate;
import org.junit.jupiter.api.Test;

/** The catalog's DDL check with Flink's real parser (M1): what it reads back, and errors at line and column. */
class FlinkTableDdlParserTest {
    private static final FlinkTableDdlParser PARSER = new FlinkTableDdlParser();

    @Test
    void readsColumnsWatermarkPrimaryKeyAndConnector() {
        TableDdlCheck check = PARSER.parse("""
                -- the orders of the shop
                CREATE TABLE orders (
                  order_id BIGINT NOT NULL,
                  amount DECIMAL(10, 2),
                  order_time TIMESTAMP(3),
                  doubled AS amount * 2,
                  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND,
                  PRIMARY KEY (order_id) NOT ENFORCED
                ) WITH ('connector' = 'datagen', 'rows-per-second' = '5')
                """);
        assertThat(check.problems()).isEmpty();
        ParsedTable t = check.table();
        assertThat(t.name()).isEqualTo("orders");
        assertThat(t.catalog()).isNull();
        assertThat(t.connector()).isEqualTo("datagen");
        assertThat(t.options()).containsEntry("rows-per-second", "5");
        assertThat(t.columns()).extracting(MetadataColumn::name).containsExactly("order_id", "amount", "order_time",
                "doubled");
        assertThat(t.columns().get(0).type()).isEqualTo("BIGINT NOT NULL");
        assertThat(t.columns().get(2).type()).startsWith("TIMESTAMP(3) *ROWTIME*");
        assertThat(t.columns().get(3).type()).contains("AS ");
        assertThat(t.watermark()).startsWith("order_time: ").contains("INTERVAL");
        assertThat(t.primaryKey()).containsExactly("order_id");
    }

    @Test
    void anErrorIsMarkedAtItsLineAndColumn() {
        TableDdlCheck check = PARSER.parse("""
                CREATE TABLE orders (
                  order_id BIGINT,
                  amount DECIMAL(10, 2) NOT NULLX
                ) WITH ('connector' = 'datagen')""");
        assertThat(check.valid()).isFalse();
        SqlProblem p = check.problems().get(0);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(29);
        assertThat(p.message()).contains("NULLX");
    }

    @Test
    void anUnknownTypeIsMarkedWhereItIs() {
        TableDdlCheck check = PARSER.parse("\n\nCREATE TABLE t (\n  a BIGINTEGER\n) WITH ('connector' = 'print')");
        assertThat(check.valid()).isFalse();
        assertThat(check.problems().get(0).line()).isEqualTo(4);
        assertThat(check.problems().get(0).column()).isEqualTo(5);
    }

    @Test
    void refusesWhatIsNotOneCatalogTable() {
        assertThat(PARSER.parse("CREATE TABLE t (a INT)").problems().get(0).message()).contains("'connector'");
        assertThat(PARSER.parse("SELECT 1").problems().get(0).message()).contains("Not a CREATE TABLE");
        assertThat(PARSER.parse("CREATE TEMPORARY TABLE t (a INT) WITH ('connector' = 'print')").problems().get(0)
                .message()).contains("TEMPORARY");
        SqlProblem second = PARSER.parse("CREATE TABLE t (a INT) WITH ('connector' = 'print');\nCREATE TABLE u (a INT)"
                + " WITH ('connector' = 'print')").problems().get(0);
        assertThat(second.line()).isEqualTo(2);
        assertThat(second.message()).contains("Only one statement");
        assertThat(PARSER.parse("  ").problems().get(0).message()).contains("empty");
        assertThat(PARSER.parse("CREATE TABLE t (a INT) WITH ('connector' = 'print', 'x' = '"
                + "y".repeat(70_000) + "')").problems().get(0).message()).contains("too long");
    }

    @Test
    void keepsTheQualifiedNameAsWritten() {
        ParsedTable t = PARSER.parse("CREATE TABLE cat1.db1.t (a INT) WITH ('connector' = 'print')").table();
        assertThat(t.catalog()).isEqualTo("cat1");
        assertThat(t.database()).isEqualTo("db1");
        assertThat(t.name()).isEqualTo("t");
    }

    @Test
    void everyTemplateExceptCustomIsValidFlinkDdl() {
        for (TableTemplate template : TableTemplate.all()) {
            TableDdlCheck check = PARSER.parse(template.ddl("my_orders"));
            if (template.id().equals("custom")) {
                // the connector is blank, for the user to fill in: the check says so at the WITH clause
                assertThat(check.problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).contains("'connector'");
                    assertThat(p.line()).isEqualTo(3);
                });
                continue;
            }
            assertThat(check.problems()).as(template.id()).isEmpty();
            assertThat(check.table().connector()).as(template.id()).isEqualTo(template.connector());
        }
    }
}
