package io.streamdesk.ui.dependencies;

import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.ui.Formats;
import java.io.File;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Dependencies pane (DP1-DP3), a thin view over {@link DependenciesViewModel}: the list above, the selected
 * dependency's page below (versions, Remove, the jobs that reference it, a configuration file's content).
 */
public final class DependenciesView {
    private final DependenciesViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<Dependency> table = new TableView<>();
    private final TableView<DependencyVersion> versionsTable = new TableView<>();
    private final VBox page = new VBox(10);
    private final VBox details = new VBox(10);
    private final Label pageHint = new Label(DependenciesViewModel.SELECT_HINT);
    private final Label pageTitle = new Label();
    private final Label pageKind = new Label();
    private final UploadChooser chooser;
    private boolean syncing;

    /** What to upload: a file and its version's description, or empty when the user cancelled. */
    public record Upload(java.nio.file.Path file, String description) {
    }

    /** Asks the user what to upload (a file chooser and a description by default; a fixed file in a test). */
    @FunctionalInterface
    public interface UploadChooser {
        Optional<Upload> choose(DependenciesView view);
    }

    public DependenciesView(DependenciesViewModel vm) {
        this(vm, DependenciesView::chooseWithDialogs);
    }

    public DependenciesView(DependenciesViewModel vm, UploadChooser chooser) {
        this.vm = vm;
        this.chooser = chooser;
        root.setId("dependenciesPane");
        root.getStyleClass().add("dependencies");
        root.setTop(top());
        SplitPane split = new SplitPane(listTable(), pageScroll());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        root.setCenter(split);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.refresh();
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    private VBox top() {
        Label title = new Label("Dependencies");
        title.getStyleClass().add("pane-title");
        Button upload = new Button("Upload\u2026", new FontIcon("fth-upload"));
        upload.setId("uploadDependency");
        upload.getStyleClass().add("accent");
        upload.setTooltip(new Tooltip("Upload a JAR (at most 50 MB) or a configuration file (at most 2 MB); the same "
                + "file name again makes its next version"));
        upload.disableProperty().bind(vm.busyProperty());
        upload.setOnAction(e -> chooseAndUpload());
        Button refresh = new Button("Refresh", new FontIcon("fth-refresh-cw"));
        refresh.setOnAction(e -> vm.refresh());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(vm::countText, vm.rows()));
        ToolBar bar = new ToolBar(title, upload, refresh, spacer, count);
        bar.getStyleClass().add("pane-toolbar");

        ProgressBar progress = new ProgressBar();
        progress.setId("dependencyProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label error = banner("dependencyError", vm.errorProperty(), "inline-error");
        Label message = banner("dependencyMessage", vm.messageProperty(), "muted");
        return new VBox(bar, progress, error, message);
    }

    private static Label banner(String id, ObservableStringValue text, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll(style, "cluster-banner");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setPadding(new Insets(4, 10, 4, 10));
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private TableView<Dependency> listTable() {
        table.setId("dependenciesTable");
        table.getColumns().add(column("Name", 260, Dependency::name));
        table.getColumns().add(column("Kind", 140, d -> d.kind().label()));
        table.getColumns().add(column("Latest", 70, d -> "@" + d.latest().version()
                + (d.versionCount() > 1 ? " (" + d.versionCount() + " kept)" : "")));
        table.getColumns().add(column("Size", 90, d -> DependencyKind.formatSize(d.latest().size())));
        table.getColumns().add(column("SHA-256", 130, d -> d.latest().shortSha256()));
        table.getColumns().add(column("Updated", 140, d -> Formats.time(d.updatedAt())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(vm.rows());
        Label empty = new Label(DependenciesViewModel.EMPTY);
        empty.setId("dependenciesEmpty");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.setMaxWidth(640);
        empty.setPadding(new javafx.geometry.Insets(0, 24, 0, 24));
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (!syncing && !vm.replacingRows()) {
                vm.select(d == null ? null : d.name());
            }
        });
        vm.rows().addListener((ListChangeListener<Dependency>) c -> reselect());
        vm.selectedProperty().addListener((o, a, d) -> {
            reselect();
            showPage(d);
        });
        return table;
    }

    private void reselect() {
        Dependency d = vm.selectedProperty().get();
        syncing = true;
        try {
            if (d == null) {
                table.getSelectionModel().clearSelection();
            } else {
                for (int i = 0; i < vm.rows().size(); i++) {
                    if (vm.rows().get(i).name().equals(d.name())) {
                        table.getSelectionModel().select(i);
                        break;
                    }
                }
            }
        } finally {
            syncing = false;
        }
    }

    private ScrollPane pageScroll() {
        page.setPadding(new Insets(12));
        page.setId("dependencyPage");
        pageHint.getStyleClass().add("muted");
        pageHint.setWrapText(true);
        pageTitle.getStyleClass().add("section-title");
        pageTitle.setId("dependencyTitle");
        pageKind.getStyleClass().add("muted");

        Button uploadVersion = new Button("Upload new version\u2026", new FontIcon("fth-upload"));
        uploadVersion.setId("uploadDependencyVersion");
        uploadVersion.disableProperty().bind(vm.busyProperty());
        uploadVersion.setOnAction(e -> chooseAndUpload());
        Button removeAll = new Button("Remove dependency", new FontIcon("fth-trash-2"));
        removeAll.setId("removeDependency");
        removeAll.disableProperty().bind(vm.busyProperty());
        removeAll.setOnAction(e -> {
            Dependency d = vm.selectedProperty().get();
            if (d != null && confirm("Remove " + d.name() + " and all its " + d.versionCount() + " version(s)?")) {
                vm.removeSelected();
            }
        });

        versionsTable.setId("dependencyVersionsTable");
        versionsTable.getColumns().add(versionColumn("Version", 70, v -> "@" + v.version()));
        versionsTable.getColumns().add(versionColumn("Description", 220, v -> v.description().isEmpty() ? "\u2014"
                : v.description()));
        versionsTable.getColumns().add(versionColumn("SHA-256", 300, DependencyVersion::sha256));
        versionsTable.getColumns().add(versionColumn("Size", 90, v -> DependencyKind.formatSize(v.size())));
        versionsTable.getColumns().add(versionColumn("Created", 140, v -> Formats.time(v.createdAt())));
        versionsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versionsTable.setItems(vm.versions());
        fitRows(versionsTable.fixedCellSizeProperty(), versionsTable.prefHeightProperty(), vm.versions(), 1, 8);
        Button view = new Button("View content", new FontIcon("fth-file-text"));
        view.setId("viewDependencyContent");
        view.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            DependencyVersion v = versionsTable.getSelectionModel().getSelectedItem();
            return v == null || v.kind() != DependencyKind.CONFIG_FILE;
        }, versionsTable.getSelectionModel().selectedItemProperty()));
        view.setOnAction(e -> vm.showContent(versionsTable.getSelectionModel().getSelectedItem()));
        Button removeVersion = new Button("Remove version", new FontIcon("fth-trash"));
        removeVersion.setId("removeDependencyVersion");
        removeVersion.disableProperty().bind(versionsTable.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        removeVersion.setOnAction(e -> {
            DependencyVersion v = versionsTable.getSelectionModel().getSelectedItem();
            if (v != null && confirm("Remove " + v.label() + "?")) {
                vm.removeVersion(v);
            }
        });

        Label usedTitle = new Label("Used by");
        usedTitle.getStyleClass().add("section-title");
        ListView<DependencyUse> usedBy = new ListView<>(vm.uses());
        usedBy.setId("dependencyUses");
        fitRows(usedBy.fixedCellSizeProperty(), usedBy.prefHeightProperty(), vm.uses(), 0, 8);
        Label unused = new Label("No job uses it: no draft or published version references any of its versions.");
        unused.getStyleClass().add("empty-state");
        unused.setWrapText(true);
        usedBy.setPlaceholder(unused);
        usedBy.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DependencyUse u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : "@" + u.dependencyVersion() + "  \u2190  " + u.describe());
            }
        });

        Label contentTitle = new Label();
        contentTitle.getStyleClass().add("section-title");
        contentTitle.textProperty().bind(Bindings.concat("Content of ", vm.contentTitleProperty()));
        TextArea content = new TextArea();
        content.setId("dependencyContent");
        content.setEditable(false);
        content.setPrefRowCount(12);
        content.getStyleClass().add("monospace");
        content.textProperty().bind(vm.contentProperty());
        VBox contentBox = new VBox(6, contentTitle, content);
        contentBox.visibleProperty().bind(Bindings.isNotEmpty(vm.contentTitleProperty()));
        contentBox.managedProperty().bind(contentBox.visibleProperty());

        Label versionsTitle = new Label("Versions");
        versionsTitle.getStyleClass().add("section-title");
        details.getChildren().addAll(new HBox(10, pageTitle, pageKind), new HBox(8, uploadVersion, removeAll),
                versionsTitle, versionsTable, new HBox(8, view, removeVersion), usedTitle, usedBy, contentBox);
        showPage(null);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        // View content: the text is at the page's end, bring it into view
        vm.contentTitleProperty().addListener((o, a, title) -> {
            if (!title.isEmpty()) {
                javafx.application.Platform.runLater(() -> {
                    scroll.layout();
                    scroll.setVvalue(scroll.getVmax());
                });
            }
        });
        return scroll;
    }

    private void showPage(Dependency d) {
        if (d == null) {
            page.getChildren().setAll(pageHint);
            // with no dependencies the table's placeholder says what to do: the page below does not repeat it
            pageHint.setText(vm.rows().isEmpty() ? "" : DependenciesViewModel.SELECT_HINT);
            return;
        }
        pageTitle.setText(d.name());
        pageKind.setText(d.kind().label() + " \u00b7 " + d.versionCount() + (d.versionCount() == 1 ? " version"
                : " versions") + " \u00b7 since " + Formats.time(d.createdAt()));
        page.getChildren().setAll(details);
    }

    private void chooseAndUpload() {
        chooser.choose(this).ifPresent(u -> vm.upload(u.file(), u.description()));
    }

    /** A file chooser, then the description of the version in a small dialog. */
    private static Optional<Upload> chooseWithDialogs(DependenciesView view) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Upload a dependency");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("JARs and configuration files", "*.*"),
                new FileChooser.ExtensionFilter("JAR packages (at most 50 MB)", "*.jar"));
        javafx.stage.Window owner = view.root.getScene() == null ? null : view.root.getScene().getWindow();
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        TextInputDialog describe = new TextInputDialog();
        describe.setTitle("Upload " + file.getName());
        describe.setHeaderText(view.vm.rows().stream().anyMatch(d -> d.name().equals(file.getName()))
                ? file.getName() + " exists: this upload becomes its next version."
                : file.getName() + " becomes a new dependency (version 1).");
        describe.setContentText("What this version is (optional):");
        if (owner != null) {
            describe.initOwner(owner);
        }
        return describe.showAndWait().map(text -> new Upload(file.toPath(), text));
    }

    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(null);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** A list as high as its rows (at least 2, at most {@code max}), {@code extra} rows for a header. */
    private static void fitRows(javafx.beans.property.DoubleProperty cellSize, javafx.beans.property.DoubleProperty height,
                                javafx.collections.ObservableList<?> items, int extra, int max) {
        double row = 34;
        cellSize.set(row);
        height.bind(Bindings.createDoubleBinding(() -> Math.max(2, Math.min(max, items.size())) * row + extra * 44 + 4,
                items));
    }

    private static TableColumn<Dependency, String> column(String title, double width, Function<Dependency, String> f) {
        TableColumn<Dependency, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new SimpleStringProperty(f.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<DependencyVersion, String> versionColumn(String title, double width,
                                                                        Function<DependencyVersion, String> f) {
        TableColumn<DependencyVersion, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new SimpleStringProperty(f.apply(cell.getValue())));
        return c;
    }
}
