package io.streamdesk.model.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A table of the metadata catalog (M1, M3, M4): where it lives, the DDL it is created from (options may hold
 * {@code ${name}} variables, M2), its connector (fixed once saved, M4) and its columns as Flink parsed them.
 */
public record MetadataTable(String catalog, String database, String name, String ddl, String connector,
                            List<MetadataColumn> columns, Instant updatedAt) {

    public MetadataTable {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ddl, "ddl");
        columns = List.copyOf(columns);
    }

    /** {@code catalog.database.table}, the name a job refers to it by (M3). */
    public String qualifiedName() {
        return catalog + "." + database + "." + name;
    }
}
