package io.streamdesk.ui.clusters;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The connectivity test of a cluster (R4): an optional host[:port], Run, and each step with ok/failed and its time. */
public final class ConnectivityDialog {
    private final Stage stage = new Stage();

    public ConnectivityDialog(ConnectivityTestViewModel vm, Window owner) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Test connectivity \u2014 " + vm.clusterName());

        Label header = new Label("Test connectivity of \u201c" + vm.clusterName() + "\u201d");
        header.getStyleClass().add("section-title");
        Label explain = new Label("Leave the host empty to test the cluster's REST URL (DNS, TCP, TLS, HTTP and"
                + " authentication, Flink version), or give a host or host:port to resolve and connect to (tls://host:port checks the TLS handshake too). A"
                + " Kubernetes cluster tests a host inside the cluster, from a short-lived pod with its DNS settings.");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add("muted");
        TextField target = new TextField();
        target.setId("connectivityTarget");
        target.setPromptText("optional host[:port], e.g. kafka:9092");
        target.textProperty().bindBidirectional(vm.targetProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        Button run = new Button("Run test");
        run.setId("connectivityRun");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.runningProperty().or(vm.targetProblemProperty().isNotEmpty()));
        run.setOnAction(e -> vm.run());
        Label problem = new Label();
        problem.getStyleClass().add("inline-error");
        problem.textProperty().bind(vm.targetProblemProperty());
        problem.visibleProperty().bind(vm.targetProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        TableView<ConnectivityTestViewModel.StepRow> table = new TableView<>(vm.steps());
        table.setId("connectivitySteps");
        table.setPlaceholder(new Label("Run the test to see each step."));
        table.getColumns().add(column("Step", 70, ConnectivityTestViewModel.StepRow::step));
        TableColumn<ConnectivityTestViewModel.StepRow, String> outcome = column("Result", 70,
                ConnectivityTestViewModel.StepRow::outcome);
        outcome.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("batch-"));
                setText(empty ? null : item);
                if (!empty && item != null) {
                    getStyleClass().add("ok".equals(item) ? "batch-ok" : "batch-failed");
                }
            }
        });
        table.getColumns().add(outcome);
        table.getColumns().add(column("Time", 70, ConnectivityTestViewModel.StepRow::took));
        TableColumn<ConnectivityTestViewModel.StepRow, String> detail = column("Details", 420,
                ConnectivityTestViewModel.StepRow::detail);
        detail.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        table.getColumns().add(detail);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("connectivitySummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label ranOn = new Label();
        ranOn.setId("connectivityRanOn");
        ranOn.getStyleClass().add("muted");
        ranOn.setWrapText(true);
        ranOn.textProperty().bind(vm.ranOnProperty());
        Button close = new Button("Close");
        close.setId("connectivityClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        VBox box = new VBox(8, header, explain, new HBox(8, target, run), problem, table, summary, ranOn,
                new HBox(8, spacer, close));
        box.setPadding(new Insets(12));
        BorderPane root = new BorderPane(box);
        Scene scene = new Scene(root, 760, 400);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private static TableColumn<ConnectivityTestViewModel.StepRow, String> column(String title, double width,
            java.util.function.Function<ConnectivityTestViewModel.StepRow, String> f) {
        TableColumn<ConnectivityTestViewModel.StepRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new SimpleStringProperty(f.apply(cell.getValue())));
        return c;
    }
}
