package io.streamdesk.model.sql.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.sql.completion.Completion.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlCompleterTest {
    private static final BuiltInVocabulary VOCABULARY = new BuiltInVocabulary(
            List.of(new BuiltInVocabulary.Function("UPPER", "scalar", true),
                    new BuiltInVocabulary.Function("COUNT", "aggregate", true),
                    new BuiltInVocabulary.Function("CURRENT_TIMESTAMP", "scalar", false),
                    new BuiltInVocabulary.Function("COALESCE", "scalar", true)),
            List.of(new BuiltInVocabulary.OptionSet("datagen", List.of(), List.of("rows-per-second", "number-of-rows")),
                    new BuiltInVocabulary.OptionSet("kafka", List.of("topic"), List.of("properties.bootstrap.servers",
                            "format", "value.format", "key.format", "scan.startup.mode")),
                    new BuiltInVocabulary.OptionSet("print", List.of(), List.of("print-identifier"))),
            List.of(new BuiltInVocabulary.OptionSet("json", List.of(), List.of("json.fail-on-missing-field",
                    "json.ignore-parse-errors")),
                    new BuiltInVocabulary.OptionSet("csv", List.of(), List.of("csv.field-delimiter"))));

    private static final MetadataSnapshot CATALOG = new MetadataSnapshot(
            List.of(new MetadataDatabase("_dc", "_db"), new MetadataDatabase("_dc", "sales"),
                    new MetadataDatabase("lake", "raw")),
            List.of(table("_dc", "_db", "orders", "kafka", col("order_id", "BIGINT"), col("amount", "DECIMAL(10, 2)"),
                            col("customer_id", "BIGINT"), col("order_time", "TIMESTAMP(3)")),
                    table("_dc", "_db", "order_items", "kafka", col("item_id", "BIGINT"), col("order_id", "BIGINT")),
                    table("_dc", "_db", "customers", "jdbc", col("customer_id", "BIGINT"), col("name", "STRING")),
                    table("_dc", "sales", "invoices", "jdbc", col("invoice_id", "BIGINT"), col("total", "DOUBLE")),
                    table("lake", "raw", "clicks", "filesystem", col("url", "STRING"), col("ts", "TIMESTAMP(3)"))));

    private final SqlCompleter completer = new SqlCompleter(CompletionIndex.build(CATALOG, VOCABULARY));

    /** Completes at the '|' of {@code script}. */
    private Completion at(String script) {
        int caret = script.indexOf('|');
        assertThat(caret).as("the test script marks the caret with |").isNotNegative();
        return completer.complete(script.substring(0, caret) + script.substring(caret + 1), caret);
    }

    private static List<String> labels(Completion c) {
        return c.items().stream().map(CompletionItem::label).toList();
    }

    private static CompletionItem item(Completion c, String label) {
        return c.items().stream().filter(i -> i.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + labels(c)));
    }

    @Test
    void tablesAfterFromByPrefixInsertedWithTheirQualifiedName() {
        Completion c = at("SELECT * FROM ord|");
        assertThat(c.context()).isEqualTo(Context.TABLE);
        assertThat(labels(c)).containsExactly("orders", "order_items");
        assertThat(item(c, "orders").insertText()).isEqualTo("_dc._db.orders");
        assertThat(item(c, "orders").kind()).isEqualTo(CompletionKind.TABLE);
        assertThat(item(c, "orders").detail()).isEqualTo("_dc._db · kafka");
        assertThat(c.replaceStart()).isEqualTo("SELECT * FROM ".length());
        assertThat(c.replaceEnd()).isEqualTo("SELECT * FROM ord".length());
    }

    @Test
    void tablesAfterJoinAndIntoAndAfterACommaInFrom() {
        assertThat(labels(at("SELECT * FROM orders o JOIN cust|"))).containsExactly("customers");
        assertThat(labels(at("INSERT INTO cli|"))).containsExactly("clicks");
        assertThat(labels(at("SELECT * FROM orders, inv|"))).containsExactly("invoices");
        // after the table name a keyword is wanted, not another table
        Completion afterName = at("SELECT * FROM orders w|");
        assertThat(afterName.context()).isEqualTo(Context.KEYWORD);
        assertThat(labels(afterName)).contains("WHERE", "WINDOW", "WITH");
    }

    @Test
    void emptyPrefixAfterFromListsTablesAndCatalogs() {
        Completion c = at("SELECT * FROM |");
        assertThat(labels(c)).contains("orders", "customers", "invoices", "clicks", "_dc", "lake");
        assertThat(item(c, "lake").kind()).isEqualTo(CompletionKind.CATALOG);
    }

    @Test
    void threePartNames() {
        Completion dbs = at("SELECT * FROM _dc.|");
        assertThat(dbs.context()).isEqualTo(Context.DATABASE);
        assertThat(labels(dbs)).containsExactly("_db", "sales");
        assertThat(item(dbs, "sales").kind()).isEqualTo(CompletionKind.DATABASE);

        Completion tables = at("SELECT * FROM _dc._db.|");
        assertThat(tables.context()).isEqualTo(Context.TABLE);
        assertThat(labels(tables)).containsExactly("orders", "customers", "order_items");
        // the qualifier is typed already: only the table's own name goes in
        assertThat(item(tables, "orders").insertText()).isEqualTo("orders");
        assertThat(tables.replaceStart()).isEqualTo(tables.replaceEnd());

        assertThat(labels(at("SELECT * FROM lake.raw.c|"))).containsExactly("clicks");
        assertThat(labels(at("SELECT * FROM LAKE.|"))).containsExactly("raw");
        assertThat(labels(at("SELECT * FROM `_dc`.`sales`.|"))).containsExactly("invoices");
        assertThat(at("SELECT * FROM nowhere.|").items()).isEmpty();
    }

    @Test
    void columnsInTheSelectListOfAKnownTable() {
        Completion c = at("SELECT ord| FROM orders");
        assertThat(c.context()).isEqualTo(Context.EXPRESSION);
        assertThat(labels(c)).startsWith("order_id", "order_time").contains("ORDER");
        assertThat(item(c, "order_id").kind()).isEqualTo(CompletionKind.COLUMN);
        assertThat(item(c, "order_id").detail()).isEqualTo("BIGINT");
        assertThat(labels(c)).doesNotContain("item_id", "name");
    }

    @Test
    void columnsInWhereAndOfEveryJoinedTableNamedByTheirTable() {
        Completion where = at("SELECT * FROM _dc._db.orders WHERE am|");
        assertThat(labels(where)).containsExactly("amount");
        assertThat(item(where, "amount").detail()).isEqualTo("DECIMAL(10, 2)");

        Completion joined = at("SELECT cu| FROM orders o JOIN customers c ON o.customer_id = c.customer_id");
        assertThat(labels(joined)).contains("customer_id").contains("CUBE", "CUMULATE");
        assertThat(joined.items()).filteredOn(i -> i.label().equals("customer_id")).extracting(CompletionItem::detail)
                .containsExactlyInAnyOrder("BIGINT · o", "BIGINT · c");
    }

    @Test
    void aliasDotColumn() {
        Completion c = at("SELECT o.| FROM orders AS o JOIN customers c ON true");
        assertThat(c.context()).isEqualTo(Context.COLUMN);
        assertThat(labels(c)).containsExactlyInAnyOrder("order_id", "amount", "customer_id", "order_time");
        assertThat(labels(at("SELECT o.order_id, c.n| FROM orders AS o JOIN customers c ON true")))
                .containsExactly("name");
        // the table's own name works as a qualifier when it has no alias
        assertThat(labels(at("SELECT customers.| FROM customers"))).containsExactly("name", "customer_id");
        // inside a function's arguments too
        assertThat(labels(at("SELECT UPPER(c.na|) FROM customers c"))).containsExactly("name");
    }

    @Test
    void functionsFromTheVocabularyWithBracketsWhereTheyTakeThem() {
        Completion c = at("SELECT up| FROM orders");
        CompletionItem upper = item(c, "UPPER");
        assertThat(upper.kind()).isEqualTo(CompletionKind.FUNCTION);
        // typed in lower case: inserted in lower case, the caret between the brackets
        assertThat(upper.insertText()).isEqualTo("upper()");
        assertThat(upper.caretBack()).isEqualTo(1);
        assertThat(item(at("SELECT CURRENT_T|"), "CURRENT_TIMESTAMP").insertText()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(labels(at("SELECT co| FROM customers"))).containsSubsequence("COUNT", "COALESCE", "COLUMN");
    }

    @Test
    void keywordsAtTheStartOfAStatementRankedExactPrefixFirstThenShorter() {
        Completion c = at("SELECT 1;\nIN|");
        assertThat(c.context()).isEqualTo(Context.KEYWORD);
        // IN itself, then the shorter ones
        assertThat(labels(c)).startsWith("IN", "INT", "INTO", "INNER");
        assertThat(labels(at("cr|"))).containsExactly("CROSS", "CREATE");
        assertThat(item(at("cr|"), "CREATE").insertText()).isEqualTo("create");
    }

    @Test
    void theScriptsOwnDdlGivesTablesAndColumns() {
        String ddl = """
                CREATE TEMPORARY TABLE clicks_src (
                  user_id BIGINT NOT NULL COMMENT 'who',
                  url STRING,
                  price DECIMAL(10, 2),
                  ts TIMESTAMP(3),
                  proc AS PROCTIME(),
                  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
                  PRIMARY KEY (user_id) NOT ENFORCED
                ) WITH ('connector' = 'datagen');
                CREATE VIEW big_clicks AS SELECT user_id, UPPER(url) AS loud_url, c.price FROM clicks_src c;
                CREATE VIEW all_clicks AS SELECT * FROM clicks_src;
                """;
        Completion tables = at(ddl + "SELECT * FROM cl|");
        assertThat(labels(tables)).startsWith("clicks_src").contains("clicks");
        assertThat(item(tables, "clicks_src").insertText()).isEqualTo("clicks_src");
        assertThat(item(tables, "clicks_src").detail()).isEqualTo("in this script");
        assertThat(item(at(ddl + "SELECT * FROM big|"), "big_clicks").kind()).isEqualTo(CompletionKind.VIEW);

        Completion cols = at(ddl + "SELECT | FROM clicks_src");
        assertThat(labels(cols)).startsWith("ts", "url", "proc", "price", "user_id");
        assertThat(item(cols, "user_id").detail()).isEqualTo("BIGINT NOT NULL");
        assertThat(item(cols, "price").detail()).isEqualTo("DECIMAL(10, 2)");
        assertThat(item(cols, "proc").detail()).isEqualTo("computed");
        assertThat(labels(cols)).doesNotContain("WATERMARK_col", "PRIMARY_col");

        assertThat(labels(at(ddl + "SELECT v.| FROM big_clicks v"))).containsExactlyInAnyOrder("user_id", "loud_url", "price");
        assertThat(labels(at(ddl + "SELECT a.| FROM all_clicks a")))
                .containsExactlyInAnyOrder("user_id", "url", "price", "ts", "proc");
    }

    @Test
    void optionKeysInsideWithOfTheTablesConnector() {
        Completion c = at("CREATE TABLE t (id INT) WITH ('connector' = 'datagen', |)");
        assertThat(c.context()).isEqualTo(Context.OPTION_KEY);
        assertThat(labels(c)).containsExactly("number-of-rows", "rows-per-second");
        assertThat(item(c, "rows-per-second").insertText()).isEqualTo("'rows-per-second'");

        // a connector not named yet: its key first
        Completion first = at("CREATE TABLE t (id INT) WITH (|)");
        assertThat(labels(first)).containsExactly("connector");

        // typed inside a literal: the whole literal is replaced
        String script = "CREATE TABLE t (id INT) WITH ('connector' = 'kafka', 'to|')";
        Completion inLiteral = at(script);
        assertThat(labels(inLiteral)).containsExactly("topic");
        assertThat(inLiteral.replaceStart()).isEqualTo(script.indexOf("'to"));
        assertThat(inLiteral.replaceEnd()).isEqualTo(script.indexOf("'to") + "'to'".length());
        assertThat(item(inLiteral, "topic").detail()).isEqualTo("required · kafka");

        // keys already written are not offered again; a bare word works as a prefix too
        assertThat(labels(at("CREATE TABLE t (id INT) WITH ('connector' = 'kafka', 'topic' = 'x', 'format' = 'json', |)")))
                .doesNotContain("topic", "format", "connector")
                .contains("properties.bootstrap.servers", "json.fail-on-missing-field");
        assertThat(labels(at("CREATE TABLE t (id INT) WITH ('connector' = 'kafka', 'value.format' = 'json', value.j|)")))
                .containsExactly("value.json.ignore-parse-errors", "value.json.fail-on-missing-field");
        String bare = "CREATE TABLE t (id INT) WITH ('connector' = 'datagen', rows-p|)";
        Completion dashed = at(bare);
        assertThat(labels(dashed)).containsExactly("rows-per-second");
        assertThat(dashed.replaceStart()).isEqualTo(bare.indexOf("rows-p"));
    }

    @Test
    void connectorAndFormatNamesAfterTheirKey() {
        Completion c = at("CREATE TABLE t (id INT) WITH ('connector' = |)");
        assertThat(c.context()).isEqualTo(Context.OPTION_VALUE);
        assertThat(labels(c)).containsExactly("kafka", "print", "datagen");
        assertThat(item(c, "kafka").insertText()).isEqualTo("'kafka'");
        assertThat(item(c, "kafka").kind()).isEqualTo(CompletionKind.CONNECTOR);
        assertThat(labels(at("CREATE TABLE t (id INT) WITH ('connector' = 'ka|'"))).containsExactly("kafka");
        assertThat(labels(at("CREATE TABLE t (id INT) WITH ('connector' = 'kafka', 'format' = 'j|')")))
                .containsExactly("json");
        // another option's value: nothing to propose
        assertThat(at("CREATE TABLE t (id INT) WITH ('topic' = |)").items()).isEmpty();
    }

    @Test
    void nothingInCommentsLiteralsAndQuotedNames() {
        assertThat(at("SELECT * FROM orders -- ord|").items()).isEmpty();
        assertThat(at("SELECT * /* FROM ord| */ FROM orders").items()).isEmpty();
        assertThat(at("SELECT 'FROM ord|' FROM orders").context()).isEqualTo(Context.NONE);
        assertThat(at("SELECT * FROM `ord|`").items()).isEmpty();
        // just after a closed comment is code again
        assertThat(labels(at("SELECT * FROM /* x */ ord|"))).contains("orders");
    }

    @Test
    void theStatementAtTheCaretDecides() {
        String script = "SELECT * FROM customers;\nSELECT | FROM orders;\nSELECT * FROM invoices;";
        assertThat(labels(at(script))).contains("amount").doesNotContain("name", "total");
        // a new name after CREATE TABLE: nothing to propose
        assertThat(at("CREATE TABLE ord|").items()).isEmpty();
        // the column list of CREATE TABLE wants types
        assertThat(labels(at("CREATE TABLE t (id BIG|"))).containsExactly("BIGINT");
    }

    @Test
    void resultsAreBoundedAndTheRangeIsTheTypedPrefix() {
        List<MetadataTable> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(table("_dc", "_db", "t" + i, "datagen", col("c", "INT")));
        }
        SqlCompleter big = new SqlCompleter(CompletionIndex.build(new MetadataSnapshot(List.of(), many), VOCABULARY));
        Completion c = big.complete("SELECT * FROM t", 15);
        assertThat(c.items()).hasSize(SqlCompleter.DEFAULT_LIMIT);
        // shorter first: t0..t9 before t10..
        assertThat(labels(c)).startsWith("t0", "t1", "t2");
        assertThat(big.complete("SELECT * FROM t", 15, 5).items()).hasSize(5);
        assertThatThrownBy(() -> big.complete("abc", 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void halfTypedScriptsNeverFail() {
        String[] broken = {"", "(", ")", "'", "`", "/*", "--", "SELECT (((", "FROM .", "a.b.c.d.", "WITH (", "WITH ('",
                "CREATE TABLE", "CREATE TABLE t (", "CREATE VIEW v AS SELECT", "SELECT * FROM t WHERE x = '",
                "CREATE TABLE t (a INT) WITH ('connector' = '"};
        for (String s : broken) {
            for (int caret = 0; caret <= s.length(); caret++) {
                assertThat(completer.complete(s, caret)).isNotNull();
            }
        }
    }

    private static MetadataTable table(String catalog, String db, String name, String connector,
                                       MetadataColumn... columns) {
        return new MetadataTable(catalog, db, name, "CREATE TABLE " + name, connector, List.of(columns),
                Instant.EPOCH);
    }

    private static MetadataColumn col(String name, String type) {
        return new MetadataColumn(name, type);
    }
}
