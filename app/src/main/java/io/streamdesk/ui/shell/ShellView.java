package io.streamdesk.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.streamdesk.app.Services;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.JobId;
import io.streamdesk.service.JobService;
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
    private EventsNavigation eventsNavigation;

    private final ShellLayout layout = new ShellLayout();
    private final TabPane mainTabs = layout.mainTabs;
    private final Tab jobsTab = layout.jobsTab;

    public ShellView(ShellViewModel vm, UiContext ctx, WindowStateStore windowState) {
        this.vm = vm;
        this.ctx = ctx;
        this.windowState = windowState;
        this.jobList = new JobListViewModel(ctx);
        this.root = layout.root;
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
        // an action, not only a selection change: "Jobs" stays selected while a job tab is in front
        javafx.scene.control.ToggleButton jobsEntry = layout.addNavigationEntry("Jobs");
        jobsEntry.setOnAction(e -> {
            jobsEntry.setSelected(true);
            mainTabs.getSelectionModel().select(jobsTab);
        });
        eventsNavigation = new EventsNavigation(mainTabs, vm.servicesProperty()::get, ctx, this::openJob);
        for (String item : EventsNavigation.ITEMS) {
            javafx.scene.control.ToggleButton entry = layout.addNavigationEntry(item);
            // no icon: the navigation is part of the first frame, and the icon font would load on that path (ADR 0002)
            entry.setOnAction(e -> {
                entry.setSelected(true);
                eventsNavigation.show(item);
            });
        }
        layout.newJobMenuItem.setOnAction(e -> onNewJob());
        layout.quitMenuItem.setOnAction(e -> onQuit());
        layout.clusterActionButton.setOnAction(e -> onClusterAction());

        layout.shortcutsMenuItem.setOnAction(e -> onShortcuts());
        jobList.setOnOpen(this::openJob);

        Label openingDataLabel = layout.openingDataLabel;
        openingDataLabel.textProperty().bind(vm.startupMessageProperty());
        layout.openingData.visibleProperty().bind(vm.servicesProperty().isNull());
        mainTabs.disableProperty().bind(vm.servicesProperty().isNull());

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
        vm.darkThemeProperty().addListener((o, a, dark) -> {
            applyTheme(dark);
            windowState.saveDarkTheme(dark);
        });
        applyTheme(vm.darkThemeProperty().get());

        vm.servicesProperty().addListener((o, a, services) -> {
            if (services != null) {
                showJobList();
                jobList.attach(services.jobs());
                EventsNavigation.attachDesktopNotifications(services);
                windowState.lastOpenJob().ifPresent(this::reopenLastJob);
            }
        });
    }

    /**
     * The job list is built when the data is open: until then the "Opening data…" cover hides it, and building its
     * table would only delay the first frame.
     */
    private void showJobList() {
        if (jobListView == null) {
            jobListView = new JobListView(jobList, ctx, () -> {
                Services s = vm.servicesProperty().get();
                return s == null ? null : s.jobs();
            });
            jobsTab.setContent(jobListView.root());
            jobListView.setServices(() -> vm.servicesProperty().get());
        }
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
            return;
        }
        JobPageViewModel pageVm = new JobPageViewModel(id, services.jobs(), services.runs(), services.jobConfig(),
                services.versionRuns(), ctx);
        JobPageView page = new JobPageView(pageVm, ctx);
        page.addMonitoring(new io.streamdesk.ui.monitoring.MonitoringViewModel(id, services.monitoring(), ctx),
                new io.streamdesk.ui.monitoring.CheckpointsViewModel(id, services.checkpoints(), ctx));
        pageVm.restrictRestoreTo(services.checkpoints()::stillExists);
        Tab tab = new Tab();
        tab.setId("jobTab-" + id.value());
        tab.setUserData(id);
        tab.textProperty().bind(page.tabTitle());
        tab.setContent(page.root());
        openPages.put(id, pageVm);
        pageViews.put(tab, page);
        eventsNavigation.addJobTabs(page, id);
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
            page.closeMonitoring();
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
            jobListView.newJob();
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
        io.streamdesk.app.Services services = vm.servicesProperty().get();
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
}
