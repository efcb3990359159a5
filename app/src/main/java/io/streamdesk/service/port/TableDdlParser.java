package io.streamdesk.service.port;

import io.streamdesk.model.metadata.TableDdlCheck;

/**
 * Reads a catalog table's DDL with Flink's own parser (M1): exactly one {@code CREATE TABLE} statement, resolved in a
 * throw-away table environment, so what is stored is what Flink accepts. Problems are at the line and column of the
 * DDL text.
 */
public interface TableDdlParser {
    /** The longest DDL a table may have (characters). */
    int MAX_DDL_CHARS = 64 * 1024;

    TableDdlCheck parse(String ddl);
}
