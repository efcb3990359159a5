package io.streamdesk.ui.monitoring;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.ui.task.BackgroundTask;
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

    public CheckpointsViewModel(JobId jobId, CheckpointService checkpoints, UiContext ctx) {
        this.jobId = jobId;
        this.checkpoints = checkpoints;
        this.ctx = ctx;
    }

    public ObservableList<CheckpointRecord> rows() {
        return rows;
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
        BackgroundTask.wrap(() -> checkpoints.list(jobId))
                .onSuccess(list -> {
                    if (mine == generation) {
                        rows.setAll(list);
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
