package io.streamdesk.ui.metadata;

import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.service.metadata.MetadataTree;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Metadata pane (M1-M4, M7): the catalog tree on the left (catalog > database > table), the selected table's page
 * on the right, New database and New table in the toolbar, and the note on Hive catalogs. A thin view over
 * {@link MetadataViewModel}.
 */
public final class MetadataView {
    /** What a tree row stands for: a catalog, a database ("catalog.db") or a table (its qualified name). */
    record TreeEntry(String kind, String label, String key) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final MetadataViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TreeView<TreeEntry> tree = new TreeView<>();
    private final VBox page = new VBox(10);
    private final Function<MetadataTable, Node> lineage;
    private boolean rebuilding;

    /**
     * @param lineage what draws the lineage graph of a table on its page (M5); null shows a note
     */
    public MetadataView(MetadataViewModel vm, Function<MetadataTable, Node> lineage) {
        this.vm = vm;
        this.lineage = lineage;
        root.setId("metadataPane");
        root.getStyleClass().add("metadata");

        Label title = new Label("Metadata");
        title.getStyleClass().add("pane-title");
        Button newDb = button("New database\u2026", "newDatabaseButton", "fth-database", this::openNewDatabase);
        Button newTable = button("New table\u2026", "newTableButton", "fth-plus", this::openNewTable);
        newTable.getStyleClass().add("accent");
        Button refresh = button("Refresh", "metadataRefresh", "fth-refresh-cw", vm::refresh);
        Pane grow = new Pane();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.treeProperty().get().tableCount();
            return n == 1 ? "1 table" : n + " tables";
        }, vm.treeProperty()));
        ToolBar toolbar = new ToolBar(title, newTable, newDb, refresh, grow, count);
        toolbar.getStyleClass().add("pane-toolbar");
        Label error = banner("metadataError", "inline-error");
        error.textProperty().bind(vm.errorProperty());
        Label message = banner("metadataMessage", "muted");
        message.textProperty().bind(vm.messageProperty());
        root.setTop(new VBox(toolbar, error, message));

        tree.setId("metadataTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(TreeEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setGraphic(empty || item == null ? null : new FontIcon(switch (item.kind()) {
                    case "catalog" -> "fth-book";
                    case "database" -> "fth-database";
                    default -> "fth-grid";
                }));
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (rebuilding) {
                return;
            }
            vm.select(item != null && item.getValue().kind().equals("table") ? item.getValue().key() : null);
        });
        Label hive = new Label(vm.hiveNote());
        hive.setId("hiveNote");
        hive.getStyleClass().add("muted");
        hive.setWrapText(true);
        hive.setPadding(new Insets(6));
        hive.setTooltip(new javafx.scene.control.Tooltip(vm.hiveDetail()));
        VBox left = new VBox(tree, hive);
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.setMinWidth(220);

        page.setPadding(new Insets(12));
        page.setId("metadataPage");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(left, false);
        root.setCenter(split);

        vm.treeProperty().addListener((o, a, t) -> {
            rebuild(t);
            if (vm.selectedProperty().get() == null) {
                showPage(null); // the hint follows the tree: "No tables yet" or "Select a table"
            }
        });
        vm.selectedProperty().addListener((o, a, s) -> showPage(s));
        showPage(null);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.refresh();
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    private void rebuild(MetadataTree t) {
        rebuilding = true;
        try {
            TreeItem<TreeEntry> top = new TreeItem<>(new TreeEntry("root", "", ""));
            TreeItem<TreeEntry> select = null;
            TableEditorViewModel selected = vm.selectedProperty().get();
            for (MetadataTree.CatalogNode c : t.catalogs()) {
                TreeItem<TreeEntry> ci = new TreeItem<>(new TreeEntry("catalog", c.name(), c.name()));
                ci.setExpanded(true);
                for (MetadataTree.DatabaseNode d : c.databases()) {
                    TreeItem<TreeEntry> di = new TreeItem<>(new TreeEntry("database", d.name(), c.name() + "." + d.name()));
                    di.setExpanded(true);
                    for (MetadataTable table : d.tables()) {
                        TreeItem<TreeEntry> ti = new TreeItem<>(new TreeEntry("table", table.name() + "  \u00b7 "
                                + table.connector(), table.qualifiedName()));
                        di.getChildren().add(ti);
                        if (selected != null && selected.table().qualifiedName().equals(table.qualifiedName())) {
                            select = ti;
                        }
                    }
                    ci.getChildren().add(di);
                }
                top.getChildren().add(ci);
            }
            tree.setRoot(top);
            if (select != null) {
                tree.getSelectionModel().select(select);
            }
        } finally {
            rebuilding = false;
        }
    }

    private void showPage(TableEditorViewModel table) {
        page.getChildren().clear();
        if (table == null) {
            Label hint = new Label(vm.treeProperty().get().tableCount() == 0
                    ? "No tables yet \u2014 New table makes one from a template (Kafka, JDBC, datagen, \u2026) or from"
                    + " your own DDL. Jobs then read and write it as _dc._db.<name> without repeating the DDL."
                    : "Select a table to see its columns and options.");
            hint.getStyleClass().add("empty-state");
            hint.setWrapText(true);
            page.getChildren().add(hint);
            return;
        }
        page.getChildren().add(new TablePage(table, lineage).root());
    }

    private void openNewDatabase() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("New database");
        dialog.setHeaderText("A database of a catalog");
        ChoiceBox<String> catalog = new ChoiceBox<>();
        catalog.setId("databaseCatalog");
        catalog.getItems().setAll(vm.catalogs());
        catalog.getSelectionModel().select(0);
        TextField name = new TextField();
        name.setId("databaseName");
        name.setPromptText("letters, digits and _");
        Label problem = new Label();
        problem.setId("databaseProblem");
        problem.getStyleClass().add("inline-error");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Catalog"), catalog);
        grid.addRow(1, new Label("Name"), name);
        grid.add(problem, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("databaseCreate");
        ok.setText("Create");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.createDatabase(catalog.getValue(), name.getText(), dialog::close);
        });
        problem.textProperty().bind(vm.errorProperty());
        dialog.setOnShown(e -> name.requestFocus());
        dialog.show();
    }

    private void openNewTable() {
        Optional<TreeItem<TreeEntry>> item = Optional.ofNullable(tree.getSelectionModel().getSelectedItem());
        String database = item.map(TreeItem::getValue).filter(n -> n.kind().equals("database")).map(TreeEntry::key)
                .orElse(null);
        NewTableViewModel newTable = vm.newTable(database);
        new NewTableDialog(newTable, root.getScene().getWindow()).showAndSave(vm::tableCreated);
    }

    static Button button(String text, String id, String icon, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label banner(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll(style, "cluster-banner");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

}
