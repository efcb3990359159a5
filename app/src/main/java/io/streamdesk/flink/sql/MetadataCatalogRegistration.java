package io.streamdesk.flink.sql;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.sql.VariableSubstitution;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException;
import org.apache.flink.table.delegation.Parser;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the metadata catalog (M3) into a job's table environment, next to Flink's default catalog where the
 * script's own DDL goes: every catalog of the snapshot becomes an in-memory Flink catalog with its databases, and its
 * tables are made from their DDL on first look-up ({@link MetadataCatalog}), so {@code INSERT INTO _dc._db.sink
 * SELECT ... FROM _dc._db.src} needs no DDL in the script and a check pays only for the tables it reads. Flink's
 * {@code default_catalog.default_database} stays the current one.
 *
 * <p>Variables ({@code ${name}}, M2) in a table's options are put in from the context's values before its DDL is
 * parsed; a table whose DDL no longer parses (or names an unknown variable) fails the statement that reads it, naming
 * the table.
 */
final class MetadataCatalogRegistration {

    private MetadataCatalogRegistration() {
    }

    static void register(TableEnvironment tEnv, MetadataSnapshot catalog, Map<String, String> variables) {
        registered(tEnv, catalog, variables);
    }

    /** Registers and returns the Flink catalogs by name (tests read how many tables were made). */
    static Map<String, MetadataCatalog> registered(TableEnvironment tEnv, MetadataSnapshot catalog,
                                                   Map<String, String> variables) {
        if (catalog.isEmpty()) {
            return Map.of();
        }
        Parser parser = ((TableEnvironmentInternal) tEnv).getParser();
        Map<String, String> values = variables == null ? Map.of() : variables;
        Map<String, MetadataCatalog> catalogs = new LinkedHashMap<>();
        // a table whose variables cannot be put in fails only the statement that reads it
        Map<String, String> problems = new HashMap<>();
        Map<String, List<MetadataDatabase>> byCatalog = new LinkedHashMap<>();
        for (MetadataDatabase db : catalog.databases()) {
            byCatalog.computeIfAbsent(db.catalog(), c -> new java.util.ArrayList<>()).add(db);
        }
        for (MetadataTable t : catalog.tables()) {
            byCatalog.computeIfAbsent(t.catalog(), c -> new java.util.ArrayList<>());
        }
        for (Map.Entry<String, List<MetadataDatabase>> e : byCatalog.entrySet()) {
            String name = e.getKey();
            String defaultDb = e.getValue().stream().map(MetadataDatabase::name)
                    .filter(MetadataSnapshot.DEFAULT_DATABASE::equals).findFirst()
                    .orElse(e.getValue().isEmpty() ? MetadataSnapshot.DEFAULT_DATABASE : e.getValue().get(0).name());
            MetadataCatalog flinkCatalog = new MetadataCatalog(name, defaultDb, (path, ddl) -> {
                String problem = problems.get(name + "." + path.getFullName());
                if (problem != null) {
                    throw new CatalogException(problem);
                }
                return make(parser, name, path, ddl);
            });
            for (MetadataDatabase db : e.getValue()) {
                createDatabase(flinkCatalog, db.name());
            }
            catalogs.put(name, flinkCatalog);
        }
        for (MetadataTable t : catalog.tables()) {
            MetadataCatalog flinkCatalog = catalogs.get(t.catalog());
            createDatabase(flinkCatalog, t.database());
            String ddl = t.ddl();
            if (!values.isEmpty() && ddl.contains("${")) {
                VariableSubstitution.Result result = VariableSubstitution.apply(ddl, values);
                if (result.problems().isEmpty()) {
                    ddl = result.text();
                } else {
                    SqlProblem p = result.problems().get(0);
                    problems.put(t.qualifiedName(), "Catalog table " + t.qualifiedName() + " (its DDL at line "
                            + p.line() + ", column " + p.column() + "): " + p.message());
                }
            }
            flinkCatalog.addPending(new ObjectPath(t.database(), t.name()), ddl);
        }
        for (Map.Entry<String, MetadataCatalog> e : catalogs.entrySet()) {
            tEnv.registerCatalog(e.getKey(), e.getValue());
        }
        return catalogs;
    }

    private static void createDatabase(MetadataCatalog catalog, String database) {
        if (catalog.databaseExists(database)) {
            return;
        }
        try {
            catalog.createDatabase(database, new CatalogDatabaseImpl(Map.of(), null), true);
        } catch (DatabaseAlreadyExistException e) {
            // ignoreIfExists: not thrown
        }
    }

    /** Flink's table from a stored CREATE TABLE, whatever name the statement gives it: the catalog's path wins. */
    private static CatalogBaseTable make(Parser parser, String catalog, ObjectPath path, String ddl) {
        String name = catalog + "." + path.getFullName();
        List<SqlStatement> statements = new SqlStatementSplitter().split(ddl);
        if (statements.size() != 1) {
            throw new CatalogException("Catalog table " + name + ": its DDL is not one CREATE TABLE statement");
        }
        SqlStatement statement = statements.get(0);
        List<Operation> operations;
        try {
            operations = parser.parse(statement.text());
        } catch (RuntimeException e) {
            throw new CatalogException("Catalog table " + name + " could not be made from its DDL: "
                    + ProblemMessages.describe(e, statement), e);
        }
        if (operations.size() != 1 || !(operations.get(0) instanceof CreateTableOperation create)) {
            throw new CatalogException("Catalog table " + name + ": its DDL is not one CREATE TABLE statement");
        }
        return create.getCatalogTable();
    }
}
