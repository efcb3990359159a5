package io.streamdesk.ui.jobs;

import io.streamdesk.service.Services;
import io.streamdesk.model.Job;
import io.streamdesk.service.BatchOperation;
import io.streamdesk.ui.batch.BatchDialog;
import io.streamdesk.ui.batch.BatchOptionDialogs;
import io.streamdesk.ui.batch.BatchViewModel;
import io.streamdesk.ui.copy.CopyJobDialog;
import io.streamdesk.ui.copy.CopyJobViewModel;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * The job list's actions on the selected jobs (J5): Create copy, and the batch operations Run, Stop, Copy and Change
 * log level, each run in the background with a result list per job.
 */
public final class JobListActions {
    private final UiContext ctx;
    private final Supplier<Services> services;
    private final Supplier<List<Job>> selection;
    private final Supplier<Window> window;
    private final Consumer<Job> open;

    public JobListActions(UiContext ctx, Supplier<Services> services, Supplier<List<Job>> selection,
                          Supplier<Window> window, Consumer<Job> open) {
        this.ctx = ctx;
        this.services = services;
        this.selection = selection;
        this.window = window;
        this.open = open;
    }

    /** The same items for the context menu and the toolbar's "Selected" menu. */
    public List<MenuItem> items() {
        MenuItem openItem = item("Open", "actionOpen", () -> selection.get().stream().findFirst().ifPresent(open));
        MenuItem copy = item("Create copy\u2026", "actionCopy", () -> copy(selection.get()));
        MenuItem run = item("Run\u2026", "actionRun", this::run);
        MenuItem stop = item("Stop\u2026", "actionStop", this::stop);
        MenuItem logLevel = item("Change log level\u2026", "actionLogLevel", this::logLevel);
        return List.of(openItem, copy, new SeparatorMenuItem(), run, stop, logLevel);
    }

    public ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(items());
        menu.setOnShowing(e -> refreshLabels(menu.getItems()));
        return menu;
    }

    /** Labels say how many jobs an action touches; items need a selection. */
    public void refreshLabels(List<MenuItem> items) {
        int n = selection.get().size();
        for (MenuItem i : items) {
            if (i.getId() == null) {
                continue;
            }
            i.setDisable(n == 0 || ("actionOpen".equals(i.getId()) && n != 1));
            String base = i.getText().replaceAll(" \\(\\d+ jobs\\)$", "");
            i.setText(n > 1 && !"actionOpen".equals(i.getId()) ? base + " (" + n + " jobs)" : base);
        }
    }

    public Menu menu(String text) {
        Menu m = new Menu(text);
        m.getItems().setAll(items());
        m.setOnShowing(e -> refreshLabels(m.getItems()));
        return m;
    }

    /** Create copy: one job through the dialog (then opens the copy), several as a batch. */
    public void copy(List<Job> jobs) {
        Services s = services.get();
        if (s == null || jobs.isEmpty()) {
            return;
        }
        CopyJobViewModel vm = new CopyJobViewModel(s.copies(), jobs, ctx);
        CopyJobDialog dialog = new CopyJobDialog(vm, window.get());
        if (vm.single()) {
            dialog.showAndCopy(result -> open.accept(result.copy()));
        } else {
            dialog.showAndRequest(request -> startBatch("Create copies", jobs,
                    s.batchActions().copy(request.folder(), request.clusterId())));
        }
    }

    private void run() {
        List<Job> jobs = selection.get();
        Services s = services.get();
        if (s != null && !jobs.isEmpty()) {
            BatchOptionDialogs.askRun(window.get(), jobs.size())
                    .ifPresent(restore -> startBatch("Run", jobs, s.batchActions().run(restore)));
        }
    }

    private void stop() {
        List<Job> jobs = selection.get();
        Services s = services.get();
        if (s != null && !jobs.isEmpty()) {
            BatchOptionDialogs.askStop(window.get(), jobs.size()).ifPresent(withSavepoint ->
                    startBatch(withSavepoint ? "Stop with savepoint" : "Stop", jobs, s.batchActions().stop(withSavepoint)));
        }
    }

    private void logLevel() {
        List<Job> jobs = selection.get();
        Services s = services.get();
        if (s != null && !jobs.isEmpty()) {
            BatchOptionDialogs.askLogLevel(window.get(), jobs.size()).ifPresent(level ->
                    startBatch("Change log level to " + level, jobs, s.batchActions().logLevel(level)));
        }
    }

    private void startBatch(String title, List<Job> jobs, BatchOperation.JobAction action) {
        BatchViewModel vm = new BatchViewModel(title, ctx);
        new BatchDialog(vm, window.get()).show();
        vm.start(jobs, action);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
