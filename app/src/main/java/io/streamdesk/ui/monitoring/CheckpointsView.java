package io.streamdesk.ui.monitoring;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.Fxml;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;

import java.util.function.Function;

/** The Checkpoints tab (C1, C2): the merged history in a table and a manual savepoint. Thin. */
public final class CheckpointsView {
    private final CheckpointsViewModel vm;
    private final BorderPane root;

    @FXML private TextField description;
    @FXML private Button savepointButton;
    @FXML private Button copyButton;
    @FXML private Label message;
    @FXML private Label error;
    @FXML private TableView<CheckpointRecord> table;

    public CheckpointsView(CheckpointsViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load("/fxml/monitoring/Checkpoints.fxml", this);
        root.getStylesheets().add(MonitoringView.class.getResource("/css/monitoring.css").toExternalForm());
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void initialize() {
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No checkpoints yet: they appear while the job runs with checkpointing on, "
                + "and savepoints when you take one or stop with one."));
        table.getColumns().add(column("ID", 60, r -> r.checkpointId() == 0 ? Formats.NONE : Long.toString(r.checkpointId())));
        table.getColumns().add(column("Description", 180, r -> r.description() == null ? "" : r.description()));
        table.getColumns().add(column("Triggered", 150, r -> Formats.time(r.triggeredAt())));
        table.getColumns().add(column("Completed", 150, r -> r.completedAt() == null ? Formats.NONE : Formats.time(r.completedAt())));
        table.getColumns().add(column("Duration", 80, r -> r.duration() == null ? Formats.NONE : r.duration().toMillis() + " ms"));
        table.getColumns().add(column("Size", 90, r -> r.sizeBytes() == null ? Formats.NONE : ValueFormat.bytes(r.sizeBytes())));
        table.getColumns().add(column("Status", 110, vm::statusText));
        table.getColumns().add(column("Source", 100, r -> source(r.source())));
        table.getColumns().add(column("Version", 60, r -> r.version() == 0 ? Formats.NONE : "v" + r.version()));
        table.getColumns().add(column("Location", 360, r -> r.location() == null ? Formats.NONE : r.location()));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(CheckpointRecord item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("cleared-row");
                if (!empty && item != null && !item.restorable()) {
                    getStyleClass().add("cleared-row");
                }
            }
        });
        savepointButton.disableProperty().bind(vm.savepointInFlightProperty().or(description.textProperty().isEmpty()));
        copyButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        message.textProperty().bind(vm.messageProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
    }

    private static TableColumn<CheckpointRecord, String> column(String title, double width,
                                                                 Function<CheckpointRecord, String> value) {
        TableColumn<CheckpointRecord, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static String source(SavepointSource s) {
        return switch (s) {
            case PERIODIC -> "Periodic";
            case MANUAL -> "Manual";
            case ON_STOP -> "On stop";
        };
    }

    @FXML
    void onTrigger() {
        vm.triggerSavepoint(description.getText());
        description.clear();
    }

    @FXML
    void onCopyLocation() {
        CheckpointRecord r = table.getSelectionModel().getSelectedItem();
        if (r != null && r.location() != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(r.location());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
