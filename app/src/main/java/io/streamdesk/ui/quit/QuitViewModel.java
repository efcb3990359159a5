package io.streamdesk.ui.quit;

import io.streamdesk.model.JobId;
import io.streamdesk.service.StopAtQuit;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/**
 * The quit dialog's state: one row per running job while every job is stopped with a savepoint at once. When all
 * savepoints are taken the app exits by itself; when one failed the dialog stays open and says so; "Quit without
 * savepoints" exits at once (the stops still in flight end with the cluster).
 */
public final class QuitViewModel {

    /** One job's row. */
    public static final class Row {
        private final JobId jobId;
        private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
        private final ReadOnlyObjectWrapper<StopAtQuit.Step> step = new ReadOnlyObjectWrapper<>(StopAtQuit.Step.STOPPING);
        private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();

        Row(JobId jobId) {
            this.jobId = jobId;
        }

        public JobId jobId() {
            return jobId;
        }

        public ReadOnlyStringProperty nameProperty() {
            return name.getReadOnlyProperty();
        }

        public ReadOnlyObjectProperty<StopAtQuit.Step> stepProperty() {
            return step.getReadOnlyProperty();
        }

        /** "Stopping with a savepoint…", "Savepoint at file:/…", "Failed: …". */
        public ReadOnlyStringProperty textProperty() {
            return text.getReadOnlyProperty();
        }

        void show(StopAtQuit.Row row) {
            name.set(row.jobName());
            step.set(row.step());
            text.set(switch (row.step()) {
                case STOPPING -> "Stopping with a savepoint\u2026";
                case SAVEPOINT_TAKEN -> "Savepoint at " + row.detail();
                case FAILED -> "Failed: " + row.detail();
            });
        }
    }

    private final UiContext ctx;
    private final StopAtQuit quit;
    private final Runnable exit;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Stopping running jobs\u2026");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper quitLabel = new ReadOnlyStringWrapper("Quit without savepoints");
    private final Consumer<StopAtQuit.Row> listener;
    private boolean exited;

    /**
     * @param exit ends the app (on the UI thread); called once, when every savepoint is taken or the user quits
     */
    public QuitViewModel(UiContext ctx, StopAtQuit quit, Runnable exit) {
        this.ctx = ctx;
        this.quit = quit;
        this.exit = exit;
        this.listener = row -> ctx.ui().run(() -> {
            apply(row);
            checkFinished();
        });
    }

    // ---- properties ----

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** "Stopping 3 running jobs with savepoints…", then what came of it. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** "Quit without savepoints" while stopping; "Quit" once done with failures. */
    public ReadOnlyStringProperty quitLabelProperty() {
        return quitLabel.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Starts the stops (off the UI thread) and shows their rows. */
    public void start() {
        quit.addListener(listener);
        BackgroundTask.wrap(quit::start)
                .titled("Stopping jobs with savepoints")
                .onSuccess(this::populate)
                .onFailure(e -> {
                    headline.set("Could not stop the jobs: " + e.getMessage());
                    finished.set(true);
                    quitLabel.set("Quit");
                })
                .executeWith(ctx);
    }

    /** "Quit without savepoints" (or "Quit" after a failure): exit now. */
    public void quitNow() {
        quit.skip();
        exitOnce();
    }

    void populate(List<StopAtQuit.Row> started) {
        for (StopAtQuit.Row row : started) {
            if (find(row.jobId()) == null) {
                apply(row);
            }
        }
        int n = rows.size();
        if (!finished.get()) { // the stops may have ended before their rows arrived here
            headline.set("Stopping " + n + " running job" + (n == 1 ? "" : "s") + " with a savepoint, all at once\u2026");
        }
        checkFinished();
    }

    private void apply(StopAtQuit.Row row) {
        Row item = find(row.jobId());
        if (item == null) {
            item = new Row(row.jobId());
            rows.add(item);
        }
        item.show(row);
    }

    private void checkFinished() {
        if (!quit.finished() || finished.get()) {
            return;
        }
        finished.set(true);
        quit.rows().forEach(this::apply); // rows whose events are still queued behind this one
        long failed = rows.stream().filter(r -> r.stepProperty().get() == StopAtQuit.Step.FAILED).count();
        if (failed == 0) {
            headline.set("Every job stopped with a savepoint.");
            exitOnce();
        } else {
            headline.set(failed + " job" + (failed == 1 ? "" : "s") + " could not be stopped with a savepoint; "
                    + (failed == 1 ? "it ends" : "they end") + " with their cluster. The next run starts from "
                    + "the latest checkpoint or fresh.");
            quitLabel.set("Quit");
        }
    }

    private Row find(JobId id) {
        return rows.stream().filter(r -> r.jobId().equals(id)).findFirst().orElse(null);
    }

    private void exitOnce() {
        if (exited) {
            return;
        }
        exited = true;
        quit.removeListener(listener);
        exit.run();
    }
}
