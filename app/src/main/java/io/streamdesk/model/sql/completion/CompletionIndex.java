package io.streamdesk.model.sql.completion;

import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.sql.SqlLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a completion can propose that does not come from the script: keywords, the runtime's functions, option
 * keys per connector and format, and the metadata catalog (catalogs, databases, tables, columns) arranged for prefix
 * search. Immutable; built once per snapshot of the catalog (off the UI thread: 10,000 tables take tens of
 * milliseconds), then shared by every request.
 */
public final class CompletionIndex {
    /** An index of nothing but keywords: what the editor completes before the runtime's vocabulary is read. */
    public static final CompletionIndex EMPTY = build(MetadataSnapshot.EMPTY, BuiltInVocabulary.EMPTY);

    final NameList keywords;
    final NameList functions;
    final NameList catalogs;
    /** Lower-cased catalog -> its databases. */
    final Map<String, NameList> databases;
    /** Lower-cased "catalog.database" -> its tables, inserted by their own name. */
    final Map<String, NameList> tablesByDatabase;
    /** Every table by its own name, inserted with its qualified name. */
    final NameList tables;
    /** Lower-cased qualified name -> the table. */
    final Map<String, MetadataTable> tablesByQualifiedName;
    final NameList connectors;
    final NameList formats;
    /** Lower-cased connector or format -> its option keys as items. */
    final Map<String, NameList> connectorOptions;
    final Map<String, NameList> formatOptions;
    private final MetadataSnapshot snapshot;
    private final BuiltInVocabulary vocabulary;

    private CompletionIndex(MetadataSnapshot snapshot, BuiltInVocabulary vocabulary) {
        this.snapshot = snapshot;
        this.vocabulary = vocabulary;
        List<CompletionItem> kw = new ArrayList<>();
        for (String k : SqlLexer.KEYWORDS) {
            kw.add(new CompletionItem(k, CompletionKind.KEYWORD, ""));
        }
        this.keywords = new NameList(kw);

        Map<String, CompletionItem> fn = new LinkedHashMap<>();
        for (BuiltInVocabulary.Function f : vocabulary.functions()) {
            String insert = f.parentheses() ? f.name() + "()" : f.name();
            fn.putIfAbsent(f.name(), new CompletionItem(f.name(), insert, CompletionKind.FUNCTION,
                    f.kind(), f.parentheses() ? 1 : 0));
        }
        this.functions = new NameList(fn.values());

        // catalogs and databases: the listed ones, those the tables live in, and the default pair always
        Map<String, Set<String>> dbsByCatalog = new LinkedHashMap<>();
        dbsByCatalog.computeIfAbsent(MetadataSnapshot.DEFAULT_CATALOG, c -> new LinkedHashSet<>())
                .add(MetadataSnapshot.DEFAULT_DATABASE);
        for (MetadataDatabase d : snapshot.databases()) {
            dbsByCatalog.computeIfAbsent(d.catalog(), c -> new LinkedHashSet<>()).add(d.name());
        }
        Map<String, List<CompletionItem>> tablesIn = new HashMap<>();
        List<CompletionItem> allTables = new ArrayList<>(snapshot.tables().size());
        this.tablesByQualifiedName = new HashMap<>(snapshot.tables().size() * 2);
        for (MetadataTable t : snapshot.tables()) {
            dbsByCatalog.computeIfAbsent(t.catalog(), c -> new LinkedHashSet<>()).add(t.database());
            String where = t.catalog() + "." + t.database();
            String detail = t.connector() == null || t.connector().isBlank() ? where : where + " · " + t.connector();
            tablesIn.computeIfAbsent(NameList.lower(where), k -> new ArrayList<>())
                    .add(new CompletionItem(t.name(), CompletionKind.TABLE, detail));
            allTables.add(new CompletionItem(t.name(), t.qualifiedName(), CompletionKind.TABLE, detail, 0));
            tablesByQualifiedName.put(NameList.lower(t.qualifiedName()), t);
        }
        List<CompletionItem> cats = new ArrayList<>();
        this.databases = new HashMap<>();
        dbsByCatalog.forEach((catalog, dbs) -> {
            cats.add(new CompletionItem(catalog, CompletionKind.CATALOG, ""));
            List<CompletionItem> items = new ArrayList<>();
            for (String db : dbs) {
                items.add(new CompletionItem(db, CompletionKind.DATABASE, catalog));
            }
            databases.put(NameList.lower(catalog), new NameList(items));
        });
        this.catalogs = new NameList(cats);
        this.tablesByDatabase = new HashMap<>();
        tablesIn.forEach((k, v) -> tablesByDatabase.put(k, new NameList(v)));
        this.tables = new NameList(allTables);

        this.connectors = identifiers(vocabulary.connectors(), CompletionKind.CONNECTOR);
        this.formats = identifiers(vocabulary.formats(), CompletionKind.FORMAT);
        this.connectorOptions = options(vocabulary.connectors());
        this.formatOptions = options(vocabulary.formats());
    }

