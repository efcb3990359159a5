package io.streamdesk.ui.clusters;

import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.Fxml;
import io.streamdesk.ui.batch.BatchDialog;
import io.streamdesk.ui.batch.BatchViewModel;
import io.streamdesk.ui.monitoring.BrowserOpener;
import io.streamdesk.ui.task.BackgroundTask;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Clusters pane (R4): a thin view over {@link ClustersViewModel}; the selected cluster's page below the list. */
public final class ClustersView {
    private final ClustersViewModel vm;
    private final BrowserOpener browser;
    private final BorderPane root;
    private boolean syncing;
    private ClusterSummary shown;
    private final KubernetesPage kubernetesPage;
    /** The shown Kubernetes cluster's sources section, updated in place on each poll. */
    private VBox sourcesBox;

    @FXML private TableView<ClusterSummary> clustersTable;
    @FXML private TableColumn<ClusterSummary, String> nameColumn;
    @FXML private TableColumn<ClusterSummary, String> kindColumn;
    @FXML private TableColumn<ClusterSummary, ClusterSummary> stateColumn;
    @FXML private TableColumn<ClusterSummary, String> versionColumn;
    @FXML private TableColumn<ClusterSummary, String> slotsColumn;
    @FXML private TableColumn<ClusterSummary, String> cusColumn;
    @FXML private TableColumn<ClusterSummary, String> jobsColumn;
    @FXML private TableColumn<ClusterSummary, String> createdColumn;
    @FXML private Label emptyLabel;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;
    @FXML private Label clusterCount;
    @FXML private VBox page;
    @FXML private ScrollPane pageScroll;
    @FXML private SplitPane split;

