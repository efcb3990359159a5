package io.streamdesk.model.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A table of the metadata catalog (M1, M3, M4): where it lives, the DDL it is created from (options may hold
 * {@code ${name}} variables, M2), its connector (fixed once saved, M4) and its columns as Flink parsed them.
 *
 * @param watermark  "rowtime: expression" as Flink printed it when the DDL was checked, null without one (display)
 * @param primaryKey the primary key's columns in key order, empty without one (display)
 */
public record MetadataTable(String catalog, String database, String name, String ddl, String connector,
                            List<MetadataColumn> columns, Instant updatedAt, String watermark,
                            List<String> primaryKey) {

    public MetadataTable {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ddl, "ddl");
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    }

    /** Without watermark and primary key (what the seam's callers make). */
    public MetadataTable(String catalog, String database, String name, String ddl, String connector,
                         List<MetadataColumn> columns, Instant updatedAt) {
        this(catalog, database, name, ddl, connector, columns, updatedAt, null, List.of());
    }

    /** {@code catalog.database.table}, the name a job refers to it by (M3). */
    public String qualifiedName() {
        return catalog + "." + database + "." + name;
    }

    /** Whether {@code column} is part of the primary key. */
    public boolean isKeyColumn(String column) {
        return primaryKey.contains(column);
    }
}
