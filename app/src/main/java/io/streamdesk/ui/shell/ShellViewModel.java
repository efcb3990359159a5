package io.streamdesk.ui.shell;

import io.streamdesk.app.Services;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.BackgroundWork;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The main window's state: whether the services are ready (the window shows before they are), the local cluster
 * in the status bar, background work, and the theme.
 */
public final class ShellViewModel {
    private final UiContext ctx;
    private final ReadOnlyObjectWrapper<Services> services = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper startupMessage = new ReadOnlyStringWrapper("Opening data…");
    private final ReadOnlyBooleanWrapper startupFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ClusterHealth> clusterHealth = new ReadOnlyObjectWrapper<>(ClusterHealth.STOPPED);
    private final ReadOnlyStringWrapper clusterText = new ReadOnlyStringWrapper("Local cluster: waiting for data…");
    private final ReadOnlyStringWrapper clusterDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper clusterAction = new ReadOnlyStringWrapper("");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper backgroundProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backgroundProblemDetail = new ReadOnlyStringWrapper("");

    public ShellViewModel(UiContext ctx) {
        this.ctx = ctx;
    }

    // ---- properties ----

    /** Null until the database is open; panes attach when it turns non-null. */
    public ReadOnlyObjectProperty<Services> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startupMessageProperty() {
        return startupMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startupFailedProperty() {
        return startupFailed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterHealth> clusterHealthProperty() {
        return clusterHealth.getReadOnlyProperty();
    }

    /** "Local cluster: Running at http://…" */
    public ReadOnlyStringProperty clusterTextProperty() {
        return clusterText.getReadOnlyProperty();
    }

    /** The failure detail for the tooltip; empty when none. */
    public ReadOnlyStringProperty clusterDetailProperty() {
        return clusterDetail.getReadOnlyProperty();
    }

    /** "Start", "Restart", or empty when no action makes sense (starting). */
    public ReadOnlyStringProperty clusterActionProperty() {
        return clusterAction.getReadOnlyProperty();
    }

    public BackgroundWork backgroundWork() {
        return ctx.backgroundWork();
    }

    /** "⚠ Status check: …" for the newest persistent background failure; empty when there is none. */
    public ReadOnlyStringProperty backgroundProblemProperty() {
        return backgroundProblem.getReadOnlyProperty();
    }

    /** Every current background problem, one a line, for the tooltip. */
    public ReadOnlyStringProperty backgroundProblemDetailProperty() {
        return backgroundProblemDetail.getReadOnlyProperty();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    // ---- commands ----

    /** The services are ready (called on the UI thread). */
    public void servicesReady(Services ready) {
        startupMessage.set("");
        ready.clusters().addListener(state -> ctx.ui().run(() -> showCluster(state)));
        ready.problems().addListener(all -> ctx.ui().run(() -> showProblems(all)));
        showProblems(ready.problems().current());
        services.set(ready);
        BackgroundTask.wrap(() -> ready.clusters().localState())
                .onSuccess(this::showCluster)
                .executeWith(ctx);
    }

    /** Opening the database or starting the services failed: say so instead of an eternal spinner. */
    public void servicesFailed(Throwable error) {
        startupFailed.set(true);
        startupMessage.set("StreamDesk could not open its data: " + (error.getMessage() == null ? error : error.getMessage()));
    }

    public void startCluster() {
        Services s = services.get();
        if (s == null) {
            return;
        }
        BackgroundTask.wrap(() -> s.clusters().startLocal())
                .titled("Starting local cluster")
                .onFailure(e -> clusterDetail.set(e.getMessage()))
                .executeWith(ctx);
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    void showProblems(java.util.List<io.streamdesk.service.BackgroundProblems.Problem> all) {
        java.util.Optional<io.streamdesk.service.BackgroundProblems.Problem> shown =
                all.stream().filter(io.streamdesk.service.BackgroundProblems.Problem::persistent).findFirst();
        long more = all.stream().filter(io.streamdesk.service.BackgroundProblems.Problem::persistent).count() - 1;
        backgroundProblem.set(shown.map(p -> "\u26a0 " + p.summary() + (more > 0 ? " (+" + more + " more)" : ""))
                .orElse(""));
        backgroundProblemDetail.set(String.join("\n", all.stream().filter(io.streamdesk.service.BackgroundProblems.Problem::persistent)
                .map(p -> p.summary() + " \u2014 " + p.failuresInARow() + " times in a row since "
                        + io.streamdesk.ui.Formats.preciseTime(p.since())).toList()));
    }

    void showCluster(ClusterState state) {
        ClusterHealth h = state.health();
        clusterHealth.set(h);
        String text = "Local cluster: " + h.label();
        if (h == ClusterHealth.RUNNING && state.restUrl() != null) {
            text += " at " + state.restUrl();
        }
        if ((h == ClusterHealth.FAILED || h == ClusterHealth.UNREACHABLE) && state.detail() != null) {
            text += " — " + state.detail();
        }
        clusterText.set(text);
        clusterDetail.set(state.detail() == null ? "" : state.detail());
        clusterAction.set(switch (h) {
            case STOPPED -> "Start";
            case FAILED, UNREACHABLE -> "Restart";
            // no restart of a healthy cluster from the status bar: it would kill running jobs by accident
            case STARTING, RUNNING -> "";
        });
    }
}
