package io.streamdesk.ui.batch;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The progress and result list of a batch operation: a window of its own, not modal, so the job list stays usable
 * while the batch runs. Cancel skips the jobs not yet started; Close stays disabled until the batch ends.
 */
public final class BatchDialog {
    private final BatchViewModel vm;
    private final Stage stage = new Stage();

    public BatchDialog(BatchViewModel vm, Window owner) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(vm.title());

        Label header = new Label(vm.title());
        header.getStyleClass().add("section-title");
        ProgressBar progress = new ProgressBar();
        progress.setId("batchProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinHeight(8);
        Label summary = new Label();
        summary.setId("batchSummary");
        summary.textProperty().bind(vm.summaryProperty());

        TableView<BatchViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("batchResults");
        table.getColumns().add(column("Job", 170, BatchViewModel.Row::jobName));
        table.getColumns().add(column("ID", 110, r -> r.jobId().value()));
        TableColumn<BatchViewModel.Row, String> state = column("Result", 80, BatchViewModel.Row::state);
        state.setCellFactory(c -> new StateCell());
        table.getColumns().add(state);
        TableColumn<BatchViewModel.Row, String> message = column("Details", 420, BatchViewModel.Row::message);
        message.setCellFactory(c -> new MessageCell());
        table.getColumns().add(message);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button cancel = new Button("Cancel remaining");
        cancel.setId("batchCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setId("batchClose");
        close.setDefaultButton(true);
        close.disableProperty().bind(vm.runningProperty());
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, summary, spacer, cancel, close);

        VBox box = new VBox(8, header, progress, table, buttons);
        box.setPadding(new Insets(12));
        BorderPane root = new BorderPane(box);
        root.getStyleClass().add("batch-dialog");
        Scene scene = new Scene(root, 820, 360);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        // closing the window while the batch runs cancels what is left
        stage.setOnCloseRequest(e -> vm.cancel());
        stage.titleProperty().bind(Bindings.concat(vm.title(), " \u2014 ", vm.summaryProperty()));
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private static TableColumn<BatchViewModel.Row, String> column(String title, double width,
                                                                  java.util.function.Function<BatchViewModel.Row, String> f) {
        TableColumn<BatchViewModel.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(f.apply(cell.getValue())));
        return c;
    }

    private static final class StateCell extends TableCell<BatchViewModel.Row, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("batch-"));
            setText(empty ? null : item);
            if (!empty && item != null) {
                getStyleClass().add("batch-" + item.toLowerCase());
            }
        }
    }

    private static final class MessageCell extends TableCell<BatchViewModel.Row, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
        }
    }
}
