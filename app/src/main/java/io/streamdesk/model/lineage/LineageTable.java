package io.streamdesk.model.lineage;

import java.util.Objects;

/**
 * A table a statement reads or writes (M5), by its full identifier {@code catalog.database.table} as Flink resolved
 * it, and where it comes from: the metadata catalog, the script's own DDL, or a catalog the script registers itself.
 * {@code connector} is the table's {@code 'connector'} option when known, empty otherwise.
 */
public record LineageTable(String name, TableOrigin origin, String connector) implements Comparable<LineageTable> {

    /** Longest identifier kept; Flink allows longer ones, lineage keeps their first characters. */
    public static final int MAX_NAME = 600;

    public LineageTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        connector = connector == null ? "" : (connector.length() > 100 ? connector.substring(0, 100) : connector);
    }

    /** The last part of the identifier: what a graph node shows big. */
    public String shortName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    @Override
    public int compareTo(LineageTable o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : origin.compareTo(o.origin);
    }
}
