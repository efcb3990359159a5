package io.streamdesk.service.port;

import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataTable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the metadata catalog is kept (M1): catalogs, their databases, and tables with their DDL and parsed columns.
 * Every write is one transaction; a name that exists, or a parent that does not, fails with a {@link StoreException}
 * naming it and changes nothing.
 */
public interface MetadataStore {
    /** Catalog names, the default first, then by name. */
    List<String> catalogs();

    /** Every database, by catalog and name. */
    List<MetadataDatabase> databases();

    /** Every table, by catalog, database and name. */
    List<MetadataTable> tables();

    Optional<MetadataTable> table(String catalog, String database, String name);

    void createCatalog(String name, Instant at);

    void createDatabase(MetadataDatabase database, Instant at);

    /** Stores a new table (columns, watermark, key); its {@code updatedAt} is also its creation time. */
    MetadataTable createTable(MetadataTable table);

    /** Replaces the DDL, connector, columns, watermark, key and updated time of an existing table. */
    MetadataTable updateTable(MetadataTable table);

    /** False when there was no such table. */
    boolean dropTable(String catalog, String database, String name);
}
