package io.streamdesk.ui.clusters;

import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.Scheduler;
import io.streamdesk.ui.task.UiContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Clusters pane (R4, D2): the list of clusters with state, version, capacity and jobs, the selected cluster's
 * page, and the pane's commands (remove; add, edit, test and migrate open their own view models). Refreshes every
 * {@link #POLL} while the pane is shown, one refresh at a time.
 */
public final class ClustersViewModel {
    public static final Duration POLL = Duration.ofSeconds(5);
    public static final String EMPTY = "No clusters yet \u2014 add a remote session cluster or one on Kubernetes with Add cluster.";

    private final ClusterDirectory directory;
    private final UiContext ctx;
    private final ObservableList<ClusterSummary> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ClusterSummary> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private String selectedId;
    private boolean errorFromLoad;
    private boolean replacingRows;
    private Scheduler.Cancellable poll;
    /** A deployment change waiting for the operator to settle: its text, its cluster and what was asked. */
    private final ReadOnlyStringWrapper settling = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper settlingError = new ReadOnlyStringWrapper("");
    private String settlingCluster;
    private String settlingAction;

    public ClustersViewModel(ClusterDirectory directory, UiContext ctx) {
        this.directory = directory;
        this.ctx = ctx;
    }

    // ---- properties ----

    public ObservableList<ClusterSummary> rows() {
        return rows;
    }

    /** The cluster whose page is shown, null when none is selected. */
    public ReadOnlyObjectProperty<ClusterSummary> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The last failure (a refused removal says which jobs still run). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last action's outcome ("Removed …"). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** An action (remove) is in flight. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * While a Kubernetes change is reconciled: "Scaling “x”: the operator says UPGRADING / DEPLOYING"; empty once the
     * operator's reading is well again (or SUSPENDED after a suspend).
     */
    public ReadOnlyStringProperty settlingProperty() {
        return settling.getReadOnlyProperty();
    }

    /** The operator's error while a change settles (an image that cannot be pulled, a refused spec). */
    public ReadOnlyStringProperty settlingErrorProperty() {
        return settlingError.getReadOnlyProperty();
    }

    /** The cluster whose change is settling, or null. */
    public String settlingCluster() {
        return settlingCluster;
    }

    public ClusterDirectory directory() {
        return directory;
    }

    public UiContext context() {
        return ctx;
    }

    // ---- commands ----

    /** Starts polling (the pane is shown). */
    public void activate() {
        refresh();
        if (poll == null) {
            poll = ctx.scheduler().every(POLL, this::refresh);
        }
    }

    public void deactivate() {
        if (poll != null) {
            poll.cancel();
            poll = null;
        }
    }

    /**
     * True while a refresh replaces the rows: a list view clears its selection then, which is not the user
     * deselecting (the selection is restored right after).
     */
    public boolean replacingRows() {
        return replacingRows;
    }

    /** Shows the cluster's page; null clears it. */
    public void select(String clusterId) {
        if (clusterId != null && !clusterId.equals(selectedId) && !busy.get()) {
            // the last action's outcome was about the cluster shown before
            error.set("");
            message.set("");
            errorFromLoad = false;
        }
        selectedId = clusterId;
        selected.set(clusterId == null ? null : rows.stream().filter(r -> r.id().equals(clusterId)).findFirst()
                .orElse(null));
    }

    /** Reads every cluster off the FX thread; a refresh still under way makes this one a no-op. */
    public void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        BackgroundTask.wrap(this::load)
                .onSuccess(this::show)
                .onFailure(this::loadFailed)
                .onFinished(() -> refreshing.set(false))
                .executeWith(ctx);
    }

    /** Refreshes and then selects {@code clusterId} (after an add or an edit). */
    public void refreshAndSelect(String clusterId) {
        selectedId = clusterId;
        BackgroundTask.wrap(this::load).onSuccess(this::show).onFailure(this::loadFailed)
                .executeWith(ctx);
    }

    /** The other clusters, the targets of a migration of {@code clusterId}'s jobs. */
    public List<ClusterSummary> migrationTargets(String clusterId) {
        return rows.stream().filter(r -> !r.id().equals(clusterId)).toList();
    }

    /**
     * Removes the cluster in the background, its running jobs stopped with savepoints first; a refusal (a job
     * operates or cannot be stopped with a savepoint, the local cluster) shows as the error and leaves it listed.
     */
    public void remove(String clusterId, Runnable onRemoved) {
        if (busy.get()) {
            return;
        }
        String name = rows.stream().filter(r -> r.id().equals(clusterId)).map(ClusterSummary::name).findFirst()
                .orElse(clusterId);
        BackgroundTask.wrap(() -> directory.remove(clusterId))
                .titled("Removing cluster " + name)
                .onRunning(() -> {
                    busy.set(true);
                    error.set("");
                    errorFromLoad = false;
                    message.set("");
                })
                .onSuccess((String report) -> {
                    message.set(report);
                    if (clusterId.equals(selectedId)) {
                        selectedId = null;
                    }
                    onRemoved.run();
                    refresh();
                })
                .onFailure(e -> error.set(describe("Could not remove \u201c" + name + "\u201d", e)))
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }

    /**
     * Scales the cluster in the background (stops running jobs with savepoints, restarts it, resumes them); the
     * outcome per job shows as the message, a refusal as the error.
     */
    public void scale(String clusterId, int slots) {
        if (busy.get()) {
            return;
        }
        String name = rows.stream().filter(r -> r.id().equals(clusterId)).map(ClusterSummary::name).findFirst()
                .orElse(clusterId);
        BackgroundTask.wrap(() -> directory.scale(clusterId, slots))
                .titled("Scaling " + name + " to " + slots + " task slots")
                .onRunning(() -> {
                    busy.set(true);
                    error.set("");
                    errorFromLoad = false;
                    message.set("Scaling \u201c" + name + "\u201d to " + slots + " task slots: stopping running jobs"
                            + " with savepoints, restarting the cluster, resuming them\u2026");
                })
                .onSuccess(report -> {
                    message.set(report.text());
                    refresh();
                })
                .onFailure(e -> {
                    message.set("");
                    error.set(describe("Could not scale \u201c" + name + "\u201d", e));
                    refresh();
                })
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }

    // ---- Kubernetes deployment changes (R3) ----

    /** Scales the TaskManagers; a refusal (below the slots running jobs use) names the jobs in the error. */
    public void scaleTaskManagers(String clusterId, io.streamdesk.model.cluster.KubernetesSpec.Resources tm) {
        change(clusterId, "Scaling", () -> directory.scaleTaskManagers(clusterId, tm), null);
    }

    /** Stops the running jobs with savepoints, then suspends the deployment. */
    public void suspend(String clusterId) {
        change(clusterId, "Suspending", () -> directory.suspend(clusterId), null);
    }

    public void resume(String clusterId) {
        change(clusterId, "Resuming", () -> directory.resume(clusterId), null);
    }

    /** Stops the running jobs with savepoints, deletes the FlinkDeployment and removes the cluster. */
    public void delete(String clusterId, Runnable onDeleted) {
        change(clusterId, "Deleting", () -> directory.delete(clusterId), onDeleted);
    }

    private void change(String clusterId, String action,
                        java.util.concurrent.Callable<io.streamdesk.service.ClusterDeployments.Change> work,
                        Runnable onDeleted) {
        if (busy.get()) {
            return;
        }
        String name = rows.stream().filter(r -> r.id().equals(clusterId)).map(ClusterSummary::name).findFirst()
                .orElse(clusterId);
        BackgroundTask.wrap(work)
                .titled(action + " " + name)
                .onRunning(() -> {
                    busy.set(true);
                    error.set("");
                    errorFromLoad = false;
                    message.set(action + " \u201c" + name + "\u201d"
                            + (action.equals("Suspending") || action.equals("Deleting")
                            ? ": stopping its running jobs with savepoints first\u2026" : "\u2026"));
                    settlingError.set("");
                })
                .onSuccess(change -> {
                    message.set(change.text());
                    if (onDeleted != null) {
                        settlingCluster = null;
                        settling.set("");
                        if (clusterId.equals(selectedId)) {
                            selectedId = null;
                        }
                        onDeleted.run();
                    } else {
                        settlingCluster = clusterId;
                        settlingAction = action;
                        settling.set(action + " \u201c" + name + "\u201d: waiting for the operator\u2026");
                    }
                    refresh();
                })
                .onFailure(e -> {
                    message.set("");
                    error.set(describe("Could not " + verb(action, false) + " \u201c" + name + "\u201d", e));
                    refresh();
                })
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }

    /** "scale" or "Scaled" for "Scaling". */
    private static String verb(String action, boolean done) {
        return switch (action) {
            case "Scaling" -> done ? "Scaled" : "scale";
            case "Suspending" -> done ? "Suspended" : "suspend";
            case "Resuming" -> done ? "Resumed" : "resume";
            default -> done ? "Deleted" : "delete";
        };
    }

    /** After a refresh: the settling change's operator reading, until it is well (or SUSPENDED after a suspend). */
    private void followSettling() {
        if (settlingCluster == null) {
            return;
        }
        ClusterSummary s = rows.stream().filter(r -> r.id().equals(settlingCluster)).findFirst().orElse(null);
        if (s == null) {
            settlingCluster = null;
            settling.set("");
            settlingError.set("");
            return;
        }
        io.streamdesk.model.cluster.SourceReading operator = s.sources().readings().stream()
                .filter(r -> r.source().equals(io.streamdesk.model.cluster.StateSources.OPERATOR)).findFirst()
                .orElse(null);
        if (operator == null) {
            return;
        }
        boolean suspended = operator.value().toUpperCase(java.util.Locale.ROOT).startsWith("SUSPENDED");
        // a suspended session keeps its JobManager (the adapter scales the TaskManagers to zero): READY again, or an
        // operator that reports SUSPENDED, is settled
        boolean settled = operator.healthy() || ("Suspending".equals(settlingAction) && suspended);
        if (settled) {
            message.set(verb(settlingAction, true) + " \u201c" + s.name() + "\u201d: the operator says "
                    + operator.value() + ".");
            settlingCluster = null;
            settling.set("");
            settlingError.set("");
            return;
        }
        settling.set(settlingAction + " \u201c" + s.name() + "\u201d: the operator says " + operator.value()
                + " (seen " + io.streamdesk.model.cluster.StateSources.age(operator.seenAt(), java.time.Instant.now())
                + ")");
        settlingError.set(operator.detail() == null ? "" : "The operator reports: " + operator.detail());
    }

    /** Sets the pane's error (e.g. from a dialog). */
    public void showError(String text) {
        error.set(text == null ? "" : text);
        errorFromLoad = false;
    }

    public void showMessage(String text) {
        message.set(text == null ? "" : text);
    }

    /** The refusal or failure in words, with the suggested fix when the service gives one. */
    static String describe(String what, Throwable e) {
        if (e instanceof InputRejectedException) {
            return e.getMessage();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof OperationFailedException o && o.suggestedFix() != null && !o.suggestedFix().isBlank()) {
            text += " " + o.suggestedFix();
        }
        return what + ": " + text;
    }

    // ---- loading ----

    private List<ClusterSummary> load() {
        List<ClusterSummary> out = new ArrayList<>();
        for (ClusterDefinition d : directory.definitions()) {
            ClusterState state = directory.state(d.id());
            ClusterCapacity capacity = null;
            if (state.health() == io.streamdesk.model.ClusterHealth.RUNNING) {
                Optional<ClusterCapacity> c = directory.capacity(d.id());
                capacity = c.orElse(null);
            }
            List<Job> jobs = directory.jobsOn(d.id());
            io.streamdesk.model.cluster.StateSources sources = directory.sources(d.id());
            io.streamdesk.model.cluster.KubernetesSpec spec = d.kind() == io.streamdesk.model.cluster.ClusterKind.KUBERNETES
                    ? directory.deployedSpec(d.id()).orElse(null) : null;
            out.add(new ClusterSummary(d, state, capacity, jobs, sources, spec));
        }
        return out;
    }

    private void loadFailed(Throwable e) {
        error.set("Could not read the clusters: " + e.getMessage());
        errorFromLoad = true;
    }

    private void show(List<ClusterSummary> loaded) {
        if (errorFromLoad) {
            error.set("");
            errorFromLoad = false;
        }
        replacingRows = true;
        try {
            rows.setAll(loaded);
        } finally {
            replacingRows = false;
        }
        select(selectedId);
        followSettling();
    }
}
