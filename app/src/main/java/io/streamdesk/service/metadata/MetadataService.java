package io.streamdesk.service.metadata;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.metadata.ParsedTable;
import io.streamdesk.model.metadata.TableDdlCheck;
import io.streamdesk.model.metadata.TableDdlText;
import io.streamdesk.model.metadata.TableNames;
import io.streamdesk.model.metadata.TableTemplate;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.JobSqlContexts;
import io.streamdesk.service.port.MetadataStore;
import io.streamdesk.service.port.TableDdlParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The metadata catalog (M1-M4): catalogs, databases and tables kept in the app's database, every table's DDL checked
 * with Flink's parser before it is stored. A table's WITH options can change, its connector cannot (M4). The snapshot
 * is what every check, compile and run registers ({@link JobSqlContexts.CatalogSource}, M3).
 *
 * <p>Every method does I/O (the store; the parser loads Flink's planner on first use): call it off the FX thread.
 */
public final class MetadataService implements JobSqlContexts.CatalogSource {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataService.class);
    public static final int MAX_CATALOGS = 50;
    public static final int MAX_DATABASES = 500;
    public static final int MAX_TABLES = 20_000;
    public static final int MAX_COLUMNS = 1_000;
    public static final int MAX_OPTIONS = 200;
    public static final int MAX_OPTION_KEY = 256;
    public static final int MAX_OPTION_VALUE = 8_192;

    /** M7 here: why the pane offers no Hive catalog. */
    public static final String HIVE_NOTE = "Hive catalogs: not available \u2014 no Hive connector for Flink 2.3 exists"
            + " in Maven Central's reach here (flink-connector-hive_2.12 resolves up to 1.20.0, built for Flink 1.20;"
            + " 2.x versions and flink-sql-connector-hive-3.1.3_2.12 do not resolve).";

    private final MetadataStore store;
    private final TableDdlParser parser;
    private final Clock clock;
    private final List<TableChangeListener> listeners = new CopyOnWriteArrayList<>();

    public MetadataService(MetadataStore store, TableDdlParser parser, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void addTableChangeListener(TableChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---- reading ----

    /** The catalog as every check, compile and run registers it (M3). */
    @Override
    public MetadataSnapshot snapshot() {
        return new MetadataSnapshot(store.databases(), store.tables());
    }

    /** Catalogs > databases > tables, the default catalog first. */
    public MetadataTree tree() {
        return MetadataTree.of(store.catalogs(), snapshot());
    }

    public Optional<MetadataTable> table(String catalog, String database, String name) {
        return store.table(catalog, database, name);
    }

    public List<TableTemplate> templates() {
        return TableTemplate.all();
    }

    // ---- catalogs and databases ----

    public void createCatalog(String name) {
        reject(TableNames.problem("Catalog name", name));
        List<String> catalogs = store.catalogs();
        if (catalogs.contains(name)) {
            throw new InputRejectedException("Catalog name: a catalog named '" + name + "' exists.");
        }
        if (catalogs.size() >= MAX_CATALOGS) {
            throw new InputRejectedException("There are " + catalogs.size() + " catalogs, the most allowed.");
        }
        store.createCatalog(name, clock.instant());
    }

    public MetadataDatabase createDatabase(String catalog, String name) {
        reject(TableNames.problem("Database name", name));
        if (!store.catalogs().contains(catalog)) {
            throw new InputRejectedException("Catalog: there is no catalog '" + catalog + "'.");
        }
        List<MetadataDatabase> databases = store.databases();
        MetadataDatabase db = new MetadataDatabase(catalog, name);
        if (databases.contains(db)) {
            throw new InputRejectedException("Database name: catalog '" + catalog + "' has a database named '" + name
                    + "'.");
        }
        if (databases.size() >= MAX_DATABASES) {
            throw new InputRejectedException("There are " + databases.size() + " databases, the most allowed.");
        }
        store.createDatabase(db, clock.instant());
        return db;
    }

    // ---- tables ----

    /**
     * What Flink's parser says of {@code ddl} as a new table of {@code catalog.database}: the table, or problems at
     * their line and column (the DDL's own, a name that is taken or does not match the place, a connector that holds a
     * variable). Stores nothing.
     */
    public TableDdlCheck checkNewTable(String catalog, String database, String ddl) {
        TableDdlCheck check = parser.parse(ddl);
        if (!check.valid()) {
            return check;
        }
        List<SqlProblem> problems = new ArrayList<>(rules(check.table(), ddl));
        ParsedTable t = check.table();
        if ((t.catalog() != null && !t.catalog().equals(catalog)) || (t.database() != null && !t.database().equals(database))) {
            problems.add(new SqlProblem(1, 1, "The DDL names " + t.catalog() + "." + t.database() + "." + t.name()
                    + " but the table is created in " + catalog + "." + database
                    + ": write the table's name alone (CREATE TABLE " + t.name() + " ...)."));
        }
        if (problems.isEmpty() && store.table(catalog, database, t.name()).isPresent()) {
            problems.add(new SqlProblem(1, 1, "A table named '" + t.name() + "' exists in " + catalog + "." + database
                    + ": choose another name, or edit that table."));
        }
        return problems.isEmpty() ? check : TableDdlCheck.failed(problems);
    }

    /** Checks {@code ddl} ({@link #checkNewTable}) and stores the table; refused with the problems otherwise. */
    public MetadataTable createTable(String catalog, String database, String ddl) {
        if (!store.databases().contains(new MetadataDatabase(catalog, database))) {
            throw new InputRejectedException("There is no database " + catalog + "." + database + ".");
        }
        TableDdlCheck check = checkNewTable(catalog, database, ddl);
        if (!check.valid()) {
            throw rejected("The table's DDL", check.problems());
        }
        if (store.tables().size() >= MAX_TABLES) {
            throw new InputRejectedException("The catalog has " + MAX_TABLES + " tables, the most allowed.");
        }
        ParsedTable t = check.table();
        MetadataTable stored = store.createTable(new MetadataTable(catalog, database, t.name(), ddl.strip(),
                t.connector(), t.columns(), clock.instant(), t.watermark(), t.primaryKey()));
        fire(stored.qualifiedName(), TableChangeListener.Change.CREATED);
        return stored;
    }

    /**
     * The table's WITH options (M4): any option may be added, changed or removed except {@code connector}, which must
     * stay as it is. The new DDL (the old one with its WITH clause rewritten) is checked before it is stored.
     *
     * @param options option key to value, in the order they are to be written
     */
    public MetadataTable updateOptions(String catalog, String database, String name, Map<String, String> options) {
        MetadataTable current = store.table(catalog, database, name).orElseThrow(() ->
                new InputRejectedException("There is no table " + catalog + "." + database + "." + name + "."));
        String connector = options.get("connector");
        if (connector == null || !connector.strip().equals(current.connector())) {
            throw new InputRejectedException("The connector cannot change (M4): " + current.qualifiedName() + " is a '"
                    + current.connector() + "' table" + (connector == null ? " and its 'connector' option cannot be"
                    + " removed" : ", not '" + connector + "'") + ". Create a new table for another connector.");
        }
        if (options.size() > MAX_OPTIONS) {
            throw new InputRejectedException("A table has at most " + MAX_OPTIONS + " options (" + options.size() + ").");
        }
        Map<String, String> clean = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().strip();
            if (key.isEmpty()) {
                throw new InputRejectedException("Option keys: a key is empty.");
            }
            if (key.length() > MAX_OPTION_KEY) {
                throw new InputRejectedException("Option '" + key.substring(0, 40) + "…': keys have at most "
                        + MAX_OPTION_KEY + " characters.");
            }
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.length() > MAX_OPTION_VALUE) {
                throw new InputRejectedException("Option '" + key + "': values have at most " + MAX_OPTION_VALUE
                        + " characters.");
            }
            if (clean.put(key, key.equals("connector") ? value.strip() : value) != null) {
                throw new InputRejectedException("Option '" + key + "' is there twice.");
            }
        }
        String ddl = TableDdlText.withOptions(current.ddl(), clean);
        TableDdlCheck check = parser.parse(ddl);
        List<SqlProblem> problems = check.valid() ? rules(check.table(), ddl) : check.problems();
        if (!problems.isEmpty()) {
            throw rejected("The changed options", problems);
        }
        ParsedTable t = check.table();
        MetadataTable stored = store.updateTable(new MetadataTable(catalog, database, name, ddl, t.connector(),
                t.columns(), clock.instant(), t.watermark(), t.primaryKey()));
        fire(stored.qualifiedName(), TableChangeListener.Change.OPTIONS_CHANGED);
        return stored;
    }

    public void dropTable(String catalog, String database, String name) {
        if (!store.dropTable(catalog, database, name)) {
            throw new InputRejectedException("There is no table " + catalog + "." + database + "." + name + ".");
        }
        fire(catalog + "." + database + "." + name, TableChangeListener.Change.DROPPED);
    }

    /** What the app asks of a catalog table beyond Flink's grammar: bounded names and columns; no variable in connector or version (M2). */
    private static List<SqlProblem> rules(ParsedTable t, String ddl) {
        List<SqlProblem> problems = new ArrayList<>();
        String nameProblem = TableNames.problem("Table name", t.name());
        if (nameProblem != null) {
            problems.add(new SqlProblem(1, 1, nameProblem));
        }
        if (t.columns().size() > MAX_COLUMNS) {
            problems.add(new SqlProblem(1, 1, "A table has at most " + MAX_COLUMNS + " columns (" + t.columns().size()
                    + ")."));
        }
        t.columns().stream().filter(c -> c.name().length() > TableNames.MAX_LENGTH).findFirst().ifPresent(c ->
                problems.add(new SqlProblem(1, 1, "Column names have at most " + TableNames.MAX_LENGTH
                        + " characters ('" + c.name().substring(0, 40) + "…').")));
        for (String key : List.of("connector", "version")) {
            String value = t.options().get(key);
            if (value != null && value.contains("${")) {
                int[] at = position(ddl, "'" + key + "'");
                problems.add(new SqlProblem(at[0], at[1], "'" + key + "' cannot hold a variable (M2): write the "
                        + key + " itself ('" + value + "')."));
            }
        }
        return problems;
    }

    /** 1-based line and column of the first {@code needle} in {@code text}, or 1:1. */
    static int[] position(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return new int[] {1, 1};
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }

    private static InputRejectedException rejected(String what, List<SqlProblem> problems) {
        SqlProblem first = problems.get(0);
        return new InputRejectedException(what + " at line " + first.line() + ", column " + first.column() + ": "
                + first.message(), problems);
    }

    private static void reject(String problem) {
        if (problem != null) {
            throw new InputRejectedException(problem);
        }
    }

    private void fire(String qualifiedName, TableChangeListener.Change change) {
        for (TableChangeListener l : listeners) {
            try {
                l.tableChanged(qualifiedName, change);
            } catch (RuntimeException e) {
                LOG.warn("A table change listener failed for {} ({})", qualifiedName, change, e);
            }
        }
    }
}
