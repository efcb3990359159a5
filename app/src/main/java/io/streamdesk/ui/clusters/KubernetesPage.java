package io.streamdesk.ui.clusters;

import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.model.cluster.StateSources;
import io.streamdesk.service.clusters.KubernetesSpecText;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The parts of a cluster's page that only a Kubernetes cluster has (R3, R4): its FlinkDeployment's settings, the
 * sources table (operator, Flink REST: value, last seen, detail) with a visible mark when they disagree, the line
 * that follows a change until the operator settles, and the dialogs of Scale, Suspend and Delete. A thin view: the
 * commands go to {@link ClustersViewModel}.
 */
final class KubernetesPage {
    private final ClustersViewModel vm;
    private TableView<SourceReading> sourcesTable;

    KubernetesPage(ClustersViewModel vm) {
        this.vm = vm;
    }

    /** Adds the FlinkDeployment's rows to the page's grid from {@code row}; returns the next row. */
    int details(GridPane grid, int row, ClusterSummary s, BiFunction<String, String, Label> value,
                RowAdder add) {
        KubernetesSpec k = s.kubernetes();
        row = add.add(grid, row, "Namespace", value.apply(s.namespaceText(), "k8sNamespaceValue"));
        row = add.add(grid, row, "FlinkDeployment", value.apply(k.deploymentName() + " (session mode, service account "
                + k.serviceAccount() + ")", "k8sDeploymentValue"));
        row = add.add(grid, row, "Image", value.apply(k.image() + "  \u00b7  Flink version " + k.flinkVersion(),
                "k8sImageValue"));
        row = add.add(grid, row, "JobManager", value.apply(KubernetesSpecText.resources(k.jobManager(), true),
                "k8sJobManagerValue"));
        row = add.add(grid, row, "TaskManagers", value.apply(s.taskManagersText(), "k8sTaskManagersValue"));
        row = add.add(grid, row, "Flink configuration", value.apply(k.flinkConfiguration().isEmpty() ? "None"
                : KubernetesSpecText.configurationLines(k.flinkConfiguration()), "k8sConfigurationValue"));
        row = add.add(grid, row, "DNS settings", value.apply(s.dnsText(), "clusterDnsValue"));
        row = add.add(grid, row, "REST access", value.apply(s.restAccessText(), "k8sRestAccessValue"));
        return row;
    }

    /** How the page adds one key/value row. */
    interface RowAdder {
        int add(GridPane grid, int row, String key, Node value);
    }