    /** The same catalog with another vocabulary (a job's own connectors): only the small parts are built again. */
    private CompletionIndex(CompletionIndex catalog, BuiltInVocabulary vocabulary) {
        this.snapshot = catalog.snapshot;
        this.vocabulary = vocabulary;
        this.keywords = catalog.keywords;
        this.functions = catalog.functions;
        this.catalogs = catalog.catalogs;
        this.databases = catalog.databases;
        this.tablesByDatabase = catalog.tablesByDatabase;
        this.tables = catalog.tables;
        this.tablesByQualifiedName = catalog.tablesByQualifiedName;
        this.connectors = identifiers(vocabulary.connectors(), CompletionKind.CONNECTOR);
        this.formats = identifiers(vocabulary.formats(), CompletionKind.FORMAT);
        this.connectorOptions = options(vocabulary.connectors());
        this.formatOptions = options(vocabulary.formats());
    }

    /** This index with the connectors and formats of {@code other} (its functions must be this one's). */
    public CompletionIndex withVocabulary(BuiltInVocabulary other) {
        return other.equals(vocabulary) ? this : new CompletionIndex(this, other);
    }

    public static CompletionIndex build(MetadataSnapshot snapshot, BuiltInVocabulary vocabulary) {
        return new CompletionIndex(snapshot, vocabulary);
    }

    public MetadataSnapshot snapshot() {
        return snapshot;
    }

    public BuiltInVocabulary vocabulary() {
        return vocabulary;
    }

    /** The table of the catalog with this qualified name (any letter case), or null. */
    MetadataTable table(String catalog, String database, String name) {
        return tablesByQualifiedName.get(NameList.lower(catalog + "." + database + "." + name));
    }

    static List<CompletionItem> columnItems(List<MetadataColumn> columns, String tableName) {
        List<CompletionItem> out = new ArrayList<>(columns.size());
        for (MetadataColumn c : columns) {
            out.add(new CompletionItem(c.name(), c.name(), CompletionKind.COLUMN,
                    c.type() + (tableName == null ? "" : " · " + tableName), 0));
        }
        return out;
    }

    private static NameList identifiers(List<BuiltInVocabulary.OptionSet> sets, CompletionKind kind) {
        List<CompletionItem> items = new ArrayList<>();
        for (BuiltInVocabulary.OptionSet s : sets) {
            items.add(new CompletionItem(s.identifier(), "'" + s.identifier() + "'", kind, "", 0));
        }
        return new NameList(items);
    }

    private static Map<String, NameList> options(List<BuiltInVocabulary.OptionSet> sets) {
        Map<String, NameList> out = new HashMap<>();
        for (BuiltInVocabulary.OptionSet s : sets) {
            List<CompletionItem> items = new ArrayList<>();
            for (String k : s.required()) {
                items.add(new CompletionItem(k, "'" + k + "'", CompletionKind.OPTION, "required · " + s.identifier(), 0));
            }
            for (String k : s.optional()) {
                items.add(new CompletionItem(k, "'" + k + "'", CompletionKind.OPTION, s.identifier(), 0));
            }
            out.put(NameList.lower(s.identifier()), new NameList(items));
        }
        return out;
    }
}
