package io.streamdesk.ui.jobs;

import io.streamdesk.model.Job;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * "New SQL job": the dialog stays open on a missing name or a refusal (inline error) and closes once the job
 * exists.
 */
final class NewJobDialog {
    private final NewJobViewModel vm;
    private final Dialog<Job> dialog = new Dialog<>();

    NewJobDialog(NewJobViewModel vm, Window owner) {
        this(vm, owner, false);
    }

    /** @param hasClusters whether to offer the cluster choice (the view model has a registry) */
    NewJobDialog(NewJobViewModel vm, Window owner, boolean hasClusters) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("New job");
        dialog.setHeaderText("Create a Flink job");
        TextField name = new TextField();
        name.setId("newJobName");
        name.setPromptText("e.g. orders-enrichment");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField folder = new TextField();
        folder.setId("newJobFolder");
        folder.textProperty().bindBidirectional(vm.folderProperty());
        Label error = new Label();
        error.setId("newJobNameError");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(vm.nameErrorProperty());
        error.visibleProperty().bind(vm.nameErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Name"), name);
        grid.add(error, 1, 1);
        grid.addRow(2, new Label("Folder"), folder);
        Label typeLabel = new Label("Type");
        GridPane.setValignment(typeLabel, javafx.geometry.VPos.TOP);
        grid.add(typeLabel, 0, 4);
        grid.add(typeChoice(vm), 1, 4);
        if (hasClusters) {
            ChoiceBox<NewJobViewModel.ClusterChoice> cluster = new ChoiceBox<>(vm.clusterChoices());
            cluster.setId("newJobCluster");
            cluster.setMaxWidth(Double.MAX_VALUE);
            // follows the view model's id both ways (the choices arrive after the dialog opened)
            Runnable fromVm = () -> vm.clusterChoices().stream().filter(ch -> ch.id().equals(vm.clusterIdProperty().get()))
                    .findFirst().ifPresent(cluster::setValue);
            vm.clusterIdProperty().addListener((o, a, b) -> fromVm.run());
            vm.clusterChoices().addListener((javafx.collections.ListChangeListener<NewJobViewModel.ClusterChoice>) ch -> fromVm.run());
            cluster.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    vm.clusterIdProperty().set(b.id());
                }
            });
            grid.addRow(3, new Label("Cluster"), cluster);
            vm.loadClusters();
        }
        name.setPrefColumnCount(28);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("newJobOkButton");
        ok.setText("Create");
        ok.disableProperty().bind(vm.creatingProperty());
        dialog.setOnShown(e -> name.requestFocus());
    }

    /**
     * One radio button per type with its description; a type that cannot run here is disabled and says why (J1:
     * Python), never a button that does nothing.
     */
    private static javafx.scene.layout.VBox typeChoice(NewJobViewModel vm) {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4);
        box.setId("newJobType");
        for (NewJobViewModel.TypeChoice choice : NewJobViewModel.TYPES) {
            javafx.scene.control.RadioButton radio = new javafx.scene.control.RadioButton(choice.label());
            radio.setId("newJobType" + choice.label());
            radio.setToggleGroup(group);
            radio.setUserData(choice.type());
            radio.setSelected(choice.type() == vm.typeProperty().get());
            radio.setDisable(!choice.available());
            Label about = new Label(choice.available() ? choice.description() : "Not available: " + choice.unavailable());
            about.setId("newJobTypeAbout" + choice.label());
            about.setWrapText(true);
            about.setMaxWidth(420);
            about.getStyleClass().add(choice.available() ? "text-muted" : "type-unavailable");
            about.setPadding(new Insets(0, 0, 2, 24));
            box.getChildren().addAll(radio, about);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.typeProperty().set((io.streamdesk.model.JobType) b.getUserData());
            }
        });
        return box;
    }

    void showAndCreate(Consumer<Job> onCreated) {
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            // keep the dialog open; it closes when the service created the job
            e.consume();
            vm.create(job -> {
                dialog.setResult(job);
                dialog.close();
            });
        });
        // open the job once the dialog is gone, so the editor (not the dialog's owner focus) ends up focused
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onCreated.accept(dialog.getResult());
            }
        });
        dialog.setResultConverter(b -> null);
        dialog.show();
    }
}