    /** The sources section: a "sources disagree" mark when they do, then one row per source. */
    VBox sources(ClusterSummary s) {
        Label title = new Label("Sources of its state");
        title.getStyleClass().add("section-title");
        Label disagree = new Label();
        disagree.setId("clusterSourcesDisagree");
        disagree.getStyleClass().add("sources-disagree");
        disagree.setGraphic(new FontIcon("fth-alert-triangle"));
        disagree.setWrapText(true);
        disagree.setMaxWidth(Double.MAX_VALUE);
        sourcesTable = new TableView<>();
        sourcesTable.setId("clusterSources");
        sourcesTable.getStyleClass().add("sources-table");
        sourcesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SourceReading, String> source = column("Source", 120, SourceReading::source);
        TableColumn<SourceReading, SourceReading> valueColumn = new TableColumn<>("Value");
        valueColumn.setPrefWidth(220);
        valueColumn.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        valueColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(SourceReading r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("source-well", "source-unwell");
                setText(empty || r == null ? null : r.value());
                if (!empty && r != null) {
                    getStyleClass().add(r.healthy() ? "source-well" : "source-unwell");
                }
            }
        });
        TableColumn<SourceReading, String> seen = column("Last seen", 100,
                r -> StateSources.age(r.seenAt(), Instant.now()));
        TableColumn<SourceReading, String> detail = column("Detail", 300, r -> r.detail() == null ? "" : r.detail());
        detail.setCellFactory(c -> new TableCell<>() { // a long error is shortened in the cell, whole in its tooltip
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        sourcesTable.getColumns().setAll(List.of(source, valueColumn, seen, detail));
        Label empty = new Label("No readings yet: the cluster has not been watched.");
        empty.getStyleClass().add("muted");
        sourcesTable.setPlaceholder(empty);
        update(s, disagree);
        VBox box = new VBox(6, title, disagree, sourcesTable);
        box.setUserData(disagree);
        return box;
    }

    /** Refreshes the readings in place (their last-seen times move on every poll without rebuilding the page). */
    void updateSources(ClusterSummary s, VBox box) {
        if (box != null && box.getUserData() instanceof Label disagree) {
            update(s, disagree);
        }
    }

    private void update(ClusterSummary s, Label disagree) {
        sourcesTable.getItems().setAll(s.sources().readings());
        // every reading shown without a scroll bar: the header and one fixed-height row per source
        sourcesTable.setFixedCellSize(30);
        double height = 40 + 30 * Math.max(1, s.sources().readings().size()) + 4;
        sourcesTable.setPrefHeight(height);
        sourcesTable.setMinHeight(height);
        disagree.setText(s.sources().disagree() ? "Sources disagree: " + s.sources().disagreement() : "");
        disagree.setVisible(s.sources().disagree());
        disagree.setManaged(s.sources().disagree());
    }

    /** The line that follows a change until the operator settles (progress, its state and error). */
    VBox settlingLine() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        Label text = new Label();
        text.setId("clusterSettling");
        text.setWrapText(true);
        text.textProperty().bind(vm.settlingProperty());
        HBox line = new HBox(8, progress, text);
        line.getStyleClass().add("settling-line");
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("clusterSettlingError");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.settlingErrorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(4, line, error);
        box.visibleProperty().bind(vm.settlingProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Scale…: TaskManager replicas (at least what running jobs use), CPU and memory each. */
    void openScale(ClusterSummary s, Window owner) {
        KubernetesSpec k = s.kubernetes();
        int used = s.slotsInUse();
        int least = used == 0 ? 0 : (used + k.taskSlots() - 1) / k.taskSlots();
        Dialog<KubernetesSpec.Resources> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Scale cluster");
        dialog.setHeaderText("TaskManagers of \u201c" + s.name() + "\u201d");
        Spinner<Integer> replicas = new Spinner<>(0, KubernetesSpec.MAX_REPLICAS, k.taskManager().replicas());
        replicas.setId("k8sScaleReplicas");
        replicas.setEditable(true);
        TextField cpu = new TextField(KubernetesSpecText.resources(k.taskManager(), false).split(" CPU")[0]);
        cpu.setId("k8sScaleCpu");
        cpu.setPrefColumnCount(5);
        TextField memory = new TextField(k.taskManager().memory());
        memory.setId("k8sScaleMemory");
        memory.setPrefColumnCount(8);
        GridPane grid = ClusterEditorDialog.grid(110);
        grid.addRow(0, new Label("Replicas"), replicas);
        grid.addRow(1, new Label("CPU each"), cpu);
        grid.addRow(2, new Label("Memory each"), memory);
        Label now = new Label("Now: " + s.taskManagersText() + ". Running jobs use " + (s.capacity() == null
                ? "an unknown number of task slots (the cluster does not answer)" : used + " task slot"
                + (used == 1 ? "" : "s")) + "; " + k.taskSlots() + " slots per TaskManager"
                + (least > 0 ? ", so at least " + least + " TaskManager" + (least == 1 ? "" : "s") : "") + ".");
        now.setWrapText(true);
        now.setMaxWidth(440);
        Label what = new Label("The operator applies the change to the FlinkDeployment; this page follows it until it"
                + " settles. A scale below the slots in use is refused, naming the jobs.");
        what.setWrapText(true);
        what.setMaxWidth(440);
        what.getStyleClass().add("muted");
        dialog.getDialogPane().setContent(new VBox(8, now, grid, what));
        ButtonType scale = new ButtonType("Scale", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(scale, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(scale).setId("k8sScaleConfirm");
        dialog.setResultConverter(b -> {
            if (b != scale) {
                return null;
            }
            try { // a typed count the spinner has not committed yet
                replicas.getValueFactory().setValue(Integer.parseInt(replicas.getEditor().getText().strip()));
            } catch (NumberFormatException e) {
                // keeps the last valid value
            }
            double cores;
            try {
                cores = Double.parseDouble(cpu.getText().strip());
            } catch (NumberFormatException e) {
                cores = -1; // refused by the service, naming the field
            }
            return new KubernetesSpec.Resources(cores, memory.getText(), replicas.getValue());
        });
        dialog.showAndWait().ifPresent(tm -> vm.scaleTaskManagers(s.id(), tm));
    }

    /** Suspend…: lists the jobs that will be stopped with a savepoint first. */
    void confirmSuspend(ClusterSummary s, Window owner) {
        List<Job> stopping = s.jobs().stream().filter(KubernetesPage::running).toList();
        confirm(owner, "Suspend cluster", "Suspend \u201c" + s.name() + "\u201d?",
                (stopping.isEmpty() ? "No jobs run on it." : "These running jobs are stopped with a savepoint first"
                        + " (suspending is refused if one cannot be):") + " The operator then removes its pods; Resume"
                        + " brings them back, and the jobs run again from their savepoints.",
                stopping, "Suspend", "k8sSuspendConfirm", () -> vm.suspend(s.id()));
    }

    /** Delete…: lists the jobs that will stop; the FlinkDeployment is deleted and the cluster removed. */
    void confirmDelete(ClusterSummary s, Window owner) {
        List<Job> stopping = s.jobs().stream().filter(KubernetesPage::running).toList();
        confirm(owner, "Delete cluster", "Delete the FlinkDeployment \u201c" + s.kubernetes().deploymentName()
                        + "\u201d and remove \u201c" + s.name() + "\u201d?",
                (stopping.isEmpty() ? "No jobs run on it." : "These running jobs are stopped with a savepoint first"
                        + " (deleting is refused if one cannot be):") + " The operator then deletes its pods and"
                        + " services. Jobs placed on it stay in StreamDesk and can be copied to another cluster.",
                stopping, "Delete", "k8sDeleteConfirm", () -> vm.delete(s.id(), () -> { }));
    }

    private static void confirm(Window owner, String title, String header, String body, List<Job> jobs,
                                String action, String id, Runnable onConfirm) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label text = new Label(body);
        text.setWrapText(true);
        VBox content = new VBox(8, text);
        if (!jobs.isEmpty()) {
            TextArea list = new TextArea(String.join("\n", jobs.stream()
                    .map(j -> j.name() + "  \u2014  " + j.status().label()).toList()));
            list.setId("k8sStoppingJobs");
            list.setEditable(false);
            list.setPrefRowCount(Math.min(8, jobs.size()));
            content.getChildren().add(list);
        }
        content.setPrefWidth(480);
        alert.getDialogPane().setContent(content);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setText(action);
        alert.getDialogPane().lookupButton(ButtonType.OK).setId(id);
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> onConfirm.run());
    }

    private static boolean running(Job j) {
        return j.status() == io.streamdesk.model.JobStatus.RUNNING
                || j.status() == io.streamdesk.model.JobStatus.RESTARTING || j.onlineVersion() != null;
    }

    private static <T> TableColumn<T, String> column(String title, double width,
                                                     java.util.function.Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new SimpleStringProperty(f.apply(v.getValue())));
        return c;
    }

}
