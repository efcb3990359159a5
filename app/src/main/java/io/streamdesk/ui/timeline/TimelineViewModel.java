package io.streamdesk.ui.timeline;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.service.events.EventService;
import io.streamdesk.service.events.TimelineQuery;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The timeline (EV5) of one job or (job null) of the workspace. Filters: kinds (empty = all), run instance
 * (null = all), a time range of at most 7 days within the last 90 days. Commands: refresh, reset, select.
 */
public final class TimelineViewModel {
    public static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    private final JobId jobId;
    private final Supplier<EventService> events;
    private final UiContext ctx;
    private final ObservableList<JobEvent> shown = FXCollections.observableArrayList();
    // one wrapper: an unmodifiable view listens weakly to its list, so a fresh one per call could lose listeners
    private final ObservableList<JobEvent> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ObservableSet<EventKind> kinds = FXCollections.observableSet();
    private final ObservableList<Integer> runInstances = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> runInstance = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> to = new SimpleObjectProperty<>();
    private final ObjectProperty<JobEvent> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public TimelineViewModel(JobId jobId, Supplier<EventService> events, UiContext ctx) {
        this.jobId = jobId;
        this.events = events;
        this.ctx = ctx;
        resetRange();
    }

    public JobId jobId() {
        return jobId;
    }

    public ObservableList<JobEvent> shown() {
        return shownView;
    }

    /** Kinds to show; empty shows all. */
    public ObservableSet<EventKind> kinds() {
        return kinds;
    }

    public ObservableList<Integer> runInstances() {
        return runInstances;
    }

    public ObjectProperty<Integer> runInstanceProperty() {
        return runInstance;
    }

    public ObjectProperty<Instant> fromProperty() {
        return from;
    }

    public ObjectProperty<Instant> toProperty() {
        return to;
    }

    public ObjectProperty<JobEvent> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last {@code range} up to now. */
    public void showLast(Duration range) {
        Instant now = ctx.scheduler().now();
        to.set(now.plusSeconds(1));
        from.set(now.minus(range));
        refresh();
    }

    public void reset() {
        kinds.clear();
        runInstance.set(null);
        resetRange();
        refresh();
    }

    private void resetRange() {
        Instant now = ctx.scheduler().now();
        to.set(now.plusSeconds(1));
        from.set(now.minus(DEFAULT_RANGE));
    }

    /** Reloads with the current filters; a bad range shows as an error and keeps the last events. */
    public void refresh() {
        EventService service = events.get();
        if (service == null) {
            return;
        }
        TimelineQuery query = new TimelineQuery(jobId, Set.copyOf(kinds), runInstance.get(), from.get(), to.get());
        record Loaded(List<JobEvent> events, List<Integer> runs) {
        }
        BackgroundTask.wrap(() -> new Loaded(service.timeline(query), service.runInstances(jobId, query.from(), query.to())))
                .titled("Loading events")
                .onSuccess(l -> {
                    error.set("");
                    shown.setAll(l.events());
                    if (!l.runs().equals(runInstances)) {
                        runInstances.setAll(l.runs());
                    }
                    summary.set(l.events().size() + (l.events().size() == 1 ? " event" : " events"));
                    if (selected.get() != null && !l.events().contains(selected.get())) {
                        selected.set(null);
                    }
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    public void select(JobEvent event) {
        selected.set(event);
    }
}
