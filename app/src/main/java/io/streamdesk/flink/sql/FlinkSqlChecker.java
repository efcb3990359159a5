package io.streamdesk.flink.sql;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.model.sql.VariableSubstitution;
import io.streamdesk.service.port.SqlChecker;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link SqlChecker} with Flink's own parser and validator (E3). Each check gets a throw-away table environment:
 * catalog statements are executed there so that later statements validate against the tables the script creates,
 * and nothing leaks between checks. Thread-safe: checks share no state.
 */
public final class FlinkSqlChecker implements SqlChecker {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkSqlChecker.class);

    /** Longer scripts are refused rather than tying up the planner; 1 MiB is far beyond hand-written SQL. */
    public static final int MAX_SCRIPT_CHARS = 1 << 20;

    private final SqlStatementSplitter splitter = new SqlStatementSplitter();

    public FlinkSqlChecker() {
    }

    @Override
    public List<SqlProblem> check(String script, SqlContext context) {
        if (script == null || script.isBlank()) {
            return List.of();
        }
        if (script.length() > MAX_SCRIPT_CHARS) {
            return List.of(new SqlProblem(1, 1, "The script is too long to check (" + script.length()
                    + " characters; the limit is " + MAX_SCRIPT_CHARS + ")"));
        }
        VariableSubstitution.Result substituted = VariableSubstitution.apply(script, context.variables());
        List<SqlProblem> problems = new ArrayList<>(substituted.problems());
        if (!problems.isEmpty()) {
            return problems; // Flink would only report the unresolved references again, in its own words
        }
        TableEnvironment tEnv;
        try {
            tEnv = JobTableEnvironments.create(EnvironmentSettings.newInstance().inStreamingMode(), context);
        } catch (RuntimeException | LinkageError e) {
            return List.of(new SqlProblem(1, 1, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        ClassLoader jobLoader = JobTableEnvironments.classLoader(context);
        ConnectorCheck.Available available = ConnectorCheck.Available.of(jobLoader);
        // tables whose connector was already reported: their INSERTs are not reported again
        java.util.Set<org.apache.flink.table.catalog.ObjectIdentifier> reported = new java.util.HashSet<>();
        for (SqlStatement statement : splitter.split(substituted.text())) {
            try {
                for (Operation operation : FlinkOperations.parse(tEnv, statement.text())) {
                    String refusal = FlinkOperations.refusal(operation);
                    if (refusal != null) {
                        int[] key = FlinkOperations.runtimeModeKeyPosition(statement.text());
                        int[] at = statement.toScriptPosition(key[0], key[1]);
                        at = substituted.originalPosition(at[0], at[1]);
                        problems.add(new SqlProblem(at[0], at[1], refusal));
                        continue;
                    }
                    if (operation instanceof CreateTableOperation create) {
                        ConnectorCheck.Finding finding = ConnectorCheck.ofCreateTable(create, statement.text(), available);
                        if (finding != null) {
                            problems.add(at(finding, statement, substituted));
                            reported.add(create.getTableIdentifier());
                        }
                    }
                    for (ModifyOperation insert : FlinkOperations.inserts(operation)) {
                        if (insert instanceof SinkModifyOperation sink
                                && !reported.contains(sink.getContextResolvedTable().getIdentifier())) {
                            ConnectorCheck.Finding finding = ConnectorCheck.ofSink(sink, tEnv.getConfig(), jobLoader, available);
                            if (finding != null) {
                                problems.add(at(finding, statement, substituted));
                                reported.add(sink.getContextResolvedTable().getIdentifier());
                            }
                        }
                    }
                    if (FlinkOperations.isCatalogChange(operation)) {
                        FlinkOperations.apply(tEnv, operation);
                    }
                }
            } catch (Exception | LinkageError e) {
                if (aboutReportedTable(e, reported)) {
                    continue; // the planner could not make that table's source or sink: already said at its connector
                }
                SqlProblem problem = problemOf(e, statement);
                int[] at = substituted.originalPosition(problem.line(), problem.column());
                problems.add(new SqlProblem(at[0], at[1], problem.message()));
            }
        }
        return problems;
    }

    /** Whether Flink's error is about a table whose connector was already reported ("...table 'cat.db.t'"). */
    private static boolean aboutReportedTable(Throwable error,
                                              java.util.Set<org.apache.flink.table.catalog.ObjectIdentifier> reported) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            for (org.apache.flink.table.catalog.ObjectIdentifier id : reported) {
                if (message.contains("table '" + id.asSummaryString() + "'")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static SqlProblem at(ConnectorCheck.Finding finding, SqlStatement statement,
                                 VariableSubstitution.Result substituted) {
        int[] at = statement.toScriptPosition(finding.line(), finding.column());
        at = substituted.originalPosition(at[0], at[1]);
        return new SqlProblem(at[0], at[1], finding.message());
    }

    @Override
    public void warmUp() {
        long t0 = System.nanoTime();
        FlinkOperations.parse(newEnvironment(), "SELECT 1");
        LOG.info("SQL checker warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    static TableEnvironment newEnvironment() {
        return TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode().build());
    }

    static SqlProblem problemOf(Throwable error, SqlStatement statement) {
        int[] relative = ProblemMessages.relativePosition(error);
        int[] position = relative == null
                ? new int[] {statement.line(), statement.column()}
                : statement.toScriptPosition(relative[0], relative[1]);
        return new SqlProblem(position[0], position[1], ProblemMessages.describe(error, statement));
    }
}
