package io.streamdesk.ui.job;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Stop (Ctrl+Shift+S): with a savepoint first by default, so the job can resume where it stopped. */
final class StopDialog {

    private StopDialog() {
    }

    /** The "take a savepoint" choice, empty when cancelled. */
    static Optional<Boolean> ask(Window owner) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Stop job");
        dialog.setHeaderText("Stop the running job");
        CheckBox savepoint = new CheckBox("Take a savepoint first");
        savepoint.setId("stopWithSavepoint");
        savepoint.setSelected(true);
        Label hint = new Label("Without a savepoint the job's state is lost; the next run starts fresh.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox box = new VBox(8, savepoint, hint);
        box.setPadding(new Insets(10));
        box.setPrefWidth(380);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("stopOkButton");
        ok.setText("Stop");
        dialog.setResultConverter(b -> b == ButtonType.OK ? savepoint.isSelected() : null);
        return dialog.showAndWait();
    }
}
