package io.streamdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.service.port.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata catalog on a real H2 file (V14): defaults, round trips, names that exist, reopening keeps it all. */
class JdbcMetadataStoreTest {
    @TempDir
    Path dir;

    private static MetadataTable orders(String db, Instant at) {
        return new MetadataTable("_dc", db, "orders", "CREATE TABLE orders (id BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen')",
                "datagen", List.of(new MetadataColumn("id", "BIGINT NOT NULL"), new MetadataColumn("ts", "TIMESTAMP(3)")),
                at, "ts: `ts` - INTERVAL '5' SECOND", List.of("id"));
    }

    @Test
    void theDefaultCatalogAndDatabaseExistAndTablesRoundTripAcrossAReopen() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Database db = Database.open(dir.resolve("db"))) {
            JdbcMetadataStore store = new JdbcMetadataStore(db.dataSource());
            assertThat(store.catalogs()).containsExactly("_dc");
            assertThat(store.databases()).containsExactly(new MetadataDatabase("_dc", "_db"));
            store.createCatalog("analytics", at);
            store.createDatabase(new MetadataDatabase("analytics", "eu"), at);
            store.createDatabase(new MetadataDatabase("_dc", "shop"), at);
            MetadataTable created = store.createTable(orders("shop", at));
            assertThat(created).isEqualTo(orders("shop", at));
        }
        try (Database db = Database.open(dir.resolve("db"))) {
            JdbcMetadataStore store = new JdbcMetadataStore(db.dataSource());
            assertThat(store.catalogs()).containsExactly("_dc", "analytics");
            assertThat(store.databases()).containsExactly(new MetadataDatabase("_dc", "_db"),
                    new MetadataDatabase("_dc", "shop"), new MetadataDatabase("analytics", "eu"));
            MetadataTable t = store.table("_dc", "shop", "orders").orElseThrow();
            assertThat(t.columns()).extracting(MetadataColumn::name).containsExactly("id", "ts");
            assertThat(t.primaryKey()).containsExactly("id");
            assertThat(t.watermark()).startsWith("ts:");
            assertThat(store.tables()).containsExactly(t);

            MetadataTable changed = new MetadataTable("_dc", "shop", "orders", "CREATE TABLE orders (id BIGINT) WITH"
                    + " ('connector' = 'datagen', 'rows-per-second' = '9')", "datagen",
                    List.of(new MetadataColumn("id", "BIGINT")), at.plusSeconds(60), null, List.of());
            assertThat(store.updateTable(changed)).isEqualTo(changed);
            assertThat(store.table("_dc", "shop", "orders").orElseThrow().columns()).hasSize(1);

            assertThat(store.dropTable("_dc", "shop", "orders")).isTrue();
            assertThat(store.dropTable("_dc", "shop", "orders")).isFalse();
            assertThat(store.tables()).isEmpty();
        }
    }

    @Test
    void namesThatExistOrParentsThatDoNotAreRefusedAndChangeNothing() {
        Instant at = Instant.now();
        try (Database db = Database.open(dir.resolve("db"))) {
            JdbcMetadataStore store = new JdbcMetadataStore(db.dataSource());
            assertThatThrownBy(() -> store.createCatalog("_dc", at)).isInstanceOf(StoreException.class)
                    .hasMessage("A catalog named '_dc' exists.");
            assertThatThrownBy(() -> store.createDatabase(new MetadataDatabase("_dc", "_db"), at))
                    .hasMessage("A database named '_db' exists in catalog '_dc'.");
            assertThatThrownBy(() -> store.createDatabase(new MetadataDatabase("nope", "x"), at))
                    .hasMessage("There is no catalog 'nope'.");
            store.createTable(orders("_db", at));
            assertThatThrownBy(() -> store.createTable(orders("_db", at)))
                    .hasMessage("A table named 'orders' exists in _dc._db.");
            assertThatThrownBy(() -> store.createTable(orders("missing", at)))
                    .hasMessage("There is no database _dc.missing.");
            MetadataTable tooLong = new MetadataTable("_dc", "_db", "big", "x".repeat(70_000), "datagen", List.of(), at);
            assertThatThrownBy(() -> store.createTable(tooLong)).hasMessageContaining("DDL is too long");
            assertThat(store.tables()).hasSize(1);
            assertThatThrownBy(() -> store.updateTable(orders("missing", at))).hasMessageContaining("no table");
        }
    }
}
