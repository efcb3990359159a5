package io.streamdesk.model.metadata;

import java.util.List;

/**
 * A starting point for a new catalog table (M1): a connector's usual columns and WITH options, with placeholders the
 * user edits (topic, servers, URL, path). {@link #ddl(String)} fills in the table's name.
 */
public record TableTemplate(String id, String label, String connector, String description, String body) {
    static final String NAME = "{{name}}";
    /** The name as is, inside a string literal (a path, a group id). */
    static final String PLAIN = "{{plain}}";

    /** The DDL of a table called {@code tableName} (a plain name; quoted with backticks when it needs to be). */
    public String ddl(String tableName) {
        String name = tableName == null || tableName.isBlank() ? "my_table" : tableName.strip();
        return body.replace(NAME, TableNames.sqlIdentifier(name)).replace(PLAIN, name.replace("'", "''"));
    }

    /** The templates offered by New table, in menu order; "custom" is an empty CREATE TABLE to write by hand. */
    public static List<TableTemplate> all() {
        return TableTemplates.ALL;
    }

    public static TableTemplate byId(String id) {
        return TableTemplates.ALL.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table template '" + id + "'; there are "
                        + TableTemplates.ALL.stream().map(TableTemplate::id).toList()));
    }
}
