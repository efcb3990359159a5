package io.streamdesk.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.streamdesk.service.Services;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.JobId;
import io.streamdesk.service.JobService;
import io.streamdesk.ui.alarms.AlarmDesktopNotifications;
import io.streamdesk.ui.job.JobPageView;
import io.streamdesk.ui.job.JobPageViewModel;
import io.streamdesk.ui.jobs.JobListView;
import io.streamdesk.ui.jobs.JobListViewModel;
import io.streamdesk.ui.task.UiContext;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: navigation (only panes that work), the tabbed work area (Jobs plus one tab per open
 * job), the "Opening data…" overlay until the services are ready, and the status bar.
 */
public final class ShellView {
    private final ShellViewModel vm;
    private final UiContext ctx;
    private final WindowStateStore windowState;
    private final BorderPane root;
    private final JobListViewModel jobList;
    private JobListView jobListView;
    private final java.util.Map<JobId, JobPageViewModel> openPages = new java.util.LinkedHashMap<>();
    private final java.util.Map<Tab, JobPageView> pageViews = new java.util.HashMap<>();
    private final java.util.Map<Page, ToggleButton> navigationEntries = new java.util.LinkedHashMap<>();
    private final PageContext pageContext;
    /** A job opened from the list before the services were ready; opened when they are. */
    private JobId openWhenReady;

    private final ShellLayout layout = new ShellLayout();
    private final TabPane mainTabs = layout.mainTabs;

    public ShellView(ShellViewModel vm, UiContext ctx, WindowStateStore windowState) {
        this.vm = vm;
        this.ctx = ctx;
        this.windowState = windowState;
        this.jobList = new JobListViewModel(ctx);
        this.root = layout.root;
        this.pageContext = new PageContext(() -> vm.servicesProperty().get(), ctx, this::openJob, this::jobListView);
        initialize();
    }

    public BorderPane root() {
        return root;
    }

    /** A scene with the app's stylesheets. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(
                ShellView.class.getResource("/css/streamdesk.css").toExternalForm(),
                ShellView.class.getResource("/css/editor.css").toExternalForm());
        // job shortcuts (F9, Ctrl+S, Ctrl+R ...) reach the selected job page wherever the focus is; the page's own
        // filter handles presses inside it
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Tab selected = mainTabs.getSelectionModel().getSelectedItem();
            JobPageView page = selected == null ? null : pageViews.get(selected);
            javafx.scene.Node focus = scene.getFocusOwner();
            if (page != null && (focus == null || !isInside(focus, page.root()))) {
                page.handleShortcut(e);
            }
        });
        return scene;
    }

    private void initialize() {
        for (Page page : Pages.navigation()) {
            ToggleButton entry = layout.addNavigationEntry(page.entryId(), page.title());
            // an action, not only a selection change: an entry stays selected while a job tab is in front
            entry.setOnAction(e -> {
                entry.setSelected(true);
                showPage(page);
            });
            navigationEntries.put(page, entry);
            if (!page.closable()) {
                mainTabs.getTabs().add(newPageTab(page)); // there from the first frame, filled once the data is open
            }
        }
        layout.newJobMenuItem.setOnAction(e -> onNewJob());
        layout.quitMenuItem.setOnAction(e -> onQuit());
        layout.clusterActionButton.setOnAction(e -> onClusterAction());

        layout.shortcutsMenuItem.setOnAction(e -> onShortcuts());
        jobList.setOnOpen(this::openJob);

        Label openingDataLabel = layout.openingDataLabel;
        openingDataLabel.textProperty().bind(vm.startupMessageProperty());
        // the job list read before the services lifts the cover at once; a failure to open shows on the cover again
        var covered = vm.servicesProperty().isNull()
                .and(vm.startupJobsProperty().isNull().or(vm.startupFailedProperty()));
        layout.openingData.visibleProperty().bind(covered);
        mainTabs.disableProperty().bind(covered);

        Label problems = layout.problemsLabel;
        problems.textProperty().bind(vm.backgroundProblemProperty());
        problems.visibleProperty().bind(vm.backgroundProblemProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        Tooltip problemTip = new Tooltip();
        problemTip.textProperty().bind(vm.backgroundProblemDetailProperty());
        problems.setTooltip(problemTip);
        Label clusterStatus = layout.clusterStatus;
        Button clusterActionButton = layout.clusterActionButton;

        clusterStatus.setId("clusterStatus");
        clusterStatus.textProperty().bind(vm.clusterTextProperty());
        Tooltip clusterTip = new Tooltip();
        clusterTip.textProperty().bind(vm.clusterDetailProperty());
        clusterStatus.tooltipProperty().bind(Bindings.when(vm.clusterDetailProperty().isEmpty())
                .then((Tooltip) null).otherwise(clusterTip));
        vm.clusterHealthProperty().addListener((o, a, h) -> styleCluster(h));
        styleCluster(vm.clusterHealthProperty().get());
        clusterActionButton.textProperty().bind(vm.clusterActionProperty());
        clusterActionButton.visibleProperty().bind(vm.clusterActionProperty().isNotEmpty()
                .and(vm.servicesProperty().isNotNull()));
        clusterActionButton.managedProperty().bind(clusterActionButton.visibleProperty());

        var running = ctx.backgroundWork().runningProperty();
        // the data opening shows as background work too, next to the "Opening data…" text
        var opening = vm.servicesProperty().isNull().and(vm.startupFailedProperty().not());
        layout.backgroundProgress.visibleProperty().bind(running.greaterThan(0).or(opening));
        layout.backgroundLabel.textProperty().bind(Bindings.createStringBinding(() -> running.get() == 0 ? "" : ctx.backgroundWork().lastTitleProperty().get() + (running.get() > 1 ? " (+" + (running.get() - 1) + " more)" : "")
                + "…", running, ctx.backgroundWork().lastTitleProperty()));

        layout.darkThemeMenuItem.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        layout.resumeJobsMenuItem.selectedProperty().bindBidirectional(vm.resumeJobsAfterRestartProperty());
        vm.darkThemeProperty().addListener((o, a, dark) -> {
            applyTheme(dark);
            windowState.saveDarkTheme(dark);
        });
        applyTheme(vm.darkThemeProperty().get());

        vm.startupJobsProperty().addListener((o, a, jobs) -> {
            if (jobs != null && vm.servicesProperty().get() == null) {
                fillPinnedPages();
                jobList.showStartupList(jobs);
            }
        });
        vm.servicesProperty().addListener((o, a, services) -> {
            if (services != null) {
                fillPinnedPages();
                jobList.attach(services.jobs(), services.clusters().jobStates()::observe);
                jobList.attachClusterNames(() -> services.clusters().definitions().stream().collect(
                        java.util.stream.Collectors.toMap(d -> d.id(), d -> d.name(), (first, second) -> first)),
                        services.clusters()::addDefinitionsListener);
                AlarmDesktopNotifications.attach(services);
                windowState.lastOpenJob().ifPresent(this::reopenLastJob);
                if (openWhenReady != null) { // asked for on the list read before the services
                    JobId asked = openWhenReady;
                    openWhenReady = null;
                    openJob(asked);
                }
            }
        });
    }

    /**
     * The pages that are always open (Jobs) get their content, and the side bar its icons, when the data is open:
     * until then the "Opening data…" cover hides them, and building the job table or loading the icon font would
     * only delay the first frame (ADR 0002).
     */
    private void fillPinnedPages() {
        navigationEntries.forEach((page, entry) -> {
            if (!page.closable()) {
                Tab tab = pageTab(page);
                if (tab.getContent() == null) {
                    tab.setContent(page.factory().apply(pageContext));
                }
            }
            if (page.icon() != null && entry.getGraphic() == null) {
                entry.setGraphic(Icons.of(page.icon()));
            }
        });
    }