    public ClustersView(ClustersViewModel vm, BrowserOpener browser) {
        this.vm = vm;
        this.browser = browser;
        this.kubernetesPage = new KubernetesPage(vm);
        this.root = Fxml.load("/fxml/clusters/Clusters.fxml", this);
        root.setId("clustersPane");
        // polling only while the pane is in a window (the tab closed: no more REST calls for it)
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                vm.deactivate();
            } else {
                vm.activate();
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void initialize() {
        text(nameColumn, ClusterSummary::name);
        nameColumn.setCellFactory(c -> wrappingCell());
        text(kindColumn, s -> s.kind().label());
        stateColumn.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        stateColumn.setCellFactory(c -> new StateCell());
        stateColumn.setComparator(java.util.Comparator.comparing(s -> s.health().ordinal()));
        text(versionColumn, ClusterSummary::flinkVersionText);
        text(slotsColumn, ClusterSummary::slotsText);
        text(cusColumn, ClusterSummary::cusText);
        text(jobsColumn, ClusterSummary::jobsText);
        text(createdColumn, s -> s.kind() == ClusterKind.LOCAL ? "with the app" : Formats.time(s.definition().createdAt()));
        clustersTable.setItems(vm.rows());
        clustersTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        emptyLabel.setText(ClustersViewModel.EMPTY);
        clusterCount.textProperty().bind(Bindings.createStringBinding(
                () -> vm.rows().size() == 1 ? "1 cluster" : vm.rows().size() + " clusters", vm.rows()));
        bindBanner(errorLabel, vm.errorProperty());
        bindBanner(messageLabel, vm.messageProperty());

        clustersTable.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (!syncing && !vm.replacingRows()) {
                vm.select(s == null ? null : s.id());
            }
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<ClusterSummary>) c -> {
            reselect();
            if (vm.selectedProperty().get() == null) {
                showPage(null); // the hint follows the list: "Select a cluster…" or the empty state
            }
        });
        vm.selectedProperty().addListener((o, a, s) -> {
            reselect();
            showPage(s);
        });
        showPage(null);
    }

    private void reselect() {
        ClusterSummary s = vm.selectedProperty().get();
        syncing = true;
        try {
            if (s == null) {
                clustersTable.getSelectionModel().clearSelection();
            } else {
                for (int i = 0; i < vm.rows().size(); i++) {
                    if (vm.rows().get(i).id().equals(s.id())) {
                        clustersTable.getSelectionModel().select(i);
                        break;
                    }
                }
            }
        } finally {
            syncing = false;
        }
    }

    // ---- the page of one cluster ----

    private void showPage(ClusterSummary s) {
        Instant now = Instant.now();
        if (s != null && s.showsSameAs(shown, ZoneId.systemDefault(), now)) {
            shown = s;
            kubernetesPage.updateSources(s, sourcesBox);
            return;
        }
        sourcesBox = null;
        boolean sameCluster = s != null && shown != null && s.id().equals(shown.id());
        double scroll = pageScroll.getVvalue();
        shown = s;
        page.getChildren().clear();
        if (sameCluster) {
            javafx.application.Platform.runLater(() -> pageScroll.setVvalue(scroll));
        }
        if (s == null) {
            Label hint = new Label(vm.rows().isEmpty() ? ClustersViewModel.EMPTY
                    : "Select a cluster to see its details and actions.");
            hint.getStyleClass().add("empty-state");
            page.getChildren().add(hint);
            return;
        }
        Label title = new Label(s.name());
        title.setId("clusterPageTitle");
        title.getStyleClass().add("job-title");
        title.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        title.setTooltip(new Tooltip(s.name()));
        title.setMaxWidth(Double.MAX_VALUE);

        Button edit = button("Edit\u2026", "clusterEdit", "fth-edit-3", () -> openEditor(s.definition()));
        edit.setDisable(!s.editable());
        Button test = button("Test connectivity\u2026", "clusterTest", "fth-zap", () -> openConnectivity(s));
        Button scale = button("Scale\u2026", "clusterScale", "fth-maximize-2", () -> openScale(s));
        scale.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(() -> s.scaleRefusal() != null)));
        Button remove = button("Remove\u2026", "clusterRemove", "fth-trash-2", () -> confirmRemove(s));
        remove.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(() -> s.removeRefusal() != null)));
        Button migrate = button("Migrate jobs\u2026", "clusterMigrate", "fth-copy", () -> migrate(s));
        migrate.setDisable(s.jobs().isEmpty());
        FlowPane actions = new FlowPane(8, 6, edit, test, scale, remove, migrate);
        boolean kubernetes = s.kind() == ClusterKind.KUBERNETES && s.kubernetes() != null;
        if (kubernetes) {
            scale.setOnAction(e -> kubernetesPage.openScale(s, root.getScene().getWindow()));
            Button suspend = button("Suspend\u2026", "clusterSuspend", "fth-pause",
                    () -> kubernetesPage.confirmSuspend(s, root.getScene().getWindow()));
            Button resume = button("Resume", "clusterResume", "fth-play", () -> vm.resume(s.id()));
            Button delete = button("Delete\u2026", "clusterDelete", "fth-trash",
                    () -> kubernetesPage.confirmDelete(s, root.getScene().getWindow()));
            for (Button b : List.of(suspend, resume, delete)) {
                b.disableProperty().bind(vm.busyProperty());
            }
            remove.setText("Forget\u2026");
            remove.setTooltip(new Tooltip("Remove it from StreamDesk and keep the FlinkDeployment running"));
            actions.getChildren().setAll(edit, test, scale, suspend, resume, delete, remove, migrate);
        }

        GridPane grid = new GridPane();
        grid.setId("clusterDetails");
        grid.setHgap(14);
        grid.setVgap(5);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(150);
        keys.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(keys, values);
        int row = 0;
        row = add(grid, row, "ID", value(s.id(), "clusterIdValue", true));
        row = add(grid, row, "Kind", value(s.kind().label(), null, false));
        Label state = value(s.stateText(ZoneId.systemDefault(), Instant.now()), "clusterStateValue", false);
        state.getStyleClass().add("cluster-" + s.health().name().toLowerCase());
        row = add(grid, row, "State", state);
        if (s.state().detail() != null && !s.state().detail().isBlank()) {
            row = add(grid, row, "Detail", value(s.state().detail(), "clusterStateDetail", false));
        }
        if (kubernetes) {
            row = kubernetesPage.details(grid, row, s, (text, id) -> value(text, id, false), ClustersView::add);
        }
        row = add(grid, row, "Flink version", value(s.flinkVersionText(), null, false));
        row = add(grid, row, "Slots free / total", value(s.slotsText()
                + (s.capacity() == null ? "  (known while the cluster answers)" : ""), "clusterSlotsValue", false));
        row = add(grid, row, "CUs idle / total", value(s.cusText(), null, false));
        if (s.capacity() != null) {
            row = add(grid, row, "Capacity", value(s.capacity().basis(), null, false));
        }
        row = add(grid, row, "Created", value(s.kind() == ClusterKind.LOCAL ? "Starts with the app"
                : Formats.preciseTime(s.definition().createdAt()), null, false));
        row = add(grid, row, "REST URL", value(s.restUrl() == null ? "Known once it has started" : s.restUrl(),
                "clusterRestUrl", true));
        row = add(grid, row, "Dashboard", dashboardLink(s));
        if (!kubernetes) {
            row = add(grid, row, "Authentication", value(s.authText(), null, false));
            row = add(grid, row, "TLS", value(s.tlsText(), null, false));
        }
        row = add(grid, row, "Savepoint directory", value(s.savepointText(), "clusterSavepointValue",
                s.definition().savepointDirectory() != null));
        if (!kubernetes) {
            row = add(grid, row, "DNS settings", value(ClusterSummary.DNS_SETTINGS, null, false));
        }
        Label scaleReason = value(s.scaleRefusal() == null ? (s.kind() == ClusterKind.LOCAL ? ClusterSummary.SCALE_LOCAL
                : kubernetes ? ClusterSummary.SCALE_KUBERNETES : "") : s.scaleRefusal(),
                "clusterScaleReason", false);
        row = add(grid, row, "Scaling", scaleReason);
        if (s.removeRefusal() != null) {
            row = add(grid, row, "Removing", value(s.removeRefusal(), null, false));
        }
        add(grid, row, "Jobs on it", jobsNode(s));

        page.getChildren().addAll(title, actions);
        if (kubernetes) {
            page.getChildren().add(kubernetesPage.settlingLine());
        }
        if (!s.sources().isEmpty()) {
            sourcesBox = kubernetesPage.sources(s);
            page.getChildren().add(sourcesBox);
        }
        page.getChildren().add(grid);
    }

    private Node dashboardLink(ClusterSummary s) {
        String url = s.dashboardUrl();
        if (url == null) {
            return value("Known once it has started", null, false);
        }
        Hyperlink link = new Hyperlink("Open Flink dashboard");
        link.setId("clusterDashboardLink");
        link.setTooltip(new Tooltip(url));
        link.setOnAction(e -> BackgroundTask.wrap(() -> {
                    browser.open(url);
                    return null;
                }).onFailure(ex -> vm.showError("Could not open the browser at " + url + ": " + ex.getMessage()))
                .executeWith(vm.context()));
        return link;
    }

    private Node jobsNode(ClusterSummary s) {
        if (s.jobs().isEmpty()) {
            return value("None", "clusterJobsValue", false);
        }
        int shown = Math.min(s.jobs().size(), 50);
        StringBuilder sb = new StringBuilder(s.jobsText()).append(": ");
        for (int i = 0; i < shown; i++) {
            Job j = s.jobs().get(i);
            sb.append(i == 0 ? "" : ", ").append(j.name()).append(" (").append(j.status().label()).append(')');
        }
        if (shown < s.jobs().size()) {
            sb.append(", and ").append(s.jobs().size() - shown).append(" more");
        }
        return value(sb.toString(), "clusterJobsValue", false);
    }

    private static int add(GridPane grid, int row, String key, Node value) {
        Label k = new Label(key);
        k.getStyleClass().add("muted");
        grid.addRow(row, k, value);
        GridPane.setValignment(k, javafx.geometry.VPos.TOP);
        return row + 1;
    }

    private static Label value(String text, String id, boolean monospace) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        if (id != null) {
            l.setId(id);
        }
        if (monospace) {
            l.getStyleClass().add("monospace");
        }
        return l;
    }

    private static Button button(String text, String id, String icon, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(icon));
        b.setOnAction(e -> action.run());
        return b;
    }

    // ---- actions ----

    @FXML
    private void onAdd() {
        openEditor(null);
    }

    @FXML
    private void onRefresh() {
        vm.refresh();
    }

    /** Opens the add dialog (the File menu, tests). */
    public void add() {
        openEditor(null);
    }

    private void openEditor(ClusterDefinition editing) {
        List<String> others = vm.rows().stream().filter(r -> editing == null || !r.id().equals(editing.id()))
                .map(ClusterSummary::name).toList();
        ClusterEditorViewModel editor = new ClusterEditorViewModel(vm.directory(), editing, others, vm.context());
        new ClusterEditorDialog(editor, root.getScene().getWindow()).showAndSave(d -> {
            vm.showMessage((editing == null ? "Added cluster \u201c" : "Saved cluster \u201c") + d.name() + "\u201d.");
            vm.refreshAndSelect(d.id());
        });
    }

    private void openConnectivity(ClusterSummary s) {
        new ConnectivityDialog(new ConnectivityTestViewModel(vm.directory(), s.id(), s.name(), vm.context()),
                root.getScene().getWindow()).show();
    }

    /** The slots to scale to (min: what running jobs use), then the scale in the background. */
    private void openScale(ClusterSummary s) {
        int min = Math.max(io.streamdesk.service.port.ClusterScaling.MIN_SLOTS, s.slotsInUse());
        int max = io.streamdesk.service.port.ClusterScaling.MAX_SLOTS;
        int current = s.slotsTotal();
        javafx.scene.control.Dialog<Integer> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Scale cluster");
        dialog.setHeaderText("Task slots of \u201c" + s.name() + "\u201d");
        javafx.scene.control.Spinner<Integer> slots = new javafx.scene.control.Spinner<>(min, max,
                Math.min(max, Math.max(min, current < 0 ? 4 : current)));
        slots.setId("clusterScaleSlots");
        slots.setEditable(true);
        Label now = new Label("Now: " + (current < 0 ? "unknown (the cluster does not answer)" : current + " slots, "
                + s.slotsInUse() + " used by running jobs") + ". Allowed " + min + ".." + max + ".");
        Label what = new Label("The cluster restarts with the new count. Running jobs ("
                + s.activeJobs().size() + ") are stopped with savepoints and run again from them.");
        what.setWrapText(true);
        what.setMaxWidth(420);
        VBox content = new VBox(8, now, slots, what);
        dialog.getDialogPane().setContent(content);
        ButtonType scaleButton = new ButtonType("Scale", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(scaleButton, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(scaleButton).setId("clusterScaleConfirm");
        dialog.setResultConverter(b -> {
            if (b != scaleButton) {
                return null;
            }
            try { // a typed count the spinner has not committed yet (clamped to min..max)
                slots.getValueFactory().setValue(Integer.parseInt(slots.getEditor().getText().strip()));
            } catch (NumberFormatException e) {
                // keeps the last valid value
            }
            return slots.getValue();
        });
        dialog.showAndWait().ifPresent(n -> vm.scale(s.id(), n));
    }

    private void confirmRemove(ClusterSummary s) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Remove cluster");
        alert.setHeaderText("Remove \u201c" + s.name() + "\u201d from StreamDesk?");
        String body;
        if (s.jobs().isEmpty()) {
            body = "No jobs are placed on it. The cluster itself keeps running; StreamDesk forgets it and its stored"
                    + " password.";
        } else {
            long running = s.jobs().stream().filter(j -> j.status() == io.streamdesk.model.JobStatus.RUNNING
                    || j.status() == io.streamdesk.model.JobStatus.RESTARTING || j.onlineVersion() != null).count();
            body = s.jobs().size() + (s.jobs().size() == 1 ? " job is" : " jobs are") + " placed on it."
                    + (running == 0 ? "" : " The " + running + " running " + (running == 1 ? "one is" : "ones are")
                    + " stopped with a savepoint first (removing is refused if one cannot be).")
                    + " The jobs stay in StreamDesk but cannot run until they are copied to another cluster"
                    + " (Migrate jobs).";
        }
        Label text = new Label(body);
        text.setWrapText(true);
        VBox content = new VBox(8, text);
        if (!s.jobs().isEmpty()) {
            TextArea list = new TextArea(String.join("\n", s.jobs().stream()
                    .map(j -> j.name() + "  \u2014  " + j.status().label()).toList()));
            list.setId("removeJobList");
            list.setEditable(false);
            list.setPrefRowCount(Math.min(8, s.jobs().size()));
            content.getChildren().add(list);
        }
        content.setPrefWidth(480);
        alert.getDialogPane().setContent(content);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setText("Remove");
        alert.getDialogPane().lookupButton(ButtonType.OK).setId("removeConfirm");
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(s.id(), () -> { }));
    }

    private void migrate(ClusterSummary s) {
        List<ClusterSummary> targets = vm.migrationTargets(s.id());
        if (targets.isEmpty()) {
            vm.showError("There is no other cluster to migrate the jobs of \u201c" + s.name() + "\u201d to: add one first.");
            return;
        }
        if (s.jobs().isEmpty()) {
            return;
        }
        ChoiceDialog<ClusterSummary> choose = new ChoiceDialog<>(targets.get(0), targets);
        choose.initOwner(root.getScene().getWindow());
        choose.setTitle("Migrate jobs");
        choose.setHeaderText("Copy the " + s.jobs().size() + (s.jobs().size() == 1 ? " job" : " jobs") + " of \u201c"
                + s.name() + "\u201d to another cluster");
        choose.setContentText("Target cluster");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<ClusterSummary> box = (javafx.scene.control.ComboBox<ClusterSummary>)
                choose.getDialogPane().lookup(".combo-box");
        if (box != null) {
            box.setId("migrateTarget");
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(ClusterSummary c) {
                    return c == null ? "" : c.name() + " (" + c.kind().label() + ")";
                }

                @Override
                public ClusterSummary fromString(String text) {
                    return null;
                }
            });
        }
        Label rules = new Label("Each job gets a copy on the target, in its own folder, by the copy rules: a"
                + " missing Flink version becomes the target's default, a cluster without fine-grained resources gives"
                + " 1 CU for JobManager and TaskManager, only manual savepoints are shared. The originals stay.");
        rules.setWrapText(true);
        rules.setMaxWidth(460);
        rules.getStyleClass().add("copy-rules");
        choose.getDialogPane().setExpandableContent(rules);
        choose.getDialogPane().setExpanded(true);
        Optional<ClusterSummary> target = choose.showAndWait();
        target.ifPresent(t -> {
            BatchViewModel batch = new BatchViewModel("Migrate jobs to " + t.name(), vm.context());
            BatchDialog dialog = new BatchDialog(batch, root.getScene().getWindow());
            dialog.stage().setOnHidden(e -> vm.refresh());
            dialog.show();
            batch.start(s.jobs(), vm.directory().copyTo(t.id()));
        });
    }

    // ---- cells ----

    private static void bindBanner(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void text(TableColumn<ClusterSummary, String> column, Function<ClusterSummary, String> f) {
        column.setCellValueFactory(c -> new SimpleStringProperty(f.apply(c.getValue())));
    }

    private static TableCell<ClusterSummary, String> wrappingCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        };
    }

    /** "Unreachable — last seen 15:17:20", colored by health; the whole text and the detail in its tooltip. */
    private static final class StateCell extends TableCell<ClusterSummary, ClusterSummary> {
        @Override
        protected void updateItem(ClusterSummary s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeIf(c -> c.startsWith("cluster-"));
            if (empty || s == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String text = s.stateText(ZoneId.systemDefault(), Instant.now());
            setText(text);
            getStyleClass().add("cluster-" + s.health().name().toLowerCase());
            String detail = s.state().detail();
            Tooltip tip = new Tooltip(detail == null || detail.isBlank() ? text : text + "\n\n" + detail);
            tip.setWrapText(true);
            tip.setMaxWidth(480);
            setTooltip(tip);
        }
    }
}
