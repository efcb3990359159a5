package io.streamdesk.model.metadata;

import java.util.List;
import java.util.Optional;

/**
 * The metadata catalog at one moment (M1, M3): its databases and tables, registered into every check, compile and
 * run, and read by completion (E2) and lineage (M5).
 */
public record MetadataSnapshot(List<MetadataDatabase> databases, List<MetadataTable> tables) {

    /** The default catalog and database of M1. */
    public static final String DEFAULT_CATALOG = "_dc";
    public static final String DEFAULT_DATABASE = "_db";

    public static final MetadataSnapshot EMPTY = new MetadataSnapshot(List.of(), List.of());

    public MetadataSnapshot {
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
    }

    public boolean isEmpty() {
        return databases.isEmpty() && tables.isEmpty();
    }

    /** The table by its three-part name {@code catalog.database.table}, compared as Flink does (case-sensitive). */
    public Optional<MetadataTable> table(String qualifiedName) {
        return tables.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
    }
}
