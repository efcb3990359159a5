package io.streamdesk.model.lineage;

import io.streamdesk.model.SqlProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The tables a script reads and writes, per statement (M5), and what kept a statement from being read (a statement
 * Flink's parser refuses contributes nothing; its problem says where).
 */
public record ScriptLineage(List<StatementLineage> statements, List<SqlProblem> problems) {

    public static final ScriptLineage EMPTY = new ScriptLineage(List.of(), List.of());

    public ScriptLineage {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    /** Every table read by some statement, sorted by name, each once. */
    public List<LineageTable> reads() {
        TreeSet<LineageTable> all = new TreeSet<>();
        statements.forEach(s -> all.addAll(s.reads()));
        return new ArrayList<>(all);
    }

    /** Every table written by some statement, sorted by name, each once. */
    public List<LineageTable> writes() {
        TreeSet<LineageTable> all = new TreeSet<>();
        statements.forEach(s -> all.addAll(s.writes()));
        return new ArrayList<>(all);
    }
}
