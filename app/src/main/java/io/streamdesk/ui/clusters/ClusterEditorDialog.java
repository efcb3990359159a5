package io.streamdesk.ui.clusters;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import javafx.scene.control.ScrollPane;
import java.io.File;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Add or edit a remote session cluster (R2). The Add/Save button is enabled only while the form is valid; the line
 * under the form names the first field that is wrong. Saving runs off the FX thread with a progress indicator; the
 * dialog stays open on a refusal and closes once the cluster is stored.
 */
public final class ClusterEditorDialog {
    private final ClusterEditorViewModel vm;
    private final Dialog<ClusterDefinition> dialog = new Dialog<>();

    public ClusterEditorDialog(ClusterEditorViewModel vm, Window owner) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle(vm.adding() ? "Add cluster" : "Edit cluster");
        dialog.setHeaderText(vm.adding() ? "Add a Flink cluster: a remote session cluster, or one on Kubernetes"
                : "Edit \u201c" + vm.nameProperty().get() + "\u201d");
        dialog.setResizable(true);

        TextField name = field("clusterName", vm.nameProperty(), "e.g. shared-prod");
        TextField url = field("clusterUrl", vm.restUrlProperty(), "http://flink-jobmanager:8081");
        Label urlHint = hint(ClusterEditorViewModel.URL_HINT);
        TextField user = field("clusterUser", vm.userProperty(), "optional: basic auth");
        PasswordField password = new PasswordField();
        password.setId("clusterPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setPromptText(vm.passwordPrompt().isEmpty() ? "kept in the secret store" : vm.passwordPrompt());
        TextField ca = field("clusterCaFile", vm.caFileProperty(), "optional: PEM; empty = system trust store");
        TextField cert = field("clusterClientCert", vm.clientCertProperty(), "optional: PEM, for mutual TLS");
        TextField key = field("clusterClientKey", vm.clientKeyProperty(), "optional: PEM (PKCS#8)");
        TextField savepoints = field("clusterSavepointDir", vm.savepointDirProperty(), "e.g. s3://bucket/savepoints");
        Label savepointHint = hint(ClusterEditorViewModel.SAVEPOINT_HINT);

        GridPane grid = grid(130);
        GridPane top = grid(130);
        javafx.scene.control.ChoiceBox<ClusterKind> kind = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(ClusterKind.REMOTE_SESSION, ClusterKind.KUBERNETES));
        kind.setId("clusterKind");
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ClusterKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public ClusterKind fromString(String text) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setDisable(!vm.kindChoosable());
        top.addRow(0, new Label("Kind"), kind);
        top.addRow(1, new Label("Name"), name);
        KubernetesFields kubernetesFields = new KubernetesFields(vm.kubernetes(), owner);
        GridPane k8s = kubernetesFields.grid();
        k8s.visibleProperty().bind(vm.kindProperty().isEqualTo(ClusterKind.KUBERNETES));
        k8s.managedProperty().bind(k8s.visibleProperty());
        grid.visibleProperty().bind(vm.kindProperty().isEqualTo(ClusterKind.REMOTE_SESSION));
        grid.managedProperty().bind(grid.visibleProperty());
        vm.kindProperty().addListener((o, a, k) -> {
            if (k == ClusterKind.KUBERNETES && vm.kubernetes().contexts().isEmpty()) {
                vm.kubernetes().loadContexts();
            }
            // after the form's viewport took its new height (a listener registered later)
            javafx.application.Platform.runLater(() -> {
                if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                    dialog.getDialogPane().getScene().getWindow().sizeToScene();
                }
            });
        });
        int r = 0;
        grid.addRow(r++, new Label("REST URL"), url);
        grid.add(urlHint, 1, r++);
        grid.addRow(r++, new Label("User"), user);
        grid.addRow(r++, new Label("Password"), password);
        grid.addRow(r++, new Label("CA file"), withBrowse(ca, "Choose the CA certificate (PEM)", owner));
        grid.addRow(r++, new Label("Client certificate"), withBrowse(cert, "Choose the client certificate (PEM)", owner));
        grid.addRow(r++, new Label("Client key"), withBrowse(key, "Choose the client key (PEM, PKCS#8)", owner));
        grid.addRow(r++, new Label("Savepoint directory"), savepoints);
        grid.add(savepointHint, 1, r++);

        Label problem = new Label();
        problem.setId("clusterProblem");
        problem.getStyleClass().add("inline-error");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        Label serviceError = new Label();
        serviceError.setId("clusterServiceError");
        serviceError.getStyleClass().add("inline-error");
        serviceError.setWrapText(true);
        serviceError.textProperty().bind(vm.serviceErrorProperty());
        Label note = new Label();
        note.setId("clusterNote");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        for (Label l : new Label[] {problem, serviceError, note}) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
            l.setMaxWidth(560);
        }
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("clusterSaving");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label progressText = new Label(vm.adding() ? "Checking and adding the cluster\u2026" : "Saving\u2026");
        progressText.getStyleClass().add("muted");
        progressText.visibleProperty().bind(vm.busyProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        HBox busy = new HBox(8, progress, progressText);
        busy.managedProperty().bind(vm.busyProperty());
        busy.visibleProperty().bind(vm.busyProperty());

        VBox form = new VBox(0, top, grid, k8s);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setId("clusterFormScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        // tall enough for the remote form; the Kubernetes one scrolls
        scroll.setPrefViewportHeight(vm.kindProperty().get() == ClusterKind.KUBERNETES ? 470 : 430);
        vm.kindProperty().addListener((o, a, k) -> scroll.setPrefViewportHeight(k == ClusterKind.KUBERNETES ? 470 : 430));
        VBox content = new VBox(6, scroll, problem, serviceError, note, busy);
        content.setPrefWidth(700);
        content.setMinWidth(700);
        dialog.getDialogPane().setContent(content);
        if (vm.kindProperty().get() == ClusterKind.KUBERNETES) {
            vm.kubernetes().loadContexts();
        }
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("clusterSave");
        ok.setText(vm.adding() ? "Add" : "Save");
        ok.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        dialog.setOnShown(e -> name.requestFocus());
    }

    public Dialog<ClusterDefinition> dialog() {
        return dialog;
    }

    /** Shows the dialog; {@code onSaved} gets the stored cluster after the dialog closed. */
    public void showAndSave(Consumer<ClusterDefinition> onSaved) {
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stays open until the service stored it
            vm.save(d -> {
                dialog.setResult(d);
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

    /** A two-column form grid: labels at least {@code keyWidth} wide, the fields taking the rest. */
    static GridPane grid(double keyWidth) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 10, 4, 10));
        ColumnConstraints k = new ColumnConstraints();
        k.setMinWidth(keyWidth);
        ColumnConstraints v = new ColumnConstraints();
        v.setHgrow(Priority.ALWAYS);
        v.setFillWidth(true);
        grid.getColumnConstraints().addAll(k, v);
        return grid;
    }

    static TextField field(String id, StringProperty property, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(property);
        f.setPrefColumnCount(32);
        return f;
    }

    static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        l.setMaxWidth(460);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox withBrowse(TextField field, String title, Window owner) {
        Button browse = new Button("Browse\u2026");
        browse.setId(field.getId() + "Browse");
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM files", "*.pem", "*.crt", "*.key"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(field.getScene() == null ? owner : field.getScene().getWindow());
            if (f != null) {
                field.setText(f.getAbsolutePath());
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        return new HBox(6, field, browse);
    }
}
