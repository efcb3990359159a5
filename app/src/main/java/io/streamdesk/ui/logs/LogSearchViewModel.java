package io.streamdesk.ui.logs;

import io.streamdesk.service.Services;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.service.logs.FailureCause;
import io.streamdesk.service.logs.LogPreset;
import io.streamdesk.service.logs.LogSearch;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Supplier;

/**
 * Log diagnosis of one job (EV6): pick a run, fetch its logs (kept under the data directory), search them with a
 * preset, free text or a regex; "failure cause" also shows the transition and its Caused-by chain as a summary.
 */
public final class LogSearchViewModel {
    private final JobId jobId;
    private final Supplier<Services> services;
    private final UiContext ctx;
    private final ObservableList<Integer> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> run = new SimpleObjectProperty<>();
    private final ObjectProperty<LogPreset> preset = new SimpleObjectProperty<>(LogPreset.FAILURE_CAUSE);
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty(false);
    private final BooleanProperty includeHarmless = new SimpleBooleanProperty(false);
    private final ObservableList<LogSearch.Match> matches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public LogSearchViewModel(JobId jobId, Supplier<Services> services, UiContext ctx) {
        this.jobId = jobId;
        this.services = services;
        this.ctx = ctx;
    }

    public ObservableList<Integer> runs() {
        return runs;
    }

    public ObjectProperty<Integer> runProperty() {
        return run;
    }

    /** A preset, or null to search {@link #textProperty()} (as a regex when {@link #regexProperty()}). */
    public ObjectProperty<LogPreset> presetProperty() {
        return preset;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty includeHarmlessProperty() {
        return includeHarmless;
    }

    public ObservableList<LogSearch.Match> matches() {
        return matches;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Loads the job's run instances, newest selected. */
    public void loadRuns() {
        Services s = services.get();
        if (s == null) {
            return;
        }
        BackgroundTask.wrap(() -> s.runs().runs(jobId).stream().map(JobRun::instance).sorted((a, b) -> b - a).toList())
                .onSuccess(list -> {
                    runs.setAll(list);
                    if (run.get() == null && !list.isEmpty()) {
                        run.set(list.get(0));
                    }
                    status.set(list.isEmpty() ? "This job has not run yet: run it, then fetch its logs." : "");
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    /** Fetches the logs of the selected run from the cluster into the local copy, then searches. */
    public void fetch() {
        Services s = services.get();
        Integer r = run.get();
        if (s == null || r == null) {
            error.set("Choose a run first.");
            return;
        }
        BackgroundTask.wrap(() -> {
                    Job job = s.jobs().job(jobId);
                    return s.logs().fetch(jobId, r, job.clusterId());
                })
                .titled("Fetching logs")
                .onSuccess(res -> {
                    error.set("");
                    status.set("Kept " + String.join(", ", res.files())
                            + (res.problems().isEmpty() ? "" : " — not available: " + String.join("; ", res.problems())));
                    search();
                })
                .onFailure(e -> error.set("Fetching logs failed: " + e.getMessage()))
                .executeWith(ctx);
    }

    /** Searches the kept logs of the selected run. */
    public void search() {
        Services s = services.get();
        Integer r = run.get();
        if (s == null || r == null) {
            return;
        }
        LogSearch.Query q = preset.get() != null ? LogSearch.Query.preset(preset.get())
                : regex.get() ? LogSearch.Query.regex(text.get()) : LogSearch.Query.text(text.get());
        LogSearch.Query query = q.withHarmless(includeHarmless.get());
        boolean wantCause = preset.get() == LogPreset.FAILURE_CAUSE;
        record Found(LogSearch.Result result, String cause, boolean empty) {
        }
        BackgroundTask.wrap(() -> {
                    String log = s.logs().readAll(jobId, r);
                    String cause = wantCause ? FailureCause.best(log).map(FailureCause.Summary::text)
                            .orElse("No RUNNING -> FAILED transition in these logs.") : "";
                    return new Found(LogSearch.search(log, query), cause, log.isEmpty());
                })
                .titled("Searching logs")
                .onSuccess(f -> {
                    error.set("");
                    matches.setAll(f.result().matches());
                    summary.set(f.cause());
                    status.set(f.empty() ? "No logs kept for run #" + r + ": press Fetch."
                            : f.result().matches().size() + " line(s)" + (f.result().truncated() ? " (first " + LogSearch.MAX_MATCHES + ")" : "")
                            + (f.result().hiddenHarmless() > 0 ? ", " + f.result().hiddenHarmless() + " harmless hidden" : ""));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    public List<LogPreset> presets() {
        return List.of(LogPreset.values());
    }
}
