package io.streamdesk.ui.shell;

import io.streamdesk.service.Services;
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
 * The main window's state: whether the services are ready (the window shows before they are), the clusters' states
 * in the status bar, background work, and the theme.
 */
public final class ShellViewModel {
    private final UiContext ctx;
    private final ReadOnlyObjectWrapper<Services> services = new ReadOnlyObjectWrapper<>();
    /** The job list read with one plain query before the services (the first frame shows it); null until then. */
    private final ReadOnlyObjectWrapper<java.util.List<io.streamdesk.model.Job>> startupJobs = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper startupMessage = new ReadOnlyStringWrapper("Opening data…");
    private final ReadOnlyBooleanWrapper startupFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ClusterHealth> clusterHealth = new ReadOnlyObjectWrapper<>(ClusterHealth.STOPPED);
    private final ReadOnlyStringWrapper clusterText = new ReadOnlyStringWrapper("Cluster: waiting for data…");
    /** The newest state of each cluster, in the registry's order; touched on the UI thread only. */
    private final java.util.Map<String, ClusterState> clusterStates = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, String> clusterNames = new java.util.HashMap<>();
    /** The cluster the status bar's button acts on, null when none needs an action. */
    private String actionClusterId;
    private final ReadOnlyStringWrapper clusterDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper clusterAction = new ReadOnlyStringWrapper("");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private final BooleanProperty resumeJobsAfterRestart = new SimpleBooleanProperty(true);
    /** Set while the stored value is shown, so that showing it does not write it back. */
    private boolean loadingResumeSetting;
    private final ReadOnlyStringWrapper backgroundProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backgroundProblemDetail = new ReadOnlyStringWrapper("");

    public ShellViewModel(UiContext ctx) {
        this.ctx = ctx;
        resumeJobsAfterRestart.addListener((o, a, on) -> {
            Services s = services.get();
            if (s != null && !loadingResumeSetting) {
                BackgroundTask.wrap(() -> s.clusters().setResumeJobsAfterRestart(on))
                        .titled("Saving the setting")
                        .onFailure(e -> clusterDetail.set("Could not save the setting: " + e.getMessage()))
                        .executeWith(ctx);
            }
        });
    }

    /** Setting: resume the jobs a failed cluster took with it from their newest checkpoint once it is back. */
    public BooleanProperty resumeJobsAfterRestartProperty() {
        return resumeJobsAfterRestart;
    }

    // ---- properties ----

