package io.streamdesk.flink.sql;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.lineage.LineageTable;
import io.streamdesk.model.lineage.ScriptLineage;
import io.streamdesk.model.lineage.StatementLineage;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.model.sql.VariableSubstitution;
import io.streamdesk.service.port.LineageExtractor;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.operations.CreateTableASOperation;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.ReplaceTableAsOperation;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.table.operations.StatementSetOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link LineageExtractor} over Flink's parser (M5): the script is parsed statement by statement in a throw-away table
 * environment made like the check's, catalog statements applied so that later ones resolve. Writes are the sink of
 * each {@link ModifyOperation} ({@link SinkModifyOperation}'s resolved table; the new table of CREATE/REPLACE TABLE
 * AS; every INSERT of an EXECUTE STATEMENT SET); reads are the tables its query scans ({@link PlannerTableScans}),
 * views resolved to their base tables by the planner. Tables the script creates are {@link TableOrigin#SCRIPT};
 * tables of the metadata catalog {@link TableOrigin#CATALOG}.
 */
public final class FlinkLineageExtractor implements LineageExtractor {

    private final SqlStatementSplitter splitter = new SqlStatementSplitter();

    @Override
    public ScriptLineage extract(String script, SqlContext context) {
        if (script == null || script.isBlank()) {
            return ScriptLineage.EMPTY;
        }
        if (script.length() > FlinkSqlChecker.MAX_SCRIPT_CHARS) {
            return new ScriptLineage(List.of(), List.of(new SqlProblem(1, 1, "The script is too long to read its tables ("
                    + script.length() + " characters; the limit is " + FlinkSqlChecker.MAX_SCRIPT_CHARS + ")")));
        }
        VariableSubstitution.Result substituted = VariableSubstitution.apply(script, context.variables());
        if (!substituted.problems().isEmpty()) {
            return new ScriptLineage(List.of(), substituted.problems());
        }
        TableEnvironment tEnv;
        try {
            tEnv = JobTableEnvironments.create(EnvironmentSettings.newInstance().inStreamingMode(), context);
        } catch (RuntimeException | LinkageError e) {
            return new ScriptLineage(List.of(), List.of(new SqlProblem(1, 1,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        Set<String> metadataCatalogs = metadataCatalogs(context.catalog());
        Set<ObjectIdentifier> scriptTables = new HashSet<>();
        List<StatementLineage> statements = new ArrayList<>();
        List<SqlProblem> problems = new ArrayList<>();
        for (SqlStatement statement : splitter.split(substituted.text())) {
            try {
                for (Operation operation : FlinkOperations.parse(tEnv, statement.text())) {
                    Tables tables = new Tables(scriptTables, metadataCatalogs);
                    if (operation instanceof CreateTableOperation create) {
                        scriptTables.add(create.getTableIdentifier());
                    }
                    if (FlinkOperations.isCatalogChange(operation)) {
                        FlinkOperations.apply(tEnv, operation);
                        continue;
                    }
                    if (operation instanceof StatementSetOperation set) {
                        set.getOperations().forEach(m -> modify(m, tables, tEnv));
                    } else if (operation instanceof ModifyOperation modify) {
                        modify(modify, tables, tEnv);
                    } else if (operation instanceof QueryOperation query) {
                        tables.readsOf(query);
                    }
                    if (!tables.reads.isEmpty() || !tables.writes.isEmpty()) {
                        int line = substituted.originalPosition(statement.line(), statement.column())[0];
                        statements.add(new StatementLineage(line, new ArrayList<>(tables.reads),
                                new ArrayList<>(tables.writes)));
                    }
                }
            } catch (Exception | LinkageError e) {
                SqlProblem problem = FlinkSqlChecker.problemOf(e, statement);
                int[] at = substituted.originalPosition(problem.line(), problem.column());
                problems.add(new SqlProblem(at[0], at[1], problem.message()));
            }
        }
        return new ScriptLineage(statements, problems);
    }

    /** The catalogs of StreamDesk's metadata catalog: the default one and any other its tables or databases name. */
    private static Set<String> metadataCatalogs(MetadataSnapshot catalog) {
        Set<String> names = new HashSet<>();
        names.add(MetadataSnapshot.DEFAULT_CATALOG);
        catalog.databases().forEach(d -> names.add(d.catalog()));
        catalog.tables().forEach(t -> names.add(t.catalog()));
        return names;
    }

    private static void modify(ModifyOperation operation, Tables tables, TableEnvironment tEnv) {
        if (operation instanceof SinkModifyOperation sink) {
            tables.write(sink.getContextResolvedTable().getIdentifier(), options(sink.getContextResolvedTable()));
        } else if (operation instanceof CreateTableASOperation ctas) {
            created(ctas.getCreateTableOperation(), tables, tEnv);
        } else if (operation instanceof ReplaceTableAsOperation rtas) {
            created(rtas.getCreateTableOperation(), tables, tEnv);
        }
        tables.readsOf(operation.getChild());
    }

    /** The table a CREATE TABLE AS makes: written here, and there for the statements after it (as the job's run). */
    private static void created(CreateTableOperation create, Tables tables, TableEnvironment tEnv) {
        tables.scriptTables.add(create.getTableIdentifier());
        tables.write(create.getTableIdentifier(), create.getCatalogTable().getOptions());
        try {
            FlinkOperations.apply(tEnv, new CreateTableOperation(create.getTableIdentifier(), create.getCatalogTable(),
                    true, create.isTemporary()));
        } catch (RuntimeException e) {
            // later statements reading it then report their own problem
        }
    }

    private static Map<String, String> options(ContextResolvedTable table) {
        try {
            return table.getResolvedTable().getOptions();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The tables of one operation, sorted and each once. */
    private static final class Tables {
        final Set<ObjectIdentifier> scriptTables;
        final Set<String> metadataCatalogs;
        final TreeSet<LineageTable> reads = new TreeSet<>();
        final TreeSet<LineageTable> writes = new TreeSet<>();

        Tables(Set<ObjectIdentifier> scriptTables, Set<String> metadataCatalogs) {
            this.scriptTables = scriptTables;
            this.metadataCatalogs = metadataCatalogs;
        }

        void readsOf(QueryOperation query) {
            PlannerTableScans.forEachTable(query, (id, table) ->
                    reads.add(table(id, table.map(FlinkLineageExtractor::options).orElse(Map.of()))));
        }

        void write(ObjectIdentifier id, Map<String, String> options) {
            writes.add(table(id, options));
        }

        LineageTable table(ObjectIdentifier id, Map<String, String> options) {
            TableOrigin origin = scriptTables.contains(id) ? TableOrigin.SCRIPT
                    : metadataCatalogs.contains(id.getCatalogName()) ? TableOrigin.CATALOG
                    : TableOrigin.EXTERNAL;
            return new LineageTable(id.asSummaryString(), origin, options.getOrDefault("connector", ""));
        }
    }
}
