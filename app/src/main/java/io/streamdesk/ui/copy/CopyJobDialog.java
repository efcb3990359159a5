package io.streamdesk.ui.copy;

import io.streamdesk.model.ClusterProfile;
import io.streamdesk.service.CopyService;
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
import javafx.util.StringConverter;

/**
 * "Create copy" (J6): new name (one job only), target folder, target cluster, and what the copy gets. For one job it
 * stays open on a refusal (name taken) and closes once the copy exists; for several it hands the request to the
 * caller, which copies them as a batch.
 */
public final class CopyJobDialog {
    private final CopyJobViewModel vm;
    private final Dialog<CopyService.CopyRequest> dialog = new Dialog<>();

    public CopyJobDialog(CopyJobViewModel vm, Window owner) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("Create copy");
        dialog.setHeaderText(vm.single() ? "Copy \u201c" + vm.sources().get(0).name() + "\u201d"
                : "Copy " + vm.sources().size() + " jobs (each gets the name \u201c<name>-copy\u201d)");
        TextField name = new TextField();
        name.setId("copyName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setPrefColumnCount(30);
        TextField folder = new TextField();
        folder.setId("copyFolder");
        folder.textProperty().bindBidirectional(vm.folderProperty());
        ChoiceBox<ClusterProfile> cluster = new ChoiceBox<>(vm.clusters());
        cluster.setId("copyCluster");
        cluster.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClusterProfile p) {
                return p == null ? "" : p.name() + (p.defaultFlinkVersion() == null ? "" : " (Flink " + p.defaultFlinkVersion() + ")");
            }

            @Override
            public ClusterProfile fromString(String s) {
                return null;
            }
        });
        vm.clusters().addListener((javafx.collections.ListChangeListener<ClusterProfile>) c ->
                vm.clusters().stream().filter(p -> p.id().equals(vm.clusterIdProperty().get())).findFirst()
                        .ifPresent(p -> cluster.getSelectionModel().select(p)));
        cluster.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                vm.clusterIdProperty().set(p.id());
            }
        });
        Label error = new Label();
        error.setId("copyError");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label rules = new Label(CopyJobViewModel.rulesText());
        rules.getStyleClass().add("copy-rules");
        rules.setWrapText(true);
        rules.setMaxWidth(440);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        int row = 0;
        if (vm.single()) {
            grid.addRow(row++, new Label("New name"), name);
        }
        grid.addRow(row++, new Label("Target folder"), folder);
        grid.addRow(row++, new Label("Target cluster"), cluster);
        grid.add(error, 1, row++);
        grid.add(rules, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("copyOkButton");
        ok.setText(vm.single() ? "Create copy" : "Create " + vm.sources().size() + " copies");
        ok.disableProperty().bind(vm.busyProperty());
        dialog.setOnShown(e -> (vm.single() ? name : folder).requestFocus());
        vm.load();
    }

    /** One job: copies it, then hands the result over once the dialog is closed. */
    public void showAndCopy(Consumer<CopyService.CopyResult> onCopied) {
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        CopyService.CopyResult[] result = new CopyService.CopyResult[1];
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.copySingle(r -> {
                result[0] = r;
                dialog.setResult(vm.request());
                dialog.close();
            });
        });
        dialog.setOnHidden(e -> {
            if (result[0] != null) {
                onCopied.accept(result[0]);
            }
        });
        dialog.setResultConverter(b -> null);
        dialog.show();
    }

    /** Several jobs: the request once the user confirms, for the caller's batch. */
    public void showAndRequest(Consumer<CopyService.CopyRequest> onConfirmed) {
        dialog.setResultConverter(b -> b == ButtonType.OK ? vm.request() : null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onConfirmed.accept(dialog.getResult());
            }
        });
        dialog.show();
    }
}
