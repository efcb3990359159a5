package io.streamdesk.ui.variables;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Replace variables" (M6): the substituted SQL, read-only, secrets masked, with the problems if any. */
public final class ReplaceVariablesDialog {
    private final Dialog<Void> dialog = new Dialog<>();

    public ReplaceVariablesDialog(ReplaceVariablesViewModel vm, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Replace variables");
        dialog.setHeaderText("The SQL of " + vm.title() + " with its variables replaced, as it will run");
        dialog.setResizable(true);
        Label summary = new Label();
        summary.setId("replaceVariablesSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        TextArea problems = new TextArea();
        problems.setId("replaceVariablesProblems");
        problems.setEditable(false);
        problems.getStyleClass().addAll("monospace", "inline-error");
        problems.setPrefRowCount(3);
        problems.textProperty().bind(vm.problemsProperty());
        problems.visibleProperty().bind(vm.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        TextArea sql = new TextArea();
        sql.setId("replaceVariablesSql");
        sql.setEditable(false);
        sql.getStyleClass().add("monospace");
        sql.setPrefRowCount(22);
        sql.setPrefColumnCount(90);
        sql.textProperty().bind(vm.sqlProperty());
        VBox.setVgrow(sql, Priority.ALWAYS);
        VBox content = new VBox(8, summary, problems, sql);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("replaceVariablesDialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        vm.load();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }

    public void show() {
        dialog.show();
    }
}
