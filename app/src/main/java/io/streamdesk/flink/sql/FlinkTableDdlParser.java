package io.streamdesk.flink.sql;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.ParsedTable;
import io.streamdesk.model.metadata.TableDdlCheck;
import io.streamdesk.service.port.TableDdlParser;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.catalog.WatermarkSpec;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link TableDdlParser} with Flink's planner: the statement is parsed (and so validated: types, computed columns,
 * the watermark expression, the primary key) in a table environment of its own, never executed, and the resolved
 * schema is read back. The environment is made once and only parses, so nothing is registered in it; parses are
 * serialized on it.
 */
public final class FlinkTableDdlParser implements TableDdlParser {
    static final String FLINK_DEFAULT_CATALOG = "default_catalog";
    static final String FLINK_DEFAULT_DATABASE = "default_database";

    private final SqlStatementSplitter splitter = new SqlStatementSplitter();
    private TableEnvironment tEnv;

    @Override
    public TableDdlCheck parse(String ddl) {
        if (ddl == null || ddl.isBlank()) {
            return TableDdlCheck.failed(1, 1, "The DDL is empty: write one CREATE TABLE statement.");
        }
        if (ddl.length() > MAX_DDL_CHARS) {
            return TableDdlCheck.failed(1, 1, "The DDL is too long (" + ddl.length() + " characters; the limit is "
                    + MAX_DDL_CHARS + ").");
        }
        List<SqlStatement> statements = splitter.split(ddl);
        if (statements.isEmpty()) {
            return TableDdlCheck.failed(1, 1, "The DDL has no statement: write one CREATE TABLE statement.");
        }
        if (statements.size() > 1) {
            SqlStatement second = statements.get(1);
            return TableDdlCheck.failed(second.line(), second.column(),
                    "Only one statement is allowed here: the table's CREATE TABLE (a second statement starts here).");
        }
        SqlStatement statement = statements.get(0);
        List<Operation> operations;
        try {
            operations = parseOne(statement.text());
        } catch (Exception | LinkageError e) {
            int[] relative = ProblemMessages.relativePosition(e);
            int[] at = relative == null ? new int[] {statement.line(), statement.column()}
                    : statement.toScriptPosition(relative[0], relative[1]);
            return TableDdlCheck.failed(at[0], at[1], ProblemMessages.describe(e, statement));
        }
        if (operations.size() != 1 || !(operations.get(0) instanceof CreateTableOperation create)) {
            return TableDdlCheck.failed(statement.line(), statement.column(),
                    "Not a CREATE TABLE statement: a catalog table is defined by CREATE TABLE name (columns) WITH (...).");
        }
        if (create.isTemporary()) {
            return TableDdlCheck.failed(statement.line(), statement.column(),
                    "A catalog table is not TEMPORARY: remove TEMPORARY (the catalog keeps the table).");
        }
        return read(create, statement);
    }

    private synchronized List<Operation> parseOne(String text) {
        if (tEnv == null) {
            tEnv = TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode().build());
        }
        return FlinkOperations.parse(tEnv, text);
    }

    private static TableDdlCheck read(CreateTableOperation create, SqlStatement statement) {
        ResolvedCatalogTable table = create.getCatalogTable();
        String connector = table.getOptions().get("connector");
        if (connector == null || connector.isBlank()) {
            int[] at = withPosition(statement);
            return TableDdlCheck.failed(at[0], at[1], "The table has no 'connector' option: add WITH ('connector' = '...',"
                    + " ...) (e.g. 'datagen', 'kafka', 'jdbc').");
        }
        ResolvedSchema schema = table.getResolvedSchema();
        List<MetadataColumn> columns = new ArrayList<>();
        for (Column column : schema.getColumns()) {
            columns.add(new MetadataColumn(column.getName(), typeOf(column)));
        }
        String watermark = schema.getWatermarkSpecs().isEmpty() ? null : schema.getWatermarkSpecs().stream()
                .map(FlinkTableDdlParser::watermarkOf).collect(Collectors.joining("; "));
        List<String> key = schema.getPrimaryKey().map(UniqueConstraint::getColumns).orElse(List.of());
        ObjectIdentifier id = create.getTableIdentifier();
        boolean unqualified = FLINK_DEFAULT_CATALOG.equals(id.getCatalogName())
                && FLINK_DEFAULT_DATABASE.equals(id.getDatabaseName());
        return TableDdlCheck.ok(new ParsedTable(unqualified ? null : id.getCatalogName(),
                unqualified ? null : id.getDatabaseName(), id.getObjectName(), columns, watermark, key,
                table.getOptions()));
    }

    /** The type as Flink prints it, with what makes a column computed or metadata ("AS ...", "METADATA"). */
    private static String typeOf(Column column) {
        String type = column.getDataType().getLogicalType().asSummaryString();
        if (column instanceof Column.ComputedColumn computed) {
            return type + " AS " + computed.getExpression().asSummaryString();
        }
        if (column instanceof Column.MetadataColumn metadata) {
            return type + " METADATA" + metadata.getMetadataKey().map(k -> " FROM '" + k + "'").orElse("")
                    + (metadata.isVirtual() ? " VIRTUAL" : "");
        }
        return type;
    }

    private static String watermarkOf(WatermarkSpec spec) {
        return spec.getRowtimeAttribute() + ": " + spec.getWatermarkExpression().asSummaryString();
    }

    /** The WITH keyword of the statement (its start when there is none). */
    private static int[] withPosition(SqlStatement statement) {
        int at = io.streamdesk.model.metadata.TableDdlText.withKeywordOffset(statement.text());
        if (at < 0) {
            return new int[] {statement.line(), statement.column()};
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (statement.text().charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return statement.toScriptPosition(line, at - lineStart + 1);
    }
}
