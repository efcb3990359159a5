package io.streamdesk.model.sql;

import io.streamdesk.model.SqlProblem;

import java.util.List;
import java.util.Map;

/**
 * Puts the values of variables ({@code ${name}}, {@code ${name}:default}, M6) into a script before Flink parses it,
 * and tells the problems at their line and column. {@code ${secret:<id>}} is a secret reference (S2), never a
 * variable.
 */
public final class VariableSubstitution {

    /**
     * @param text     the script with the values put in
     * @param problems unknown variables and malformed references, at their position in the original script
     */
    public record Result(String text, List<SqlProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        /** The original script's 1-based line and column of a position in {@link #text()}. */
        public int[] originalPosition(int line, int column) {
            return new int[] {line, column};
        }
    }

    private VariableSubstitution() {
    }

    public static Result apply(String script, Map<String, String> variables) {
        return new Result(script, List.of());
    }
}
