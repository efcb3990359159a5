package io.streamdesk.ui.versions;

import io.streamdesk.model.JobVersion;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.Fxml;
import io.streamdesk.ui.versions.VersionsViewModel.VersionRow;
import io.streamdesk.ui.compare.ComparisonViewModel;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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

/**
 * The versions table of a job (V2, V3): open read-only, compare two versions or one with the draft, delete. The page
 * decides where a version or a comparison opens.
 */
public final class VersionsView {
    public static final KeyCombination COMPARE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination COMPARE_DRAFT = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

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
    @FXML private Button compareButton;
    @FXML private Button compareDraftButton;
    @FXML private Button deleteVersionButton;
    @FXML private MenuItem openMenuItem;
    @FXML private MenuItem compareMenuItem;
    @FXML private MenuItem compareDraftMenuItem;
    @FXML private MenuItem deleteMenuItem;
    private Supplier<String> draftText = () -> "";
    private Consumer<ComparisonViewModel> comparisonHandler = c -> { };
    @FXML private Label versionsError;

    public VersionsView(VersionsViewModel vm, Consumer<JobVersion> openHandler) {
        this.vm = vm;
        this.openHandler = openHandler;
        this.root = Fxml.load("/fxml/versions/Versions.fxml", this);
        // the accelerators of a context menu only work while it shows: handle the keys on the pane too
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public BorderPane root() {
        return root;
    }

    /** Where comparisons open, and where "the draft" comes from (the editor's text, saved or not). */
    public void setComparisonHandler(Supplier<String> currentDraft, Consumer<ComparisonViewModel> handler) {
        this.draftText = currentDraft;
        this.comparisonHandler = handler;
    }

    /** Selects the versions with these numbers (a test or a caller preselecting a pair). */
    public void select(int... numbers) {
        versionsTable.getSelectionModel().clearSelection();
        for (int n : numbers) {
            for (int i = 0; i < versionsTable.getItems().size(); i++) {
                if (versionsTable.getItems().get(i).number() == n) {
                    versionsTable.getSelectionModel().select(i);
                }
            }
        }
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
        versionsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        var selected = versionsTable.getSelectionModel().getSelectedItems();
        var one = Bindings.size(selected).isEqualTo(1);
        var two = Bindings.size(selected).isEqualTo(2);
        openVersionButton.disableProperty().bind(one.not());
        openMenuItem.disableProperty().bind(one.not());
        compareButton.disableProperty().bind(two.not());
        compareMenuItem.disableProperty().bind(two.not());
        compareDraftButton.disableProperty().bind(one.not());
        compareDraftMenuItem.disableProperty().bind(one.not());
        var deletable = Bindings.createBooleanBinding(() -> selected.size() == 1 && vm.canDelete(selected.get(0)),
                selected);
        deleteVersionButton.disableProperty().bind(deletable.not());
        deleteMenuItem.disableProperty().bind(deletable.not());

        versionsError.textProperty().bind(vm.errorProperty());
    }

    /** Adds "Run this version…" to the table's context menu (J5, V4); the page opens its Run dialog. */
    /** Adds "Replace variables…" to the versions' context menu: the version's SQL with the values it froze (M6). */
    public void addVariablesAction(Consumer<JobVersion> handler) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Replace variables…",
                new FontIcon(Feather.HASH));
        item.setId("replaceVariablesOfVersion");
        item.disableProperty().bind(versionsTable.getSelectionModel().selectedItemProperty().isNull());
        item.setOnAction(e -> {
            VersionRow row = versionsTable.getSelectionModel().getSelectedItem();
            if (row != null) {
                handler.accept(row.version());
            }
        });
        if (versionsTable.getContextMenu() == null) {
            versionsTable.setContextMenu(new javafx.scene.control.ContextMenu());
        }
        versionsTable.getContextMenu().getItems().add(item);
    }

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
        List<VersionRow> rows = selectedRows();
        VersionRow row = rows.size() == 1 ? rows.get(0) : null;
        if (row != null) {
            openHandler.accept(row.version());
        }
    }

    private void onKey(KeyEvent e) {
        if (COMPARE_DRAFT.match(e)) {
            e.consume();
            onCompareWithDraft();
        } else if (COMPARE.match(e)) {
            e.consume();
            if (selectedRows().size() == 1) {
                onCompareWithDraft();
            } else {
                onCompare();
            }
        } else if (e.getCode() == KeyCode.DELETE && versionsTable.isFocused()) {
            e.consume();
            onDelete();
        }
    }

    private List<VersionRow> selectedRows() {
        return List.copyOf(versionsTable.getSelectionModel().getSelectedItems());
    }

    @FXML
    void onCompare() {
        List<VersionRow> rows = selectedRows();
        if (rows.size() == 2) {
            comparisonHandler.accept(vm.compareVersions(rows.get(0).number(), rows.get(1).number()));
        }
    }

    @FXML
    void onCompareWithDraft() {
        List<VersionRow> rows = selectedRows();
        if (rows.size() == 1) {
            comparisonHandler.accept(vm.compareWithDraft(rows.get(0).number(), draftText.get()));
        }
    }

    @FXML
    void onDelete() {
        List<VersionRow> rows = selectedRows();
        if (rows.size() != 1 || !vm.canDelete(rows.get(0))) {
            return;
        }
        VersionRow row = rows.get(0);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete version " + row.number() + " (\"" + row.version().description() + "\")? This cannot be undone. "
                        + "Its number will not be used again.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle("Delete version");
        confirm.setHeaderText("Delete v" + row.number() + "?");
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirmDeleteButton");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
        // the safe choice is the default
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(row.number()));
    }

    @FXML
    private void onRefresh() {
        vm.refresh();
    }
}
