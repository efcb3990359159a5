package io.streamdesk.ui.jobs;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.service.JobService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.Scheduler;
import io.streamdesk.ui.task.UiContext;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The job list (J3): all jobs, filtered by name or ID, sorted by the table's comparator (newest first until the user
 * sorts). Listens to job changes from the services and ticks every second for the run time columns.
 */
public final class JobListViewModel {
    /** Newest first: the job you just created is on top. */
    public static final Comparator<JobRow> DEFAULT_ORDER =
            Comparator.comparing(JobRow::createdAt).reversed().thenComparing(JobRow::id);

    private final UiContext ctx;
    private final ObservableList<JobRow> rows =
            FXCollections.observableArrayList(r -> new Observable[] {r.jobProperty()});
    private final FilteredList<JobRow> filtered = new FilteredList<>(rows);
    private final SortedList<JobRow> sorted = new SortedList<>(filtered);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<Comparator<JobRow>> comparator = new SimpleObjectProperty<>(DEFAULT_ORDER);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(NO_JOBS);
    static final String NO_JOBS = "No jobs yet — create one with New SQL job (Ctrl+N)";
    private final Consumer<Job> jobListener = this::onJobChangedAnyThread;

    private JobService jobs;
    private java.util.function.Function<Job, io.streamdesk.model.ObservedJobState> observer = JobRow::asStored;
    private java.util.Map<String, String> clusterNames = java.util.Map.of();
    private Scheduler.Cancellable ticker;
    private Consumer<JobId> openHandler = id -> { };

    public JobListViewModel(UiContext ctx) {
        this.ctx = ctx;
        filterText.addListener((obs, o, n) -> {
            filtered.setPredicate(matcher(n));
            updateEmptyText();
        });
        rows.addListener((javafx.collections.ListChangeListener<JobRow>) c -> updateEmptyText());
        // the table may clear its comparator (unsorted): fall back to the default order, never to insertion order
        sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> comparator.get() == null ? DEFAULT_ORDER : comparator.get(), comparator));
    }

    // ---- properties ----

    /** Filtered and sorted rows for the table. */
    public ObservableList<JobRow> rows() {
        return sorted;
    }

    /** All rows, unfiltered. */
    public int totalCount() {
        return rows.size();
    }

    /** Free text matched against name and ID, case-insensitive. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The table's sort order; bound by the view to {@code TableView.comparatorProperty()}. */
    public ObjectProperty<Comparator<JobRow>> comparatorProperty() {
        return comparator;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the table says when it shows no rows: no jobs at all, or none matching the filter. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Called once the services are ready: load, listen, tick. Rows show the stored status as it is. */
    public void attach(JobService service) {
        attach(service, JobRow::asStored);
    }

    /**
     * Rows show the observed state: {@code observer} (the cluster registry's, in memory and cheap) turns a job into
     * what its cluster last confirmed; the per-second tick refreshes it, so a state that goes stale shows so.
     */
    public void attach(JobService service, java.util.function.Function<Job, io.streamdesk.model.ObservedJobState> observer) {
        this.observer = observer;
        this.jobs = service;
        service.listeners().add(jobListener);
        ticker = ctx.scheduler().every(Duration.ofSeconds(1), this::tick);
        refresh();
    }

    /**
     * Shows the jobs read before the services were ready (one plain query at start-up), as stored; {@link #attach}
     * replaces them with the service's list and the observed states.
     */
    public void showStartupList(List<Job> jobsRead) {
        if (jobs == null) {
            replaceAll(jobsRead);
        }
    }

    /**
     * The Cluster column shows names, not ids: {@code names} (cluster id to name; reads the registry's store) runs in
     * the background now and again whenever {@code onChange} calls back (clusters added, renamed, removed).
     */
    public void attachClusterNames(java.util.function.Supplier<java.util.Map<String, String>> names,
                                   java.util.function.Consumer<Runnable> onChange) {
        Runnable reload = () -> BackgroundTask.wrap(names::get).onSuccess(this::showClusterNames).executeWith(ctx);
        onChange.accept(reload);
        reload.run();
    }

    /** On the UI thread: the names the Cluster column shows (public for the view model tests). */
    public void showClusterNames(java.util.Map<String, String> names) {
        clusterNames = java.util.Map.copyOf(names);
        for (JobRow row : rows) {
            row.showClusterName(clusterNames);
        }
    }

    public void refresh() {
        if (jobs == null) {
            return;
        }
        JobService service = jobs;
        BackgroundTask.wrap(service::list)
                .titled("Loading jobs")
                .onRunning(() -> loading.set(true))
                .onSuccess(this::replaceAll)
                .onFailure(e -> error.set("Could not load jobs: " + e.getMessage()))
                .onFinished(() -> loading.set(false))
                .executeWith(ctx);
    }

    public void setOnOpen(Consumer<JobId> handler) {
        this.openHandler = handler;
    }

    public void open(JobRow row) {
        if (row != null) {
            openHandler.accept(row.job().id());
        }
    }

    public void dispose() {
        if (jobs != null) {
            jobs.listeners().remove(jobListener);
        }
        if (ticker != null) {
            ticker.cancel();
        }
    }

    /** Applies a job change on the UI thread (public for the view model tests). */
    public void upsert(Job job) {
        for (JobRow row : rows) {
            if (row.job().id().equals(job.id())) {
                Integer before = row.job().onlineVersion();
                row.update(job, ctx.scheduler().now());
                row.showClusterName(clusterNames);
                if (!java.util.Objects.equals(before, job.onlineVersion())) {
                    loadCus(row);
                }
                return;
            }
        }
        JobRow row = new JobRow(job, ctx.scheduler().now(), observer);
        row.showClusterName(clusterNames);
        rows.add(row);
        loadCus(row);
    }

    /** The CUs of the running version (J3) come from the store: read them off the UI thread. */
    private void loadCus(JobRow row) {
        Job job = row.job();
        if (job.onlineVersion() == null || jobs == null) {
            row.setCus(null);
            return;
        }
        JobService service = jobs;
        BackgroundTask.wrap(() -> service.cusInUse(job))
                .onSuccess(cu -> {
                    if (row.job().id().equals(job.id()) && java.util.Objects.equals(row.job().onlineVersion(), job.onlineVersion())) {
                        row.setCus(cu.isPresent() ? cu.getAsDouble() : null);
                    }
                })
                .executeWith(ctx);
    }

    void replaceAll(List<Job> jobsNow) {
        error.set("");
        for (Job j : jobsNow) {
            upsert(j);
        }
        rows.removeIf(r -> jobsNow.stream().noneMatch(j -> j.id().equals(r.job().id())));
    }

    private void updateEmptyText() {
        String f = filterText.get() == null ? "" : filterText.get().strip();
        emptyText.set(rows.isEmpty() || f.isEmpty() ? NO_JOBS : "No job matches \u201c" + f + "\u201d");
    }

    void tick() {
        rows.forEach(r -> r.tick(ctx.scheduler().now()));
    }

    private void onJobChangedAnyThread(Job job) {
        ctx.ui().run(() -> upsert(job));
    }

    static java.util.function.Predicate<JobRow> matcher(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return r -> true;
        }
        return r -> r.name().toLowerCase(Locale.ROOT).contains(q) || r.id().contains(q)
                || r.statusLabel().toLowerCase(Locale.ROOT).contains(q);
    }
}
