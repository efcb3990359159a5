package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.RunService;
import io.streamdesk.service.jobconfig.CuFit;
import io.streamdesk.service.jobconfig.StateCompatibility;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.service.jobconfig.VersionRunService.RunPlan;
import io.streamdesk.service.jobconfig.VersionRunService.RunRequest;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Run dialog (J5, V4): which version, how to start (fresh, latest checkpoint or savepoint, a chosen one), what to do with the
 * version that runs now, and before running what the run would do: the CUs against the cluster's idle CUs and, for a
 * restore, which operator states are restored, dropped, or start empty. Dropping state needs an explicit allow.
 */
public final class VersionRunViewModel {

    /** One line of the state comparison. */
    public record StateRow(Kind kind, String operator, String detail) {
        public enum Kind { RESTORED, DROPPED, STARTS_EMPTY }
    }

    private final JobId jobId;
    private final JobService jobs;
    private final RunService runs;
    private final VersionRunService service;
    private final UiContext ctx;
    private final Integer preselected;
    private final Consumer<RunRequest> runner;

    private final ObservableList<JobVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<String> savepointPaths = FXCollections.observableArrayList();
    private final ObjectProperty<JobVersion> version = new SimpleObjectProperty<>();
    private final ObjectProperty<RestoreChoice.Kind> start = new SimpleObjectProperty<>(RestoreChoice.Kind.FRESH);
    private final ObjectProperty<String> chosenPath = new SimpleObjectProperty<>();
    private final Map<String, String> restoreLabels = new HashMap<>();
    private final BooleanProperty allowNonRestoredState = new SimpleBooleanProperty(false);
    private final ObjectProperty<StopFirst> stopFirst = new SimpleObjectProperty<>(StopFirst.WITH_SAVEPOINT);

    private final ReadOnlyObjectWrapper<Integer> runningVersion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper latestSavepoint = new ReadOnlyStringWrapper("");
    /** The dialog's header: which cluster the version runs on. */
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("Run a version");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper resourcesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resourcesFit = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dropsState = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<StateRow> stateRows = FXCollections.observableArrayList();
    private final BooleanBinding canRun;
    private long generation;

