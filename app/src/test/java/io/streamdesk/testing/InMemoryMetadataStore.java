package io.streamdesk.testing;

import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.service.port.MetadataStore;
import io.streamdesk.service.port.StoreException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link MetadataStore} in memory, with the default catalog and database V14 creates. */
public final class InMemoryMetadataStore implements MetadataStore {
    private final TreeSet<String> catalogs = new TreeSet<>(List.of(MetadataSnapshot.DEFAULT_CATALOG));
    private final TreeSet<String> databases = new TreeSet<>(List.of(key(MetadataSnapshot.DEFAULT_CATALOG,
            MetadataSnapshot.DEFAULT_DATABASE)));
    private final TreeMap<String, MetadataTable> tables = new TreeMap<>();

    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }

    @Override
    public synchronized List<String> catalogs() {
        List<String> names = new ArrayList<>(catalogs);
        names.sort(Comparator.comparing((String n) -> !n.equals(MetadataSnapshot.DEFAULT_CATALOG))
                .thenComparing(Comparator.naturalOrder()));
        return names;
    }

    @Override
    public synchronized List<MetadataDatabase> databases() {
        return databases.stream().map(k -> k.split("\u0000")).map(p -> new MetadataDatabase(p[0], p[1])).toList();
    }

    @Override
    public synchronized List<MetadataTable> tables() {
        return List.copyOf(tables.values());
    }

    @Override
    public synchronized Optional<MetadataTable> table(String catalog, String database, String name) {
        return Optional.ofNullable(tables.get(key(catalog, database, name)));
    }

    @Override
    public synchronized void createCatalog(String name, Instant at) {
        if (!catalogs.add(name)) {
            throw new StoreException("A catalog named '" + name + "' exists.");
        }
    }

    @Override
    public synchronized void createDatabase(MetadataDatabase database, Instant at) {
        if (!catalogs.contains(database.catalog())) {
            throw new StoreException("There is no catalog '" + database.catalog() + "'.");
        }
        if (!databases.add(key(database.catalog(), database.name()))) {
            throw new StoreException("A database named '" + database.name() + "' exists.");
        }
    }

    @Override
    public synchronized MetadataTable createTable(MetadataTable table) {
        if (!databases.contains(key(table.catalog(), table.database()))) {
            throw new StoreException("There is no database " + table.catalog() + "." + table.database() + ".");
        }
        if (tables.putIfAbsent(key(table.catalog(), table.database(), table.name()), table) != null) {
            throw new StoreException("A table named '" + table.name() + "' exists.");
        }
        return table;
    }

    @Override
    public synchronized MetadataTable updateTable(MetadataTable table) {
        if (tables.replace(key(table.catalog(), table.database(), table.name()), table) == null) {
            throw new StoreException("There is no table " + table.qualifiedName() + ".");
        }
        return table;
    }

    @Override
    public synchronized boolean dropTable(String catalog, String database, String name) {
        return tables.remove(key(catalog, database, name)) != null;
    }
}