    /** Opens (or selects) the tab of a side-bar page; pages other than the pinned ones wait for the data. */
    void showPage(Page page) {
        Tab tab = pageTab(page);
        if (tab == null) {
            if (vm.servicesProperty().get() == null) {
                return;
            }
            tab = newPageTab(page);
            tab.setContent(page.factory().apply(pageContext));
            mainTabs.getTabs().add(tab);
        }
        mainTabs.getSelectionModel().select(tab);
    }

    private Tab pageTab(Page page) {
        for (Tab t : mainTabs.getTabs()) {
            if (t.getUserData() == page) {
                return t;
            }
        }
        return null;
    }

    private static Tab newPageTab(Page page) {
        Tab tab = new Tab(page.title());
        tab.setId(page.tabId());
        tab.setClosable(page.closable());
        tab.setUserData(page);
        return tab;
    }

    /** The one job list, built on first use (once the data is open). */
    private JobListView jobListView() {
        if (jobListView == null) {
            jobListView = new JobListView(jobList, ctx, () -> {
                Services s = vm.servicesProperty().get();
                return s == null ? null : s.jobs();
            });
            jobListView.setServices(() -> vm.servicesProperty().get());
        }
        return jobListView;
    }

    /** AtlantaFX replaces the user agent stylesheet; our own CSS reads its color variables in both themes. */
    public static void applyTheme(boolean dark) {
        String stylesheet = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) { // setting it again would parse it again
            Application.setUserAgentStylesheet(stylesheet);
        }
    }

    private void styleCluster(ClusterHealth h) {
        Label clusterStatus = layout.clusterStatus;
        clusterStatus.getStyleClass().removeIf(c -> c.startsWith("cluster-"));
        clusterStatus.getStyleClass().add("cluster-" + h.name().toLowerCase());
        layout.clusterDot.getStyleClass().removeIf(c -> c.startsWith("cluster-"));
        layout.clusterDot.getStyleClass().add("cluster-" + h.name().toLowerCase());
    }

    /** Opens (or selects) the tab of a job. */
    public void openJob(JobId id) {
        for (Tab t : mainTabs.getTabs()) {
            if (id.equals(t.getUserData())) {
                mainTabs.getSelectionModel().select(t);
                return;
            }
        }
        Services services = vm.servicesProperty().get();
        if (services == null) {
            openWhenReady = id; // a row of the list read before the services: opens once they are ready
            return;
        }
        JobPageViewModel pageVm = new JobPageViewModel(id, services.jobs(), services.runs(), services.jobConfig(),
                services.versionRuns(), ctx);
        pageVm.observeWith(services.clusters().jobStates()::observe);
        pageVm.sourcesWith(services.clusters()::jobSources); // each source's value and last-seen time (R3)
        pageVm.config().withDependencies(services::dependencies); // the Configuration tab's Dependencies (DP3)
        pageVm.editor().completion().useService(services::completion, id);
        JobPageView page = new JobPageView(pageVm, ctx, Pages.jobTabs(), () -> vm.servicesProperty().get());
        Tab tab = new Tab();
        tab.setId("jobTab-" + id.value());
        tab.setUserData(id);
        tab.textProperty().bind(page.tabTitle());
        tab.setContent(page.root());
        openPages.put(id, pageVm);
        pageViews.put(tab, page);
        page.setOnCreateCopy(job -> {
            if (jobListView != null) {
                jobListView.copy(job);
            }
        });
        tab.setOnClosed(e -> {
            pageViews.remove(tab);
            // a last save of what was typed, then release listeners
            pageVm.editor().save();
            pageVm.close();
            page.closeTabs();
            openPages.remove(id);
            if (mainTabs.getTabs().size() == 1) {
                windowState.saveLastOpenJob(null);
            }
        });
        // the editor/problems split is restored and remembered across jobs and starts (D2)
        page.editor().split().setDividerPositions(windowState.editorSplit());
        page.editor().split().getDividers().get(0).positionProperty()
                .addListener((o, a, pos) -> windowState.saveEditorSplit(pos.doubleValue()));
        pageVm.open();
        mainTabs.getTabs().add(tab);
        mainTabs.getSelectionModel().select(tab);
        windowState.saveLastOpenJob(id.value());
        Platform.runLater(() -> page.editor().focus());
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node ancestor) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void reopenLastJob(String id) {
        try {
            JobId jobId = new JobId(id);
            JobService jobs = vm.servicesProperty().get().jobs();
            io.streamdesk.ui.task.BackgroundTask.wrap(() -> jobs.list().stream().anyMatch(j -> j.id().equals(jobId)))
                    .onSuccess(exists -> {
                        if (exists) {
                            openJob(jobId);
                        }
                    })
                    .executeWith(ctx);
        } catch (IllegalArgumentException e) {
            windowState.saveLastOpenJob(null);
        }
    }

    /**
     * Saves every editor with uncommitted text on the calling thread (on quit: the executor may already be gone,
     * and what the user typed must reach the database before the services close).
     */
    public void flushDrafts() {
        Services services = vm.servicesProperty().get();
        if (services == null) {
            return;
        }
        openPages.forEach((id, page) -> {
            if (page.editor().dirtyProperty().get()) {
                try {
                    services.jobs().saveDraft(id, page.editor().currentText());
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(ShellView.class).warn("Could not save the draft of {}", id, e);
                }
            }
            page.close();
        });
    }

    public void dispose() {
        jobList.dispose();
    }

    private void onNewJob() {
        if (vm.servicesProperty().get() != null) {
            jobListView().newJob();
        }
    }

    private void onShortcuts() {
        io.streamdesk.ui.help.ShortcutsDialog.show(root.getScene().getWindow());
    }

    private void onQuit() {
        requestQuit();
    }

    /**
     * Quits (menu, Ctrl+Q, the window's close button): with jobs running, the quit dialog first stops them all with
     * savepoints at once (it can be skipped); without, the app ends at once.
     */
    public void requestQuit() {
        javafx.stage.Window window = root.getScene().getWindow();
        Runnable exit = () -> {
            window.hide();
            Platform.exit();
        };
        io.streamdesk.service.Services services = vm.servicesProperty().get();
        if (services == null) {
            exit.run();
            return;
        }
        io.streamdesk.ui.task.BackgroundTask.wrap(() -> services.runs().runningJobs().isEmpty())
                .onSuccess(none -> {
                    if (none) {
                        exit.run();
                    } else {
                        io.streamdesk.ui.quit.QuitDialog.show(window, ctx, services.runs().atQuit(), exit);
                    }
                })
                .onFailure(e -> exit.run()) // the shutdown path still stops what runs
                .executeWith(ctx);
    }

    private void onClusterAction() {
        vm.startCluster();
    }

    /**
     * Icons in a class of their own: a {@code new FontIcon} in ShellView would make the verifier load Ikonli's
     * classes with the shell, on the first frame.
     */
    private static final class Icons {
        static javafx.scene.Node of(String literal) {
            return new org.kordamp.ikonli.javafx.FontIcon(literal);
        }
    }
}
