package io.streamdesk.testing;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.port.SqlChecker;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for Flink's parser: every {@code SELEC } (a typo of SELECT) is an error at its line and column, one per
 * line, with Flink's message. Enough to drive the CLI's output and the editor's markers; the real checker is tested
 * with the Flink adapter. {@link #checks()} counts the calls.
 */
public final class FakeSqlChecker implements SqlChecker {
    public static final String TYPO = "SELEC ";
    private int checks;
    private io.streamdesk.model.sql.SqlContext lastContext;

    /** The context the last check was given (jars, catalog, variables). */
    public synchronized io.streamdesk.model.sql.SqlContext lastContext() {
        return lastContext;
    }

    @Override
    public synchronized List<SqlProblem> check(String script, io.streamdesk.model.sql.SqlContext context) {
        checks++;
        lastContext = context;
        // variables as the real checker resolves them (M6): an unknown one is the problem, at its line and column
        io.streamdesk.model.sql.VariableSubstitution.Result substituted =
                io.streamdesk.model.sql.VariableSubstitution.apply(script, context.variables());
        if (!substituted.ok()) {
            return substituted.problems();
        }
        List<SqlProblem> problems = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf(TYPO);
            if (col >= 0) {
                problems.add(new SqlProblem(i + 1, col + 1, "Non-query expression encountered in illegal context"));
            }
        }
        return problems;
    }

    public synchronized int checks() {
        return checks;
    }

    @Override
    public void warmUp() {
    }
}
