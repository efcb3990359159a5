package io.streamdesk.ui.overview;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobType;
import io.streamdesk.service.overview.OverviewService;
import io.streamdesk.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/** The overview page (D5): one card per figure; each number is a link to the jobs it counts. */
public final class OverviewView {
    private final OverviewViewModel vm;
    private final Consumer<JobId> openJob;
    private final BorderPane root;

    @FXML private FlowPane cards;
    @FXML private Label filterTitle;
    @FXML private ListView<Job> jobList;
    @FXML private Label errorLabel;

    public OverviewView(OverviewViewModel vm, Consumer<JobId> openJob) {
        this.vm = vm;
        this.openJob = openJob;
        this.root = Fxml.load("/fxml/overview/Overview.fxml", this);
        root.setId("overviewPane");
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void initialize() {
        filterTitle.textProperty().bind(vm.filterTitleProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        jobList.setItems(vm.filtered());
        jobList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Job j, boolean empty) {
                super.updateItem(j, empty);
                setText(empty || j == null ? null : j.name() + "   " + j.id().value() + "   " + j.status().label() + "   " + j.folder());
            }
        });
        jobList.setOnMouseClicked(e -> {
            Job j = jobList.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && j != null) {
                openJob.accept(j.id());
            }
        });
        vm.figuresProperty().addListener((o, a, f) -> show(f));
        vm.refresh();
    }

    private void show(OverviewService.Figures f) {
        cards.getChildren().clear();
        if (f == null) {
            return;
        }
        VBox types = card("Jobs by type");
        for (JobType t : JobType.values()) {
            types.getChildren().add(link(t.name() + ": " + f.byType().get(t).size(), "Jobs of type " + t.name(), f.byType().get(t)));
        }
        cards.getChildren().add(types);
        cards.getChildren().add(card("Running", link(String.valueOf(f.running().size()), "Running jobs", f.running())));
        if (!f.restarting().isEmpty()) {
            cards.getChildren().add(card("Restarting", link(String.valueOf(f.restarting().size()),
                    "Jobs Flink is restarting", f.restarting())));
        }
        if (!f.unconfirmed().isEmpty()) {
            // R6: a job last known running whose cluster did not confirm it is not counted as running
            cards.getChildren().add(card("Not confirmed (cluster unreachable or down)", link(String.valueOf(
                    f.unconfirmed().size()), "Jobs whose state the cluster did not confirm", f.unconfirmed())));
        }
        cards.getChildren().add(card("Stopped", link(String.valueOf(f.stopped().size()), "Stopped jobs", f.stopped())));
        cards.getChildren().add(card("Uncleared alarms (last day)", link(String.valueOf(f.unclearedAlarmsLastDay().size()),
                "Jobs with uncleared alarms in the last day", f.unclearedAlarmsLastDay())));
        cards.getChildren().add(card("Events (last 6 h)", link(String.valueOf(f.eventsLast6h().size()),
                "Jobs with events in the last 6 hours", f.eventsLast6h())));
        VBox clusters = card("Clusters: idle / total CUs");
        clusters.setId("overviewClusters");
        for (OverviewService.ClusterFigure c : f.clusters()) {
            Label line = new Label(OverviewViewModel.clusterLine(c));
            line.setTooltip(new javafx.scene.control.Tooltip(c.name() + " (" + c.clusterId() + ")"));
            line.setMaxWidth(420);
            line.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            clusters.getChildren().add(line);
        }
        cards.getChildren().add(clusters);
    }

    private static VBox card(String title, javafx.scene.Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add("muted");
        VBox box = new VBox(4, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add("overview-card");
        return box;
    }

    private Hyperlink link(String text, String title, List<JobId> ids) {
        Hyperlink l = new Hyperlink(text);
        l.getStyleClass().add("overview-figure");
        l.setOnAction(e -> vm.showJobs(title, ids));
        return l;
    }

    /** MO4: a Grafana dashboard JSON for the canonical metric names, to import over a Prometheus data source. */
    @FXML
    private void onExportGrafana() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export Grafana dashboard");
        chooser.setInitialFileName("streamdesk-grafana-dashboard.json");
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.exportGrafana(file.toPath());
        }
    }

    @FXML
    private void onRefresh() {
        vm.refresh();
    }
}
