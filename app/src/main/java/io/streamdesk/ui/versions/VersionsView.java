package io.streamdesk.ui.versions;

import io.streamdesk.model.JobVersion;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.Fxml;
import io.streamdesk.ui.versions.VersionsViewModel.VersionRow;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The versions table of a job (V2); "Open read-only" hands the version to the page to show. */
public final class VersionsView {
    private final VersionsViewModel vm;
    private final Consumer<JobVersion> openHandler;
    private final BorderPane root;

    @FXML private TableView<VersionRow> versionsTable;
    @FXML private TableColumn<VersionRow, Integer> numberColumn;
    @FXML private TableColumn<VersionRow, String> descriptionColumn;
    @FXML private TableColumn<VersionRow, String> createdColumn;
    @FXML private TableColumn<VersionRow, String> authorColumn;
    @FXML private TableColumn<VersionRow, Boolean> runningColumn;
    @FXML private Button openVersionButton;
    @FXML private Label versionsError;

    public VersionsView(VersionsViewModel vm, Consumer<JobVersion> openHandler) {
        this.vm = vm;
        this.openHandler = openHandler;
        this.root = Fxml.load("/fxml/versions/Versions.fxml", this);
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void initialize() {
        numberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
        descriptionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().version().description()));
        // ISO-like text sorts in time order
        createdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.preciseTime(c.getValue().version().createdAt())));
        authorColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().version().author()));
        runningColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().running()));
        runningColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Boolean running, boolean empty) {
                super.updateItem(running, empty);
                boolean on = !empty && Boolean.TRUE.equals(running);
                setText(on ? "Running" : null);
                setGraphic(on ? new FontIcon(Feather.PLAY_CIRCLE) : null);
                getStyleClass().remove("running-marker");
                if (on) {
                    getStyleClass().add("running-marker");
                }
            }
        });
        versionsTable.setItems(vm.rows());
        versionsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versionsTable.setRowFactory(t -> {
            TableRow<VersionRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openHandler.accept(row.getItem().version());
                }
            });
            return row;
        });
        openVersionButton.disableProperty().bind(versionsTable.getSelectionModel().selectedItemProperty().isNull());
        versionsError.textProperty().bind(vm.errorProperty());
    }

    /** Adds "Run this version…" to the table's context menu (J5, V4); the page opens its Run dialog. */
    public void addRunAction(Consumer<JobVersion> runHandler) {
        javafx.scene.control.MenuItem run = new javafx.scene.control.MenuItem("Run this version…", new FontIcon(Feather.PLAY));
        run.setId("runThisVersion");
        run.disableProperty().bind(versionsTable.getSelectionModel().selectedItemProperty().isNull());
        run.setOnAction(e -> {
            VersionRow row = versionsTable.getSelectionModel().getSelectedItem();
            if (row != null) {
                runHandler.accept(row.version());
            }
        });
        if (versionsTable.getContextMenu() == null) {
            versionsTable.setContextMenu(new javafx.scene.control.ContextMenu());
        }
        versionsTable.getContextMenu().getItems().add(run);
    }

    @FXML
    private void onOpen() {
        VersionRow row = versionsTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            openHandler.accept(row.version());
        }
    }

    @FXML
    private void onRefresh() {
        vm.refresh();
    }
}
