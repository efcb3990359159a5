package io.streamdesk.service.metadata;

import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog tree of the Metadata pane (M1): catalogs, their databases, their tables, in the store's order. */
public record MetadataTree(List<CatalogNode> catalogs) {
    public record CatalogNode(String name, List<DatabaseNode> databases) {
    }

    public record DatabaseNode(String catalog, String name, List<MetadataTable> tables) {
    }

    public MetadataTree {
        catalogs = List.copyOf(catalogs);
    }

    static MetadataTree of(List<String> catalogNames, MetadataSnapshot snapshot) {
        Map<String, Map<String, List<MetadataTable>>> byCatalog = new LinkedHashMap<>();
        catalogNames.forEach(c -> byCatalog.put(c, new LinkedHashMap<>()));
        for (MetadataDatabase db : snapshot.databases()) {
            byCatalog.computeIfAbsent(db.catalog(), c -> new LinkedHashMap<>()).put(db.name(), new ArrayList<>());
        }
        for (MetadataTable t : snapshot.tables()) {
            byCatalog.computeIfAbsent(t.catalog(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(t.database(), d -> new ArrayList<>()).add(t);
        }
        List<CatalogNode> nodes = new ArrayList<>();
        byCatalog.forEach((catalog, dbs) -> {
            List<DatabaseNode> databases = new ArrayList<>();
            dbs.forEach((db, tables) -> databases.add(new DatabaseNode(catalog, db, List.copyOf(tables))));
            nodes.add(new CatalogNode(catalog, List.copyOf(databases)));
        });
        return new MetadataTree(nodes);
    }

    public int tableCount() {
        return catalogs.stream().flatMap(c -> c.databases().stream()).mapToInt(d -> d.tables().size()).sum();
    }
}