    /** Null until the database is open; panes attach when it turns non-null. */
    public ReadOnlyObjectProperty<Services> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    /** The jobs read before the services were ready, shown as stored until the services replace them; null before. */
    public ReadOnlyObjectProperty<java.util.List<io.streamdesk.model.Job>> startupJobsProperty() {
        return startupJobs.getReadOnlyProperty();
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

    /** The job list was read before the services (called on the UI thread); ignored once the services are ready. */
    public void startupJobsRead(java.util.List<io.streamdesk.model.Job> jobs) {
        if (services.get() == null && startupJobs.get() == null) {
            startupJobs.set(java.util.List.copyOf(jobs));
        }
    }

    /** The services are ready (called on the UI thread). */
    public void servicesReady(Services ready) {
        startupMessage.set("");
        ready.clusters().profiles().forEach(p -> clusterNames.put(p.id(), p.name()));
        ready.clusters().addListener(state -> {
            // a cluster added since the start (the Clusters pane, the CLI) is named by its profile; a removed one leaves
            String name = ready.clusters().profile(state.clusterId()).map(p -> p.name()).orElse(null);
            java.util.Set<String> known = java.util.Set.copyOf(ready.clusters().clusterIds());
            ctx.ui().run(() -> {
                if (name != null) {
                    clusterNames.put(state.clusterId(), name);
                }
                clusterStates.keySet().retainAll(known);
                if (known.contains(state.clusterId())) {
                    showCluster(state);
                }
            });
        });
        ready.problems().addListener(all -> ctx.ui().run(() -> showProblems(all)));
        showProblems(ready.problems().current());
        services.set(ready);
        BackgroundTask.wrap(() -> ready.clusters().states())
                .onSuccess(states -> states.forEach(this::showCluster))
                .executeWith(ctx);
        BackgroundTask.wrap(() -> ready.clusters().resumeJobsAfterRestart())
                .onSuccess(on -> {
                    loadingResumeSetting = true;
                    resumeJobsAfterRestart.set(on);
                    loadingResumeSetting = false;
                })
                .executeWith(ctx);
    }

    /** Opening the database or starting the services failed: say so instead of an eternal spinner. */
    public void servicesFailed(Throwable error) {
        startupFailed.set(true);
        startupMessage.set("StreamDesk could not open its data: " + (error.getMessage() == null ? error : error.getMessage()));
    }

    /** The status bar's button: starts a stopped cluster, restarts a failed or unreachable one (kills it first). */
    public void startCluster() {
        Services s = services.get();
        String id = actionClusterId;
        if (s == null || id == null) {
            return;
        }
        ClusterState state = clusterStates.get(id);
        boolean restart = state != null && state.health() != ClusterHealth.STOPPED;
        String name = clusterNames.getOrDefault(id, id);
        BackgroundTask.wrap(() -> {
                    if (restart) {
                        s.clusters().restart(id);
                    } else {
                        s.clusters().start(id);
                    }
                })
                .titled((restart ? "Restarting " : "Starting ") + name)
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
        clusterStates.put(state.clusterId(), state);
        java.util.List<String> texts = new java.util.ArrayList<>();
        java.util.List<String> details = new java.util.ArrayList<>();
        ClusterHealth worst = null;
        actionClusterId = null;
        String action = "";
        // with several clusters the bar names the ones that are not running, worst first, and counts the rest: the
        // bar's colour is the worst one's, so a healthy cluster's text is never shown in an error's colour
        boolean several = clusterStates.size() > 1;
        java.util.List<ClusterState> ordered = new java.util.ArrayList<>(clusterStates.values());
        if (several) {
            ordered.sort(java.util.Comparator.comparingInt((ClusterState c) -> severity(c.health())).reversed());
        }
        long running = ordered.stream().filter(c -> c.health() == ClusterHealth.RUNNING).count();
        for (ClusterState c : ordered) {
            if (!several || c.health() != ClusterHealth.RUNNING) {
                texts.add(text(c, clusterNames.getOrDefault(c.clusterId(), c.clusterId())));
            }
            if (c.detail() != null) {
                details.add(c.detail());
            }
            if (worst == null || severity(c.health()) > severity(worst)) {
                worst = c.health();
            }
            String a = switch (c.health()) {
                case STOPPED -> "Start";
                case FAILED, UNREACHABLE -> "Restart";
                // no restart of a healthy cluster from the status bar: it would kill running jobs by accident
                case STARTING, RUNNING -> "";
            };
            if (actionClusterId == null && !a.isEmpty()) {
                actionClusterId = c.clusterId();
                action = a;
            }
        }
        clusterHealth.set(worst == null ? ClusterHealth.STOPPED : worst);
        if (several && running > 0) {
            texts.add(running == ordered.size() ? "All " + running + " clusters running"
                    : running + " of " + ordered.size() + " clusters running");
        }
        clusterText.set(String.join("   ·   ", texts));
        clusterDetail.set(String.join("\n", details));
        clusterAction.set(action);
    }

    /** "Local cluster: Running at http://…", "Local cluster: Unreachable — last seen 15:17:20 — …". */
    private static String text(ClusterState state, String name) {
        ClusterHealth h = state.health();
        String text = name + ": " + h.label();
        if (h == ClusterHealth.RUNNING && state.restUrl() != null) {
            text += " at " + state.restUrl();
        }
        if ((h == ClusterHealth.UNREACHABLE || h == ClusterHealth.FAILED) && state.lastSeen() != null) {
            text += " — last seen " + io.streamdesk.ui.Formats.preciseTime(state.lastSeen());
        }
        if ((h == ClusterHealth.FAILED || h == ClusterHealth.UNREACHABLE) && state.detail() != null) {
            text += " — " + state.detail();
        }
        return text;
    }

    private static int severity(ClusterHealth h) {
        return switch (h) {
            case RUNNING -> 0;
            case STARTING -> 1;
            case STOPPED -> 2;
            case UNREACHABLE -> 3;
            case FAILED -> 4;
        };
    }
}