    public VersionRunViewModel(JobId jobId, JobService jobs, RunService runs, VersionRunService service, UiContext ctx,
                               Integer preselected, Consumer<RunRequest> runner) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.runs = runs;
        this.service = service;
        this.ctx = ctx;
        this.preselected = preselected;
        this.runner = runner;
        canRun = Bindings.createBooleanBinding(() -> version.get() != null && !checking.get() && !blocked.get()
                        && resourcesFit.get() && (!dropsState.get() || allowNonRestoredState.get())
                        && (start.get() != RestoreChoice.Kind.PATH || chosenPath.get() != null),
                version, checking, blocked, resourcesFit, dropsState, allowNonRestoredState, start, chosenPath);
        version.addListener((o, a, b) -> replan());
        start.addListener((o, a, b) -> replan());
        chosenPath.addListener((o, a, b) -> replan());
    }

    // ---- properties ----

    public ObservableList<JobVersion> versions() {
        return versions;
    }

    /**
     * Locations of the completed checkpoints and savepoints that still exist, newest first (C2); on a remote cluster
     * also those the desktop cannot read but Flink reported completed, labelled so (R6).
     */
    public ObservableList<String> savepointPaths() {
        return savepointPaths;
    }

    /** How the dialog names a restore point: kind, id or description, version and time; the location otherwise. */
    public String describeRestorePoint(String location) {
        return location == null ? "" : restoreLabels.getOrDefault(location, location);
    }

    public ObjectProperty<JobVersion> versionProperty() {
        return version;
    }

    public ObjectProperty<RestoreChoice.Kind> startProperty() {
        return start;
    }

    public ObjectProperty<String> chosenPathProperty() {
        return chosenPath;
    }

    public BooleanProperty allowNonRestoredStateProperty() {
        return allowNonRestoredState;
    }

    public ObjectProperty<StopFirst> stopFirstProperty() {
        return stopFirst;
    }

    /** The version running now, null when none: the dialog then asks how to stop it (J5). */
    public ReadOnlyObjectProperty<Integer> runningVersionProperty() {
        return runningVersion.getReadOnlyProperty();
    }

    /** How the latest checkpoint or savepoint is named (see {@link #describeRestorePoint}), empty when there is none. */
    public ReadOnlyStringProperty latestSavepointProperty() {
        return latestSavepoint.getReadOnlyProperty();
    }

    /**
     * The "latest" choice as the dialog words it: while a version runs and is to be stopped with a savepoint, that
     * savepoint is what "latest" will restore, not the newest one listed now.
     */
    public javafx.beans.binding.StringBinding latestChoiceTextProperty() {
        return Bindings.createStringBinding(() -> {
            if (runningVersion.get() != null && stopFirst.get() == StopFirst.WITH_SAVEPOINT) {
                return "Latest: the savepoint taken when stopping v" + runningVersion.get();
            }
            return latestSavepoint.get().isEmpty() ? "Latest checkpoint or savepoint (none yet)"
                    : "Latest: " + latestSavepoint.get();
        }, runningVersion, stopFirst, latestSavepoint);
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resourcesTextProperty() {
        return resourcesText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resourcesFitProperty() {
        return resourcesFit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dropsStateProperty() {
        return dropsState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<StateRow> stateRows() {
        return stateRows;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Loads versions, savepoints and the job's state, then checks the preselected (or newest) version. */
    public void load() {
        record Options(Job job, List<JobVersion> versions, List<CheckpointRecord> points, String cluster,
                       java.util.Set<String> notReadableHere) {
        }
        BackgroundTask.wrap(() -> {
                    List<CheckpointRecord> points = runs.restorePoints(jobId);
                    java.util.Set<String> notReadable = new java.util.HashSet<>();
                    points.forEach(p -> {
                        if (runs.notReadableFromDesktop(jobId, p.location())) {
                            notReadable.add(p.location());
                        }
                    });
                    return new Options(jobs.job(jobId), jobs.versions(jobId), points, runs.clusterName(jobId), notReadable);
                })
                .titled("Loading run options")
                .onSuccess((Options o) -> {
                    header.set("Run a version on " + o.cluster());
                    runningVersion.set(o.job().onlineVersion());
                    restoreLabels.clear();
                    o.points().forEach(p -> restoreLabels.put(p.location(),
                            RestorePointLabel.of(p, o.notReadableHere().contains(p.location()))));
                    latestSavepoint.set(o.points().isEmpty() ? "" : restoreLabels.get(o.points().get(0).location()));
                    savepointPaths.setAll(o.points().stream().map(CheckpointRecord::location).toList());
                    if (!savepointPaths.isEmpty()) {
                        chosenPath.set(savepointPaths.get(0));
                    }
                    versions.setAll(o.versions());
                    JobVersion pick = o.versions().stream().filter(v -> preselected != null && v.number() == preselected)
                            .findFirst().orElse(o.versions().isEmpty() ? null : o.versions().get(0));
                    version.set(pick);
                })
                .onFailure(e -> problem.set(e.getMessage()))
                .executeWith(ctx);
    }

    /** Runs with the current choices (the page shows the progress and the outcome). */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        RestoreChoice restore = switch (start.get()) {
            case FRESH -> RestoreChoice.fresh();
            case LATEST -> RestoreChoice.latest();
            case PATH -> RestoreChoice.path(chosenPath.get());
        };
        StopFirst stop = runningVersion.get() == null ? StopFirst.DO_NOT_STOP : stopFirst.get();
        runner.accept(new RunRequest(version.get().number(), restore, stop, allowNonRestoredState.get()));
    }

    void replan() {
        JobVersion v = version.get();
        if (v == null) {
            return;
        }
        RestoreChoice restore;
        try {
            restore = switch (start.get()) {
                case FRESH -> RestoreChoice.fresh();
                case LATEST -> RestoreChoice.latest();
                case PATH -> RestoreChoice.path(chosenPath.get());
            };
        } catch (RuntimeException e) {
            problem.set(e.getMessage());
            return;
        }
        long mine = ++generation;
        BackgroundTask.wrap(() -> service.plan(jobId, v.number(), restore))
                .titled("Checking version " + v.number())
                .onRunning(() -> {
                    checking.set(true);
                    resourcesText.set("Checking…");
                    stateText.set("");
                })
                .onSuccess(plan -> {
                    if (mine == generation) {
                        show(plan);
                    }
                })
                .onFailure(e -> {
                    if (mine == generation) {
                        problem.set(e.getMessage());
                        blocked.set(true);
                    }
                })
                .onFinished(() -> {
                    if (mine == generation) {
                        checking.set(false);
                    }
                })
                .executeWith(ctx);
    }

    private void show(RunPlan plan) {
        problem.set(plan.problem() == null ? "" : plan.problem());
        blocked.set(plan.problem() != null && plan.problem().startsWith("Version"));
        Optional<CuFit> fit = plan.fit();
        resourcesFit.set(fit.map(CuFit::fits).orElse(true));
        resourcesText.set(fit.map(CuFit::describe)
                .orElse("The cluster's capacity is known once it runs; it starts with the run."));
        List<StateRow> rows = new ArrayList<>();
        if (plan.state().isEmpty()) {
            dropsState.set(false);
            stateText.set(plan.restorePath() == null ? "Fresh start: no state is restored." : "");
        } else {
            StateCompatibility s = plan.state().get();
            for (StateCompatibility.Entry e : s.entries()) {
                rows.add(new StateRow(StateRow.Kind.valueOf(e.kind().name()), e.operator(), e.detail()));
            }
            dropsState.set(s.dropsState());
            blocked.set(blocked.get() || s.hasMaxParallelismConflict());
            String note = plan.runningVersion() != null && start.get() == RestoreChoice.Kind.LATEST
                    && stopFirst.get() == StopFirst.WITH_SAVEPOINT
                    ? " The savepoint taken when stopping v" + plan.runningVersion() + " is checked again before the start."
                    : "";
            stateText.set(s.summary() + note);
        }
        stateRows.setAll(rows);
    }
}
