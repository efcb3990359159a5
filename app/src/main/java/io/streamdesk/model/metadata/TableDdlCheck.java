package io.streamdesk.model.metadata;

import io.streamdesk.model.SqlProblem;

import java.util.List;

/**
 * The outcome of checking a table's DDL with Flink's parser: the table it defines, or the problems (line and column of
 * the DDL text) and no table.
 */
public record TableDdlCheck(ParsedTable table, List<SqlProblem> problems) {
    public TableDdlCheck {
        problems = List.copyOf(problems);
        if (table == null && problems.isEmpty()) {
            throw new IllegalArgumentException("a failed check needs a problem");
        }
    }

    public static TableDdlCheck ok(ParsedTable table) {
        return new TableDdlCheck(table, List.of());
    }

    public static TableDdlCheck failed(List<SqlProblem> problems) {
        return new TableDdlCheck(null, problems);
    }

    public static TableDdlCheck failed(int line, int column, String message) {
        return failed(List.of(new SqlProblem(line, column, message)));
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
