package io.streamdesk.ui.variables;

import io.streamdesk.model.variable.Variable;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Add or edit a variable (M6). Save is enabled only while the form is valid; the line under the form names the rule
 * it breaks. A secret's value is typed into a password field and never shown. Saving runs off the FX thread; the
 * dialog stays open on a refusal.
 */
public final class VariableEditorDialog {
    private final VariableEditorViewModel vm;
    private final Dialog<Variable> dialog = new Dialog<>();

    public VariableEditorDialog(VariableEditorViewModel vm, Window owner) {
        this.vm = vm;
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(vm.adding() ? "Add variable" : "Edit variable");
        dialog.setHeaderText(vm.adding() ? "Add a variable for job SQL: ${name} or ${name}:default"
                : "Edit \u201c" + vm.nameProperty().get() + "\u201d");
        dialog.setResizable(true);

        TextField name = new TextField();
        name.setId("variableName");
        name.setPromptText("letters, digits and _, e.g. kafka_servers");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setDisable(!vm.adding()); // a name is what the SQL refers to: it does not change
        TextField plain = new TextField();
        plain.setId("variableValue");
        PasswordField hidden = new PasswordField();
        hidden.setId("variableSecretValue");
        for (TextInputControl f : new TextInputControl[] {plain, hidden}) {
            f.setPromptText(vm.valuePrompt());
            f.textProperty().bindBidirectional(vm.valueProperty());
        }
        plain.visibleProperty().bind(vm.secretProperty().not());
        hidden.visibleProperty().bind(vm.secretProperty());
        StackPane value = new StackPane(plain, hidden);
        CheckBox secret = new CheckBox("Secret: kept in the secret store, shown masked");
        secret.setId("variableSecret");
        secret.setTooltip(new javafx.scene.control.Tooltip("The value never goes into the database or the logs; "
                + "a run gets it from the secret store"));
        secret.selectedProperty().bindBidirectional(vm.secretProperty());
        TextField description = new TextField();
        description.setId("variableDescription");
        description.setPromptText("optional: what it is for");
        description.textProperty().bindBidirectional(vm.descriptionProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        ColumnConstraints k = new ColumnConstraints();
        k.setMinWidth(90);
        ColumnConstraints v = new ColumnConstraints();
        v.setHgrow(Priority.ALWAYS);
        v.setFillWidth(true);
        grid.getColumnConstraints().addAll(k, v);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Value"), value);
        grid.add(secret, 1, 2);
        grid.addRow(3, new Label("Description"), description);

        Label problem = line("variableProblem", "inline-error");
        problem.textProperty().bind(vm.problemProperty());
        Label serviceError = line("variableServiceError", "inline-error");
        serviceError.textProperty().bind(vm.serviceErrorProperty());
        VBox content = new VBox(6, grid, problem, serviceError);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("variableEditor");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("variableSave");
        ok.setText(vm.adding() ? "Add" : "Save");
        ok.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        dialog.setOnShown(e -> (vm.adding() ? name : vm.secretProperty().get() ? hidden : plain).requestFocus());
    }

    public Dialog<Variable> dialog() {
        return dialog;
    }

    /** Shows the dialog; {@code onSaved} gets the stored variable after the dialog closed. */
    public void showAndSave(Consumer<Variable> onSaved) {
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stays open until the service stored it
            vm.save(saved -> {
                dialog.setResult(saved);
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

    private static Label line(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(540);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
