package io.streamdesk.ui.job;

import io.streamdesk.model.JobVersion;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Publish (Ctrl+Shift+P): the description is required; refusals stay visible in the dialog. */
final class PublishDialog {
    private final PublishViewModel vm;
    private final Dialog<JobVersion> dialog = new Dialog<>();

    PublishDialog(PublishViewModel vm, Window owner) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("Publish version");
        dialog.setHeaderText("Publish the draft as the next version");
        TextArea description = new TextArea();
        description.setId("publishDescription");
        description.setPromptText("What changed in this version?");
        description.setPrefRowCount(4);
        description.setPrefColumnCount(40);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        Label error = new Label();
        error.setId("publishError");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(6, new Label("Description (required)"), description, error);
        box.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("publishOkButton");
        ok.setText("Publish");
        ok.disableProperty().bind(vm.publishingProperty());
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("publishCancelButton");
        dialog.setResultConverter(b -> null);
        dialog.setOnShown(e -> description.requestFocus());
    }

    void showAndPublish(Consumer<JobVersion> onPublished) {
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.publish(v -> {
                dialog.setResult(v);
                dialog.close();
                onPublished.accept(v);
            });
        });
        dialog.show();
    }
}
