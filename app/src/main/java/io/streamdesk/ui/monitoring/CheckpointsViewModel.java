package io.streamdesk.ui.monitoring;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.ui.task.BackgroundTask;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.streamdesk.ui.task.Scheduler;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;

/**
 * The Checkpoints tab of a job (C1, C2): the merged list, newest first, and a manual savepoint with a description.
 * Refreshes every few seconds while visible, so periodic checkpoints show up as they complete.
 */
public final class CheckpointsViewModel {
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final JobId jobId;
    private final CheckpointService checkpoints;
    private final UiContext ctx;
    private final ObservableList<CheckpointRecord> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper savepointInFlight = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Scheduler.Cancellable live;
    private long generation;
    /** Locations of completed rows the desktop cannot read (FX thread). */
    private Set<String> notReadableHere = Set.of();

    public CheckpointsViewModel(JobId jobId, CheckpointService checkpoints, UiContext ctx) {
        this.jobId = jobId;
        this.checkpoints = checkpoints;
        this.ctx = ctx;
    }

    public ObservableList<CheckpointRecord> rows() {
        return rows;
    }

    /**
     * The row's status in words: "Completed", "Cleared", ...; a completed one on storage this desktop cannot read (a
     * remote cluster's) says that its status is what Flink reported (R6).
     */
    public String statusText(CheckpointRecord r) {
        String s = r.status().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return r.location() != null && notReadableHere.contains(r.location()) ? s + " (as Flink reported it; not readable from this desktop)" : s;
    }

    public ReadOnlyBooleanProperty savepointInFlightProperty() {
        return savepointInFlight.getReadOnlyProperty();
    }

    /** Confirmation of the last savepoint. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void activate() {
        refresh();
        if (live == null) {
            live = ctx.scheduler().every(REFRESH, this::refresh);
        }
    }

    public void deactivate() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    public void refresh() {
        long mine = ++generation;
        record Listed(List<CheckpointRecord> rows, Set<String> notReadableHere) {
        }
        BackgroundTask.wrap(() -> {
                    List<CheckpointRecord> list = checkpoints.list(jobId);
                    Set<String> notReadable = new HashSet<>();
                    for (CheckpointRecord r : list) {
                        if (r.status() == SavepointStatus.COMPLETED && checkpoints.notReadableFromDesktop(jobId, r.location())) {
                            notReadable.add(r.location());
                        }
                    }
                    return new Listed(list, notReadable);
                })
                .onSuccess(listed -> {
                    if (mine == generation) {
                        notReadableHere = Set.copyOf(listed.notReadableHere());
                        rows.setAll(listed.rows());
                    }
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    /** Takes a savepoint of the running job (C2); the list refreshes when it completes. */
    public void triggerSavepoint(String description) {
        if (savepointInFlight.get()) {
            return;
        }
        BackgroundTask.wrap(() -> checkpoints.triggerSavepoint(jobId, description))
                .titled("Taking a savepoint")
                .onRunning(() -> {
                    savepointInFlight.set(true);
                    error.set("");
                    message.set("Taking a savepoint…");
                })
                .onSuccess((SavepointRecord r) -> message.set("Savepoint taken: " + r.location()))
                .onFailure(e -> {
                    message.set("");
                    error.set(e.getMessage());
                })
                .onFinished(() -> {
                    savepointInFlight.set(false);
                    refresh();
                })
                .executeWith(ctx);
    }
}
