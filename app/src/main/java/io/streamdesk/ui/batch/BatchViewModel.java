package io.streamdesk.ui.batch;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.service.BatchOperation;
import io.streamdesk.service.BatchOperation.JobResult;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One batch operation over selected jobs (J5): runs in the background, one job after the other; every job has a row
 * that goes from Waiting to OK / Failed (with the reason) / Skipped. Cancel skips the jobs not yet started.
 */
public final class BatchViewModel {

    /** A job's line in the result list. */
    public record Row(JobId jobId, String jobName, String state, String message) {
        static Row waiting(Job job) {
            return new Row(job.id(), job.name(), "Waiting", "");
        }

        static Row of(JobResult r) {
            String state = switch (r.outcome()) {
                case OK -> "OK";
                case FAILED -> "Failed";
                case SKIPPED -> "Skipped";
            };
            return new Row(r.jobId(), r.jobName(), state, r.message());
        }
    }

    private final UiContext ctx;
    private final String title;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public BatchViewModel(String title, UiContext ctx) {
        this.title = title;
        this.ctx = ctx;
    }

    public String title() {
        return title;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Done jobs / all jobs, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "2 of 5 done" while running, "4 ok, 1 failed" at the end. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Starts the batch over {@code jobs} in the background. */
    public void start(List<Job> jobs, BatchOperation.JobAction action) {
        rows.setAll(jobs.stream().map(Row::waiting).toList());
        summary.set("0 of " + jobs.size() + " done");
        BackgroundTask.wrap(() -> BatchOperation.run(jobs, action,
                        (r, done, total) -> ctx.ui().run(() -> show(r, done, total)), cancelled::get))
                .titled(title)
                .onRunning(() -> running.set(true))
                .onSuccess(results -> summary.set(BatchOperation.summary(results)))
                .onFailure(e -> summary.set("The batch stopped: " + e.getMessage()))
                .onFinished(() -> running.set(false))
                .executeWith(ctx);
    }

    /** Skips the jobs not yet started; the one in flight finishes. */
    public void cancel() {
        cancelled.set(true);
    }

    void show(JobResult r, int done, int total) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).jobId().equals(r.jobId()) && "Waiting".equals(rows.get(i).state())) {
                rows.set(i, Row.of(r));
                break;
            }
        }
        progress.set(total == 0 ? 1 : (double) done / total);
        if (done < total) {
            summary.set(done + " of " + total + " done");
        }
    }
}
