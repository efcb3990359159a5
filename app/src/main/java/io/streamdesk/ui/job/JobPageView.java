package io.streamdesk.ui.job;

import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.ui.Fxml;
import io.streamdesk.ui.editor.SqlCodeArea;
import io.streamdesk.ui.editor.SqlEditorView;
import io.streamdesk.ui.jobconfig.JobConfigView;
import io.streamdesk.ui.jobconfig.VersionRunDialog;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.versions.VersionsView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * One open job: header, warning banner, toolbar, and the Editor / Versions tabs. Shortcuts are caught by a filter on
 * the page so they work wherever the focus is inside it, and only for the job whose tab is showing.
 */
public final class JobPageView {
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CHECK = new KeyCodeCombination(KeyCode.F9);
    static final KeyCombination PUBLISH = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RUN_F5 = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination STOP = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final JobPageViewModel vm;
    private final UiContext ctx;
    private final BorderPane root;
    private SqlEditorView editor;
    private java.util.function.Consumer<io.streamdesk.model.Job> onCreateCopy = j -> { };
    private Tab configTab;

    @FXML private Label jobName;
    @FXML private Label jobId;
    @FXML private Label jobStatus;
    @FXML private Label onlineVersion;
    @FXML private HBox warningBanner;
    @FXML private Label warningText;
    @FXML private Label warningFix;
    @FXML private javafx.scene.control.Hyperlink warningDetailsLink;
    @FXML private Label finishText;
    @FXML private Label operationError;
    @FXML private Button saveButton;
    @FXML private Button checkButton;
    @FXML private Button publishButton;
    @FXML private Button runButton;
    @FXML private Button stopButton;
    @FXML private TabPane jobTabs;
    @FXML private Tab editorTab;
    @FXML private Tab versionsTab;

