package io.streamdesk.service.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdesk.flink.sql.FlinkTableDdlParser;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.metadata.TableDdlCheck;
import io.streamdesk.model.metadata.TableTemplate;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.store.Database;
import io.streamdesk.store.JdbcMetadataStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata catalog service over a real H2 file and Flink's real parser (M1-M4): databases, tables from templates
 * and custom DDL, errors at line and column before anything is saved, options edited with the connector fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataServiceTest {
    @TempDir
    static Path dir;
    Database db;
    MetadataService service;
    final List<String> changes = new ArrayList<>();

    @BeforeAll
    void open() {
        db = Database.open(dir.resolve("db"));
        service = new MetadataService(new JdbcMetadataStore(db.dataSource()), new FlinkTableDdlParser(), Clock.systemUTC());
        service.addTableChangeListener((name, change) -> changes.add(change + " " + name));
        service.addTableChangeListener((name, change) -> {
            throw new IllegalStateException("a failing listener changes nothing");
        });
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void databasesAreValidatedAndBounded() {
        service.createDatabase("_dc", "shop_eu");
        assertThatThrownBy(() -> service.createDatabase("_dc", "shop_eu")).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("has a database named 'shop_eu'");
        assertThatThrownBy(() -> service.createDatabase("_dc", "1st")).hasMessageContaining("not starting with a digit");
        assertThatThrownBy(() -> service.createDatabase("_dc", "a-b")).hasMessageContaining("only letters");
        assertThatThrownBy(() -> service.createDatabase("_dc", "x".repeat(129))).hasMessageContaining("at most 128");
        assertThatThrownBy(() -> service.createDatabase("nowhere", "x")).hasMessageContaining("no catalog 'nowhere'");
        service.createCatalog("lake");
        service.createDatabase("lake", "raw");
        MetadataTree tree = service.tree();
        assertThat(tree.catalogs().get(0).name()).isEqualTo("_dc");
        assertThat(tree.catalogs().get(0).databases()).extracting(MetadataTree.DatabaseNode::name)
                .contains("_db", "shop_eu");
        assertThat(tree.catalogs()).extracting(MetadataTree.CatalogNode::name).contains("lake");
    }

    @Test
    void aTableFromATemplateIsStoredWithWhatFlinkReadAndOthersAreTold() {
        String ddl = TableTemplate.byId("kafka").ddl("orders_in");
        MetadataTable t = service.createTable("_dc", "_db", ddl);
        assertThat(t.qualifiedName()).isEqualTo("_dc._db.orders_in");
        assertThat(t.connector()).isEqualTo("kafka");
        assertThat(t.columns()).extracting(MetadataColumn::name).containsExactly("order_id", "customer_id", "amount",
                "order_time");
        assertThat(t.watermark()).startsWith("order_time:");
        assertThat(changes).contains("CREATED _dc._db.orders_in");
        assertThat(service.snapshot().table("_dc._db.orders_in")).contains(t);

        assertThatThrownBy(() -> service.createTable("_dc", "_db", ddl)).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("exists in _dc._db");
    }

    @Test
    void aDdlWithAnErrorIsRefusedAtItsLineAndColumnAndNothingIsSaved() {
        String bad = """
                CREATE TABLE broken (
                  id BIGINT,
                  amount DECIMAL(10, 2) NOT NULLX
                ) WITH ('connector' = 'datagen')""";
        TableDdlCheck check = service.checkNewTable("_dc", "_db", bad);
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(29);
        });
        assertThatThrownBy(() -> service.createTable("_dc", "_db", bad)).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("The table's DDL at line 3, column 29:")
                .satisfies(e -> assertThat(((InputRejectedException) e).problems()).hasSize(1));
        assertThat(service.table("_dc", "_db", "broken")).isEmpty();
    }

    @Test
    void aVariableInTheConnectorIsRefusedWhereItIsAndANameForAnotherPlaceToo() {
        List<SqlProblem> problems = service.checkNewTable("_dc", "_db",
                "CREATE TABLE v (a INT)\nWITH ('connector' = '${kind}')").problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(7);
            assertThat(p.message()).contains("cannot hold a variable");
        });
        assertThat(service.checkNewTable("_dc", "_db", "CREATE TABLE other.db.v (a INT) WITH ('connector' = 'print')")
                .problems().get(0).message()).contains("is created in _dc._db");
        // a variable in another option is fine (M2): its value comes at check, compile and run
        assertThat(service.checkNewTable("_dc", "_db",
                "CREATE TABLE v (a INT) WITH ('connector' = 'print', 'print-identifier' = '${who}')").valid()).isTrue();
    }

    @Test
    void optionsChangeButTheConnectorCannot() {
        service.createTable("_dc", "_db", """
                -- generated orders
                CREATE TABLE gen (
                  id BIGINT,
                  PRIMARY KEY (id) NOT ENFORCED
                ) WITH (
                  'connector' = 'datagen',
                  'rows-per-second' = '1'
                );""");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connector", "datagen");
        options.put("rows-per-second", "50");
        options.put("number-of-rows", "it's 10");
        MetadataTable changed = service.updateOptions("_dc", "_db", "gen", options);
        assertThat(changed.ddl()).startsWith("-- generated orders\nCREATE TABLE gen (")
                .contains("'rows-per-second' = '50'").contains("'number-of-rows' = 'it''s 10'").endsWith(";");
        assertThat(changed.primaryKey()).containsExactly("id");
        assertThat(changes).contains("OPTIONS_CHANGED _dc._db.gen");

        Map<String, String> kafka = new LinkedHashMap<>(options);
        kafka.put("connector", "kafka");
        assertThatThrownBy(() -> service.updateOptions("_dc", "_db", "gen", kafka))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("The connector cannot change").hasMessageContaining("'datagen' table");
        Map<String, String> none = new LinkedHashMap<>(options);
        none.remove("connector");
        assertThatThrownBy(() -> service.updateOptions("_dc", "_db", "gen", none))
                .hasMessageContaining("cannot be removed");
        assertThat(service.table("_dc", "_db", "gen").orElseThrow().ddl()).isEqualTo(changed.ddl());

        service.dropTable("_dc", "_db", "gen");
        assertThat(service.table("_dc", "_db", "gen")).isEmpty();
        assertThat(changes).contains("DROPPED _dc._db.gen");
        assertThatThrownBy(() -> service.dropTable("_dc", "_db", "gen")).hasMessageContaining("no table");
    }
}
