package io.streamdesk.ui.metadata;

import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.service.metadata.MetadataService;
import io.streamdesk.service.metadata.MetadataTree;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Metadata pane (M1-M4, M7): the catalog tree, the selected table's page ({@link TableEditorViewModel}), and the
 * pane's commands (create database; New table opens {@link NewTableViewModel}). All reads and writes run off the FX
 * thread; the tree is replaced whole when they come back.
 */
public final class MetadataViewModel {
    private final Supplier<MetadataService> service;
    private final UiContext ctx;
    private final ReadOnlyObjectWrapper<MetadataTree> tree = new ReadOnlyObjectWrapper<>(new MetadataTree(List.of()));
    private final ReadOnlyObjectWrapper<TableEditorViewModel> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String selectedName;

    public MetadataViewModel(Supplier<MetadataService> service, UiContext ctx) {
        this.service = service;
        this.ctx = ctx;
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<MetadataTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The page of the selected table; null when no table is selected. */
    public ReadOnlyObjectProperty<TableEditorViewModel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** M7: why there is no Hive catalog here. */
    public String hiveNote() {
        return MetadataService.HIVE_NOTE;
    }

    /** M7: what was looked up. */
    public String hiveDetail() {
        return MetadataService.HIVE_DETAIL;
    }

    /** Catalog names, for the New database and New table choices. */
    public List<String> catalogs() {
        return tree.get().catalogs().stream().map(MetadataTree.CatalogNode::name).toList();
    }

    /** "catalog.database" of every database, for the New table choice. */
    public List<String> databases() {
        return tree.get().catalogs().stream().flatMap(c -> c.databases().stream())
                .map(d -> d.catalog() + "." + d.name()).toList();
    }

    // ---- commands ----

    public void refresh() {
        BackgroundTask.wrap(() -> service.get().tree())
                .onSuccess(this::show)
                .onFailure(e -> error.set("Reading the catalog failed: " + e.getMessage()))
                .executeWith(ctx);
    }

    /** Shows a table's page (by "catalog.database.table"), null for none. */
    public void select(String qualifiedName) {
        selectedName = qualifiedName;
        if (qualifiedName == null) {
            selected.set(null);
            return;
        }
        TableEditorViewModel current = selected.get();
        Optional<MetadataTable> table = find(qualifiedName);
        if (table.isEmpty()) {
            selected.set(null);
        } else if (current == null || !current.table().equals(table.get())) {
            selected.set(new TableEditorViewModel(table.get(), service, ctx, this::tableChanged));
        }
    }

    public void createDatabase(String catalog, String name, Runnable onDone) {
        error.set("");
        BackgroundTask.wrap(() -> service.get().createDatabase(catalog, name == null ? null : name.strip()))
                .onSuccess(db -> {
                    message.set("Created database " + db.qualifiedName() + ".");
                    refresh();
                    onDone.run();
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    /** After New table saved one: refresh and open it. */
    public void tableCreated(MetadataTable table) {
        message.set("Created table " + table.qualifiedName() + ".");
        error.set("");
        selectedName = table.qualifiedName();
        refresh();
    }

    public NewTableViewModel newTable(String database) {
        return new NewTableViewModel(service, ctx, databases(), database);
    }

    private void tableChanged(String outcome) {
        message.set(outcome);
        error.set("");
        refresh();
    }

    private void show(MetadataTree newTree) {
        tree.set(newTree);
        select(selectedName);
    }

    private Optional<MetadataTable> find(String qualifiedName) {
        return tree.get().catalogs().stream().flatMap(c -> c.databases().stream()).flatMap(d -> d.tables().stream())
                .filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
    }
}
