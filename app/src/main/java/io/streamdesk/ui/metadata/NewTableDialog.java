package io.streamdesk.ui.metadata;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.metadata.TableTemplate;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * New table (M1): template chooser, name, database, and the editable DDL with Flink's check under it (problems at
 * line and column; clicking one puts the caret there). Save is enabled only once the newest check passed; the dialog
 * stays open on a refusal and closes once the table is stored.
 */
final class NewTableDialog {
    private final NewTableViewModel vm;
    private final Dialog<MetadataTable> dialog = new Dialog<>();

    NewTableDialog(NewTableViewModel vm, Window owner) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("New table");
        dialog.setHeaderText("A table of the metadata catalog: jobs use it by its three-part name");
        dialog.setResizable(true);

        ChoiceBox<TableTemplate> template = new ChoiceBox<>();
        template.setId("tableTemplate");
        template.getItems().setAll(vm.templates());
        template.setConverter(new StringConverter<>() {
            @Override
            public String toString(TableTemplate t) {
                return t == null ? "" : t.label();
            }

            @Override
            public TableTemplate fromString(String s) {
                return null;
            }
        });
        template.valueProperty().bindBidirectional(vm.templateProperty());
        Label templateHint = new Label();
        templateHint.getStyleClass().add("muted");
        templateHint.setWrapText(true);
        templateHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.templateProperty().get() == null ? "" : vm.templateProperty().get().description(),
                vm.templateProperty()));
        TextField name = new TextField();
        name.setId("tableName");
        name.setPromptText("e.g. orders");
        name.textProperty().bindBidirectional(vm.nameProperty());
        ChoiceBox<String> database = new ChoiceBox<>();
        database.setId("tableDatabase");
        database.getItems().setAll(vm.databases());
        database.valueProperty().bindBidirectional(vm.databaseProperty());

        TextArea ddl = new TextArea();
        ddl.setId("tableDdlEditor");
        ddl.getStyleClass().add("code");
        ddl.setStyle("-fx-font-family: monospace;");
        ddl.textProperty().bindBidirectional(vm.ddlProperty());
        ddl.setPrefRowCount(18);
        ddl.setPrefColumnCount(72);
        VBox.setVgrow(ddl, Priority.ALWAYS);

        ListView<SqlProblem> problems = new ListView<>(vm.problems());
        problems.setId("tableProblems");
        problems.setPrefHeight(96);
        problems.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(SqlProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : NewTableViewModel.describe(p));
                getStyleClass().remove("inline-error");
                if (!empty && p != null) {
                    getStyleClass().add("inline-error");
                }
            }
        });
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                ddl.positionCaret(offset(ddl.getText(), p.line(), p.column()));
                ddl.requestFocus();
            }
        });
        Label status = new Label();
        status.setId("tableCheckStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(80),
                new javafx.scene.layout.ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        grid.addRow(0, new Label("Template"), template);
        grid.add(templateHint, 1, 1);
        grid.addRow(2, new Label("Name"), name);
        grid.addRow(3, new Label("Database"), database);
        VBox content = new VBox(8, grid, new Label("DDL (checked with Flink's parser as you type)"), ddl, problems, status);
        content.setPadding(new Insets(10));
        content.setPrefWidth(820);
        dialog.getDialogPane().setPrefWidth(860);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("tableCreate");
        ok.setText("Save");
        ok.disableProperty().bind(vm.validProperty().not());
        dialog.setOnShown(e -> name.requestFocus());
    }

    /** Shows the dialog; {@code onSaved} gets the stored table after it closed. */
    void showAndSave(Consumer<MetadataTable> onSaved) {
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(t -> {
                dialog.setResult(t);
                dialog.close();
            });
        });
        dialog.setResultConverter(b -> null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onSaved.accept(dialog.getResult());
            }
        });
        dialog.show();
    }

    /** The text offset of a 1-based line and column (clamped to the text). */
    static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line && at < text.length(); l++) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) {
                return text.length();
            }
            at = nl + 1;
        }
        return Math.min(text.length(), at + Math.max(0, column - 1));
    }
}
