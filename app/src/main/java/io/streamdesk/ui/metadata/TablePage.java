package io.streamdesk.ui.metadata;

import io.streamdesk.model.metadata.MetadataTable;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A catalog table's page (M1, M4): columns with the primary key, watermark and connector; the WITH options in an
 * editable table (the connector's row read-only); Save, Drop; the DDL as stored; and a region for the lineage graph.
 */
final class TablePage {
    /** Shown where the lineage graph goes when no graph is given (no made-up data). */
    static final String LINEAGE_PLACEHOLDER = "Lineage is not shown here: open a job's Lineage tab to see which"
            + " tables its versions read and write.";

    private final TableEditorViewModel vm;
    private final VBox root = new VBox(10);
    private final StackPane lineageRegion = new StackPane();

    TablePage(TableEditorViewModel vm, Function<MetadataTable, Node> lineage) {
        this.vm = vm;
        root.setId("tablePage");
        Label title = new Label(vm.title());
        title.setId("tablePageTitle");
        title.getStyleClass().add("job-title");

        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(4);
        int r = 0;
        facts.addRow(r++, key("Connector"), value(vm.connector(), "tableConnector"));
        facts.addRow(r++, key("Watermark"), value(vm.watermark(), "tableWatermark"));
        facts.addRow(r++, key("Primary key"), value(vm.primaryKey(), "tablePrimaryKey"));
        facts.addRow(r++, key("Updated"), value(io.streamdesk.ui.Formats.time(vm.table().updatedAt()), null));

        TableView<TableEditorViewModel.ColumnRow> columns = new TableView<>();
        columns.setId("tableColumns");
        columns.getColumns().add(column("Column", TableEditorViewModel.ColumnRow::name, 180));
        columns.getColumns().add(column("Type", TableEditorViewModel.ColumnRow::type, 300));
        columns.getColumns().add(column("PK", c -> c.key() ? "\u2713 key" : "", 60));
        columns.getItems().setAll(vm.columns());
        columns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        columns.setFixedCellSize(26);
        columns.setPrefHeight(48 + 26 * Math.min(10, Math.max(2, vm.columns().size())));

        TableView<OptionRow> options = new TableView<>(vm.options());
        options.setId("tableOptions");
        options.setEditable(true);
        TableColumn<OptionRow, String> keyColumn = new TableColumn<>("Option");
        keyColumn.setCellValueFactory(c -> c.getValue().keyProperty());
        keyColumn.setPrefWidth(240);
        TableColumn<OptionRow, String> valueColumn = new TableColumn<>("Value");
        valueColumn.setCellValueFactory(c -> c.getValue().valueProperty());
        keyColumn.setCellFactory(c -> new FixedAwareCell());
        valueColumn.setCellFactory(c -> new FixedAwareCell());
        options.getColumns().add(keyColumn);
        options.getColumns().add(valueColumn);
        options.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        options.setFixedCellSize(26);
        options.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 48 + 26.0 * Math.min(14, Math.max(3, vm.options().size())), vm.options()));
        Label fixedNote = new Label("The connector cannot change (M4): make a new table for another connector."
                + " Double-click a key or value to edit it.");
        fixedNote.getStyleClass().add("muted");
        fixedNote.setWrapText(true);

        Button add = MetadataView.button("Add option", "optionAdd", "fth-plus", () -> {
            OptionRow row = vm.addOption();
            options.getSelectionModel().select(row);
            options.edit(vm.options().indexOf(row), keyColumn);
        });
        Button remove = MetadataView.button("Remove option", "optionRemove", "fth-minus",
                () -> vm.removeOption(options.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            OptionRow s = options.getSelectionModel().getSelectedItem();
            return s == null || s.fixed();
        }, options.getSelectionModel().selectedItemProperty()));
        Button reset = MetadataView.button("Reset", "optionReset", "fth-rotate-ccw", vm::resetOptions);
        Button save = MetadataView.button("Save options", "tableSave", "fth-save", vm::save);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty());
        Button drop = MetadataView.button("Drop table\u2026", "tableDrop", "fth-trash-2", this::confirmDrop);
        drop.disableProperty().bind(vm.busyProperty());
        FlowPane actions = new FlowPane(8, 6, add, remove, reset, save, drop);

        Label error = new Label();
        error.setId("tableError");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TextArea ddl = new TextArea(vm.table().ddl());
        ddl.setId("tableDdl");
        ddl.setEditable(false);
        ddl.getStyleClass().add("code");
        ddl.setPrefRowCount(Math.min(16, (int) vm.table().ddl().lines().count() + 1));
        TitledPane ddlPane = new TitledPane("DDL as stored", ddl);
        ddlPane.setExpanded(false);

        lineageRegion.setId("tableLineage");
        lineageRegion.setPadding(new Insets(6, 0, 0, 0));
        Node graph = lineage == null ? null : lineage.apply(vm.table());
        if (graph == null) {
            Label placeholder = new Label(LINEAGE_PLACEHOLDER);
            placeholder.getStyleClass().add("muted");
            placeholder.setWrapText(true);
            lineageRegion.getChildren().setAll(placeholder);
        } else {
            lineageRegion.getChildren().setAll(graph);
        }

        root.getChildren().addAll(title, facts, section("Columns"), columns, section("WITH options"), options,
                fixedNote, actions, error, ddlPane, section("Lineage"), lineageRegion);
    }

    VBox root() {
        return root;
    }

    /** Replaces what the lineage region shows (the graph of this table). */
    void setLineage(Node graph) {
        lineageRegion.getChildren().setAll(graph);
    }

    private void confirmDrop() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Drop " + vm.title() + " from the catalog? Jobs that"
                + " read or write it by this name will fail their next check.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setHeaderText("Drop table");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setId("tableDropConfirm");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.drop());
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> f, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A text cell that does not edit the connector's row. */
    private static final class FixedAwareCell extends TextFieldTableCell<OptionRow, String> {
        FixedAwareCell() {
            super(new javafx.util.converter.DefaultStringConverter());
        }

        @Override
        public void startEdit() {
            OptionRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (row != null && row.fixed()) {
                javafx.application.Platform.runLater(() -> getTableView().edit(-1, null)); // the table asked: undo
                return;
            }
            super.startEdit();
        }

        @Override
        public void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            OptionRow row = getTableRow() == null ? null : getTableRow().getItem();
            setStyle(row != null && row.fixed() ? "-fx-opacity: 0.7;" : "");
            setTooltip(row != null && row.fixed() ? new javafx.scene.control.Tooltip("The connector cannot change (M4)")
                    : null);
        }
    }
}
