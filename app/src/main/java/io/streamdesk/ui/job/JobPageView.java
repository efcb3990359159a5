package io.streamdesk.ui.job;

import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.ui.Fxml;
import io.streamdesk.ui.editor.SqlCodeArea;
import io.streamdesk.service.Services;
import io.streamdesk.ui.editor.SqlEditorView;
import io.streamdesk.ui.jobconfig.VersionRunDialog;
import io.streamdesk.ui.task.UiContext;
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
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One open job: header, warning banner, toolbar, and the tabs the page registry lists ({@link JobTab}), plus the
 * closable tabs it opens itself (a read-only version, a comparison). Shortcuts are caught by a filter on the page so
 * they work wherever the focus is inside it, and only for the job whose tab is showing.
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
    private final List<JobTab> tabs;
    private final Supplier<Services> services;
    private final List<JobTabContent> builtTabs = new ArrayList<>();
    private SqlEditorView editor;
    private java.util.function.Consumer<io.streamdesk.model.Job> onCreateCopy = j -> { };

    @FXML private Label jobName;
    @FXML private Label jobId;
    @FXML private Label jobStatus;
    @FXML private Label onlineVersion;
    @FXML private HBox warningBanner;
    @FXML private Label warningText;
    @FXML private Label warningFix;
    @FXML private javafx.scene.control.Hyperlink warningDetailsLink;
    @FXML private Label finishText;
    @FXML private Label jobSources;
    @FXML private Label operationError;
    @FXML private Button saveButton;
    @FXML private Button checkButton;
    @FXML private Button formatButton;
    @FXML private Button replaceVariablesButton;
    @FXML private Button publishButton;
    @FXML private Button runButton;
    @FXML private Button stopButton;
    @FXML private TabPane jobTabs;

    /**
     * @param tabs     the page's tabs in order (the registry's {@code Pages.jobTabs()})
     * @param services what the tabs' panes read from; null until the data is open
     */
    public JobPageView(JobPageViewModel vm, UiContext ctx, List<JobTab> tabs, Supplier<Services> services) {
        this.vm = vm;
        this.ctx = ctx;
        this.tabs = List.copyOf(tabs);
        this.services = services;
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
        return Bindings.when(vm.editor().dirtyProperty().or(vm.config().dirtyProperty()))
                .then(Bindings.concat(vm.nameProperty(), " •"))
                .otherwise(vm.nameProperty());
    }

    @FXML
    private void initialize() {
        // the page's toolbar, its shortcuts and the shell act on the editor: the page makes it, the registry places it
        editor = new SqlEditorView(vm.editor(), ctx);
        JobTabContext context = new JobTabContext(this, services, ctx);
        for (JobTab tab : tabs) {
            addRegisteredTab(tab, context);
        }

        jobName.textProperty().bind(vm.nameProperty());
        jobId.textProperty().bind(Bindings.createStringBinding(() -> vm.jobId().value()));
        jobStatus.textProperty().bind(vm.statusLabelProperty());
        vm.statusStyleProperty().addListener((o, a, style) -> {
            jobStatus.getStyleClass().removeIf(c -> c.startsWith("status-"));
            if (style != null && !style.isEmpty()) {
                jobStatus.getStyleClass().add(style);
            }
        });
        onlineVersion.textProperty().bind(vm.onlineVersionProperty());
        jobSources.setId("jobSources");
        jobSources.textProperty().bind(vm.sourcesTextProperty());
        jobSources.visibleProperty().bind(vm.sourcesTextProperty().isNotEmpty());
        jobSources.managedProperty().bind(jobSources.visibleProperty());
        jobSources.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("fth-alert-triangle"));
        jobSources.getGraphic().visibleProperty().bind(vm.sourcesDisagreeProperty());
        jobSources.getGraphic().managedProperty().bind(vm.sourcesDisagreeProperty());
        javafx.scene.control.Tooltip sourcesTip = new javafx.scene.control.Tooltip();
        sourcesTip.setWrapText(true);
        sourcesTip.setMaxWidth(520);
        sourcesTip.textProperty().bind(vm.sourcesDetailProperty());
        jobSources.setTooltip(sourcesTip);
        vm.sourcesDisagreeProperty().addListener((o, a, disagree) -> {
            jobSources.getStyleClass().remove("sources-disagree");
            if (disagree) {
                jobSources.getStyleClass().add("sources-disagree");
            }
        });
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

        saveButton.disableProperty().bind(vm.editor().dirtyProperty().or(vm.config().dirtyProperty()).not());
        checkButton.disableProperty().bind(vm.editor().checkingProperty());
        publishButton.disableProperty().bind(vm.operationInFlightProperty()
                .or(vm.statusProperty().isEqualTo(JobStatus.OPERATING)));
        // with the checked Run dialog, Run also works while a version runs: it offers to stop that one first (J5)
        runButton.disableProperty().bind(vm.canRunProperty().or(vm.canStopProperty()).not());
        stopButton.disableProperty().bind(vm.canStopProperty().not());
        // a JAR job has no SQL; an ETL job's SQL is generated from its form: neither is formatted, and a JAR job has
        // no variables to replace (J1)
        javafx.beans.binding.BooleanBinding sqlJob = Bindings.createBooleanBinding(() -> vm.jobProperty().get() == null
                || vm.jobProperty().get().type() == io.streamdesk.model.JobType.SQL, vm.jobProperty());
        javafx.beans.binding.BooleanBinding jarJob = Bindings.createBooleanBinding(() -> vm.jobProperty().get() != null
                && vm.jobProperty().get().type() == io.streamdesk.model.JobType.JAR, vm.jobProperty());
        formatButton.visibleProperty().bind(sqlJob);
        formatButton.managedProperty().bind(sqlJob);
        replaceVariablesButton.visibleProperty().bind(jarJob.not());
        replaceVariablesButton.managedProperty().bind(jarJob.not());
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

    private void addRegisteredTab(JobTab spec, JobTabContext context) {
        Tab tab = new Tab(spec.title());
        tab.setId(spec.id());
        tab.setClosable(false);
        if (spec.icon() != null) {
            tab.setGraphic(new FontIcon(spec.icon()));
        }
        JobTabContent[] content = new JobTabContent[1];
        Runnable build = () -> {
            content[0] = Objects.requireNonNull(spec.factory().apply(context), spec.id());
            tab.setContent(content[0].node());
            builtTabs.add(content[0]);
        };
        if (spec.build() == JobTab.Build.WITH_PAGE) {
            build.run();
        }
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && content[0] == null) {
                build.run();
            }
            if (content[0] != null) {
                if (selected) {
                    content[0].onShown().run();
                } else {
                    content[0].onHidden().run();
                }
            }
        });
        jobTabs.getTabs().add(tab);
    }

    /** Brings the tab that shows {@code content} to the front. */
    private void selectTabShowing(javafx.scene.Node content) {
        for (Tab t : jobTabs.getTabs()) {
            for (javafx.scene.Node n = content; n != null; n = n.getParent()) {
                if (t.getContent() == n) { // the tab shows it, possibly inside a holder (the Editor tab by job type)
                    jobTabs.getSelectionModel().select(t);
                    return;
                }
            }
        }
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
        if (vm.form() != null) {
            return; // a JAR or ETL job's text is made from its form: nothing to format
        }
        selectTabShowing(editor.root());
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
        vm.config().save();
        if (vm.form() != null) {
            vm.form().save();
        }
    }

    /** "Replace variables" (M6) for the draft as typed: the current values, secrets masked. */
    @FXML
    void onReplaceVariables() {
        Services current = services == null ? null : services.get();
        if (current == null) {
            return;
        }
        String sql = vm.editor().currentText();
        new io.streamdesk.ui.variables.ReplaceVariablesDialog(new io.streamdesk.ui.variables.ReplaceVariablesViewModel(
                "the draft", () -> current.variables().preview(sql), ctx), root.getScene().getWindow()).show();
    }

    /** "Replace variables" (M6) for a published version: the values it froze, which it runs with. */
    public void openVariablesPreview(JobVersion version) {
        Services current = services == null ? null : services.get();
        if (current == null) {
            return;
        }
        new io.streamdesk.ui.variables.ReplaceVariablesDialog(new io.streamdesk.ui.variables.ReplaceVariablesViewModel(
                "version " + version.number(), () -> current.variables().preview(version), ctx),
                root.getScene().getWindow()).show();
    }

    @FXML
    void onCheck() {
        if (vm.form() != null) {
            jobTabs.getSelectionModel().select(0);
            vm.form().check();
            return;
        }
        selectTabShowing(editor.root());
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
        if (!runButton.isDisabled()) {
            openRunDialog(null);
        }
    }

    @FXML
    void onStop() {
        if (!stopButton.isDisabled()) {
            StopDialog.ask(root.getScene().getWindow()).ifPresent(vm::stop);
        }
    }

    /** The checked Run dialog (J5): also offered while a version runs, to stop it first and run the chosen one. */
    public void openRunDialog(Integer version) {
        if (vm.operationInFlightProperty().get()) {
            return;
        }
        new VersionRunDialog(vm.newRunDialog(version), root.getScene().getWindow()).showAndRun();
    }

    /** Stops what the tabs' panes do in the background (the page is closing). */
    public void closeTabs() {
        builtTabs.forEach(t -> t.onClose().run());
    }

    /** A published version's SQL as a closable, read-only tab of the page (one per version). */
    public void openReadOnly(JobVersion v) {
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
    public void openComparison(io.streamdesk.ui.compare.ComparisonViewModel comparison) {
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
}
