package io.streamdesk.ui.variables;

import io.streamdesk.model.variable.Variable;
import io.streamdesk.ui.Formats;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Variables pane (M6): a thin view over {@link VariablesViewModel}. */
public final class VariablesView {
    private final VariablesViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<Variable> table = new TableView<>();

    public VariablesView(VariablesViewModel vm) {
        this.vm = vm;
        root.setId("variablesPane");
        root.getStyleClass().add("variables");

        Label title = new Label("Variables");
        title.getStyleClass().add("pane-title");
        Button add = button("addVariableButton", "Add variable", "fth-plus", "Add a variable that job SQL can use as ${name}");
        add.getStyleClass().add("accent");
        Button edit = button("editVariableButton", "Edit", "fth-edit-2", "Change the selected variable's value or description");
        Button delete = button("deleteVariableButton", "Delete", "fth-trash-2", "Delete the selected variable");
        Button refresh = button("refreshVariablesButton", "Refresh", "fth-refresh-cw", "Read the variables again");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label count = new Label();
        count.setId("variableCount");
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> VariablesViewModel.count(vm.rows().size()),
                vm.rows()));
        ToolBar toolbar = new ToolBar(title, add, edit, delete, refresh, spacer, count);
        toolbar.getStyleClass().add("pane-toolbar");
        Label error = banner("variablesError", vm.errorProperty(), "inline-error");
        Label message = banner("variablesMessage", vm.messageProperty(), "muted");
        root.setTop(new VBox(toolbar, error, message));

        table.setId("variablesTable");
        table.getColumns().add(column("Name", 200, Variable::name));
        TableColumn<Variable, String> value = column("Value", 260, Variable::shownValue);
        value.setId("variableValueColumn");
        table.getColumns().add(value);
        table.getColumns().add(column("Description", 320, Variable::description));
        table.getColumns().add(column("Updated", 150, v -> Formats.time(v.updatedAt())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(vm.rows());
        Label empty = new Label(VariablesViewModel.EMPTY);
        empty.setId("variablesEmpty");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.setMaxWidth(620);
        empty.visibleProperty().bind(vm.loadedProperty());
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<Variable> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openEditor(vm.editing(row.getItem()));
                }
            });
            return row;
        });
        root.setCenter(table);

        var selected = table.getSelectionModel().selectedItemProperty();
        edit.disableProperty().bind(selected.isNull());
        delete.disableProperty().bind(selected.isNull().or(vm.busyProperty()));
        add.setOnAction(e -> openEditor(vm.adding()));
        edit.setOnAction(e -> {
            if (selected.get() != null) {
                openEditor(vm.editing(selected.get()));
            }
        });
        delete.setOnAction(e -> confirmDelete(selected.get()));
        refresh.setOnAction(e -> vm.refresh());
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.refresh();
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    private void openEditor(VariableEditorViewModel editor) {
        boolean adding = editor.adding();
        new VariableEditorDialog(editor, root.getScene() == null ? null : root.getScene().getWindow())
                .showAndSave(saved -> vm.saved(saved, adding));
    }

    private void confirmDelete(Variable v) {
        if (v == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete variable \u201c" + v.name() + "\u201d? Jobs "
                + "whose SQL uses ${" + v.name() + "} without a default will not pass the check; published versions "
                + "keep the value they froze.", ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText("Delete " + v.name());
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        confirm.getDialogPane().setId("deleteVariableConfirm");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(v.name()));
    }

    private static TableColumn<Variable, String> column(String title, double width, Function<Variable, String> text) {
        TableColumn<Variable, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        return c;
    }

    private static Button button(String id, String text, String icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static Label banner(String id, ReadOnlyStringProperty text, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll(style, "cluster-banner");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