    public JobPageView(JobPageViewModel vm, UiContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        this.root = Fxml.load("/fxml/job/JobPage.fxml", this);
        // a filter, so the editor cannot swallow the page's shortcuts
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public BorderPane root() {
        return root;
    }

    public JobPageViewModel viewModel() {
        return vm;
    }

    public SqlEditorView editor() {
        return editor;
    }

    /** The tab title: the job's name with "•" while typed text is not committed (E4). */
    public StringExpression tabTitle() {
        if (vm.config() != null) {
            return Bindings.when(vm.editor().dirtyProperty().or(vm.config().dirtyProperty()))
                    .then(Bindings.concat(vm.nameProperty(), " •"))
                    .otherwise(vm.nameProperty());
        }
        return Bindings.when(vm.editor().dirtyProperty())
                .then(Bindings.concat(vm.nameProperty(), " •"))
                .otherwise(vm.nameProperty());
    }

    @FXML
    private void initialize() {
        editor = new SqlEditorView(vm.editor(), ctx);
        editorTab.setContent(editor.root());
        VersionsView versionsView = new VersionsView(vm.versions(), this::openReadOnly);
        versionsView.setComparisonHandler(() -> vm.editor().currentText(), this::openComparison);
        versionsTab.setContent(versionsView.root());
        if (vm.config() != null) {
            configTab = new Tab("Configuration", new JobConfigView(vm.config()).root());
            configTab.setId("configTab");
            configTab.setClosable(false);
            jobTabs.getTabs().add(1, configTab);
            versionsView.addRunAction(v -> openRunDialog(v.number()));
        }

        jobName.textProperty().bind(vm.nameProperty());
        jobId.textProperty().bind(Bindings.createStringBinding(() -> vm.jobId().value()));
        jobStatus.textProperty().bind(vm.statusLabelProperty());
        vm.statusProperty().addListener((o, a, s) -> {
            jobStatus.getStyleClass().removeIf(c -> c.startsWith("status-"));
            if (s != null) {
                jobStatus.getStyleClass().add("status-" + s.name().toLowerCase());
            }
        });
        onlineVersion.textProperty().bind(vm.onlineVersionProperty());
        warningText.textProperty().bind(vm.warningTextProperty());
        warningFix.textProperty().bind(Bindings.when(vm.warningFixProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Suggested fix: ", vm.warningFixProperty())));
        warningDetailsLink.visibleProperty().bind(vm.warningDetailsProperty().isNotEmpty());
        warningDetailsLink.managedProperty().bind(warningDetailsLink.visibleProperty());
        finishText.textProperty().bind(vm.finishTextProperty());
        finishText.setId("finishText");
        warningBanner.visibleProperty().bind(vm.warningTextProperty().isNotEmpty());
        warningBanner.managedProperty().bind(warningBanner.visibleProperty());
        operationError.textProperty().bind(vm.operationErrorProperty());

        saveButton.disableProperty().bind(vm.config() == null ? vm.editor().dirtyProperty().not()
                : vm.editor().dirtyProperty().or(vm.config().dirtyProperty()).not());
        checkButton.disableProperty().bind(vm.editor().checkingProperty());
        publishButton.disableProperty().bind(vm.operationInFlightProperty()
                .or(vm.statusProperty().isEqualTo(JobStatus.OPERATING)));
        // with the checked Run dialog, Run also works while a version runs: it offers to stop that one first (J5)
        runButton.disableProperty().bind(vm.config() == null ? vm.canRunProperty().not()
                : vm.canRunProperty().or(vm.canStopProperty()).not());
        stopButton.disableProperty().bind(vm.canStopProperty().not());
    }

    /**
     * Runs the page's shortcut for {@code e}, if it has one, and consumes it. The shell calls it for key presses
     * outside the page (focus still on the job list after opening a job), so shortcuts never depend on focus.
     */
    public void handleShortcut(KeyEvent e) {
        onKey(e);
    }

    private void onKey(KeyEvent e) {
        Runnable action = null;
        if (STOP.match(e)) {
            action = this::onStop;
        } else if (SAVE.match(e)) {
            action = this::onSave;
        } else if (CHECK.match(e)) {
            action = this::onCheck;
        } else if (PUBLISH.match(e)) {
            action = this::onPublish;
        } else if (RUN.match(e) || RUN_F5.match(e)) {
            action = this::onRun;
        }
        if (action != null) {
            e.consume();
            action.run();
        }
    }

    /** What Create copy does (the shell opens the copy dialog of the job list). */
    public void setOnCreateCopy(java.util.function.Consumer<io.streamdesk.model.Job> handler) {
        this.onCreateCopy = handler;
    }

    /** The warning's whole chain of causes in a dialog with selectable text. */
    @FXML
    void onWarningDetails() {
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(vm.warningDetailsProperty().get());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(760, 360);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.setTitle("Why the run failed");
        alert.setHeaderText(vm.warningTextProperty().get());
        alert.getDialogPane().setContent(text);
        alert.setResizable(true);
        if (root().getScene() != null) {
            alert.initOwner(root().getScene().getWindow());
        }
        alert.show();
    }

    @FXML
    void onFormat() {
        jobTabs.getSelectionModel().select(editorTab);
        editor.format();
    }

    @FXML
    void onCopy() {
        io.streamdesk.model.Job current = vm.jobProperty().get();
        if (current != null) {
            vm.editor().save(); // the copy takes the saved draft: commit what was just typed first
            onCreateCopy.accept(current);
        }
    }

    @FXML
    void onSave() {
        vm.editor().save();
        if (vm.config() != null) {
            vm.config().save();
        }
    }

    @FXML
    void onCheck() {
        jobTabs.getSelectionModel().select(editorTab);
        vm.editor().check();
    }

    @FXML
    void onPublish() {
        if (!publishButton.isDisabled()) {
            new PublishDialog(vm.newPublishDialog(), root.getScene().getWindow())
                    .showAndPublish(v -> vm.versions().refresh());
        }
    }

    @FXML
    void onRun() {
        if (!runButton.isDisabled() && vm.config() != null) {
            openRunDialog(null);
        } else if (!runButton.isDisabled()) {
            vm.loadRunOptions(options -> new RunDialog(options, root.getScene().getWindow())
                    .showAndWait().ifPresent(r -> vm.run(r.version(), r.restore())));
        }
    }

    @FXML
    void onStop() {
        if (!stopButton.isDisabled()) {
            StopDialog.ask(root.getScene().getWindow()).ifPresent(vm::stop);
        }
    }

    /** The checked Run dialog (J5): also offered while a version runs, to stop it first and run the chosen one. */
    void openRunDialog(Integer version) {
        if (vm.operationInFlightProperty().get()) {
            return;
        }
        new VersionRunDialog(vm.newRunDialog(version), root.getScene().getWindow()).showAndRun();
    }

    // ---- monitoring (MO2, C1): tabs added by the shell, polling only while their tab is showing ----

    private Runnable closeMonitoring = () -> { };

    /** Adds the Monitoring and Checkpoints tabs; each polls only while selected. */
    public void addMonitoring(io.streamdesk.ui.monitoring.MonitoringViewModel monitoring,
                              io.streamdesk.ui.monitoring.CheckpointsViewModel checkpoints) {
        Tab monitoringTab = new Tab("Monitoring", new io.streamdesk.ui.monitoring.MonitoringView(monitoring,
                io.streamdesk.ui.monitoring.BrowserOpener.system()).root());
        monitoringTab.setId("monitoringTab");
        monitoringTab.setClosable(false);
        Tab checkpointsTab = new Tab("Checkpoints", new io.streamdesk.ui.monitoring.CheckpointsView(checkpoints).root());
        checkpointsTab.setId("checkpointsTab");
        checkpointsTab.setClosable(false);
        jobTabs.getTabs().addAll(monitoringTab, checkpointsTab);
        monitoringTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                monitoring.activate();
            } else {
                monitoring.deactivate();
            }
        });
        checkpointsTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                checkpoints.activate();
            } else {
                checkpoints.deactivate();
            }
        });
        closeMonitoring = () -> {
            monitoring.deactivate();
            checkpoints.deactivate();
        };
    }

    /** Stops the monitoring tabs' polling (the page is closing). */
    public void closeMonitoring() {
        closeMonitoring.run();
    }

    private void openReadOnly(JobVersion v) {
        String title = "v" + v.number() + " (read-only)";
        for (Tab t : jobTabs.getTabs()) {
            if (title.equals(t.getText())) {
                jobTabs.getSelectionModel().select(t);
                return;
            }
        }
        SqlCodeArea area = new SqlCodeArea();
        area.setId("versionSql");
        area.replaceAllText(v.sql());
        area.setEditable(false);
        Label header = new Label("Version " + v.number() + " — " + v.description() + " (by " + v.author() + ")");
        header.getStyleClass().add("version-header");
        BorderPane content = new BorderPane(new VirtualizedScrollPane<>(area));
        content.setTop(header);
        Tab tab = new Tab(title, content);
        tab.setClosable(true);
        jobTabs.getTabs().add(tab);
        jobTabs.getSelectionModel().select(tab);
    }

    /** A comparison opens as a closable tab of the page, one per pair (V3). */
    private void openComparison(io.streamdesk.ui.compare.ComparisonViewModel comparison) {
        for (Tab t : jobTabs.getTabs()) {
            if (comparison.title().equals(t.getText())) {
                jobTabs.getTabs().remove(t);
                break;
            }
        }
        io.streamdesk.ui.compare.ComparisonView view = new io.streamdesk.ui.compare.ComparisonView(comparison, ctx);
        Tab tab = new Tab(comparison.title(), view.root());
        tab.setId("comparisonTab");
        tab.setClosable(true);
        jobTabs.getTabs().add(tab);
        jobTabs.getSelectionModel().select(tab);
        view.focus();
        view.load();
    }

    /** Adds a tab after the page's own (Timeline, Logs of the events issue). */
    public void addTab(Tab tab) {
        jobTabs.getTabs().add(tab);
    }
}
