package io.streamdesk.model.metadata;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Flink's parser read from one {@code CREATE TABLE} statement (M1): the name as written (catalog and database
 * null when the statement did not name them), the resolved columns, the watermark, the primary key and the WITH
 * options, {@code connector} among them.
 *
 * @param watermark  "rowtime_column: expression" as Flink prints it, null when the table has none
 * @param primaryKey the key's column names in order, empty when the table has none
 */
public record ParsedTable(String catalog, String database, String name, List<MetadataColumn> columns,
                          String watermark, List<String> primaryKey, Map<String, String> options) {
    public ParsedTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        options = Map.copyOf(options);
    }

    /** The {@code connector} option, null when the statement has none. */
    public String connector() {
        return options.get("connector");
    }
}
