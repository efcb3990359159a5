package io.streamdesk.ui.monitoring;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricKind;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.metrics.MonitoringService;
import io.streamdesk.service.metrics.MonitoringService.JobMonitoringState;
import io.streamdesk.service.metrics.MonitoringService.VertexRef;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.Scheduler;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Monitoring tab of a job (MO2): which page, range and granularity, the charts' data, and why a chart is empty.
 * Loading runs in the background and only the newest answer is shown; while the range ends "now" and the tab is
 * active the charts refresh every sampling interval.
 */
public final class MonitoringViewModel {
    private final JobId jobId;
    private final MonitoringService monitoring;
    private final UiContext ctx;

    private final ObjectProperty<MonitoringPage> page = new SimpleObjectProperty<>(MonitoringPage.OVERVIEW);
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.LAST_HOUR);
    private final ObjectProperty<Granularity> granularity = new SimpleObjectProperty<>(Granularity.ONE_MINUTE);
    private final ObjectProperty<Instant> customFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> customTo = new SimpleObjectProperty<>();
    private final ObjectProperty<String> taskManager = new SimpleObjectProperty<>();
    private final ObjectProperty<VertexRef> vertex = new SimpleObjectProperty<>();
    private final ObservableList<String> taskManagers = FXCollections.observableArrayList();
    private final ObservableList<VertexRef> vertices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper openedUrl = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Duration> sampleInterval = new SimpleObjectProperty<>();
    private long generation;
    private boolean applying;
    private Scheduler.Cancellable live;

    /** The charts of one load with the time window they cover. */
    public record Loaded(MonitoringPage page, List<ChartData> charts, long from, long to, long gapMillis) {
    }

    public MonitoringViewModel(JobId jobId, MonitoringService monitoring, UiContext ctx) {
        this.jobId = jobId;
        this.monitoring = monitoring;
        this.ctx = ctx;
        page.addListener((o, a, b) -> changed());
        range.addListener((o, a, b) -> changed());
        granularity.addListener((o, a, b) -> changed());
        taskManager.addListener((o, a, b) -> changed());
        vertex.addListener((o, a, b) -> changed());
        sampleInterval.set(monitoring.sampleInterval());
        sampleInterval.addListener((o, a, b) -> {
            if (b != null && !b.equals(monitoring.sampleInterval())) {
                changeSampleInterval(b, a);
            }
        });
    }

    /** The choices of the "Sample every" box (MO1: 15 s by default). */
    public static final List<Duration> SAMPLE_INTERVALS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5));

    /** How often every running job is sampled; setting it stores the choice for all jobs. */
    public ObjectProperty<Duration> sampleIntervalProperty() {
        return sampleInterval;
    }

    private void changeSampleInterval(Duration chosen, Duration previous) {
        BackgroundTask.wrap(() -> {
                    monitoring.changeSampleInterval(chosen);
                    return chosen;
                })
                .titled("Changing the sampling interval")
                .onSuccess(d -> {
                    error.set("");
                    if (live != null) { // the live refresh follows the sampler
                        deactivate();
                        activate();
                    }
                })
                .onFailure(e -> {
                    error.set(e.getMessage());
                    sampleInterval.set(previous);
                })
                .executeWith(ctx);
    }

    // ---- properties ----

    public ObjectProperty<MonitoringPage> pageProperty() {
        return page;
    }

    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    public ObjectProperty<Granularity> granularityProperty() {
        return granularity;
    }

    public ObjectProperty<Instant> customFromProperty() {
        return customFrom;
    }

    public ObjectProperty<Instant> customToProperty() {
        return customTo;
    }

    public ObjectProperty<String> taskManagerProperty() {
        return taskManager;
    }

    public ObjectProperty<VertexRef> vertexProperty() {
        return vertex;
    }

    public ObservableList<String> taskManagers() {
        return taskManagers;
    }

    public ObservableList<VertexRef> vertices() {
        return vertices;
    }

    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** A line above the charts: cluster unreachable since ..., job not running, ... */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public JobId jobId() {
        return jobId;
    }

    // ---- commands ----

    /** R5: opens the job's page of the cluster's own dashboard; the URL shows in the notice if no browser opens. */
    public void openFlinkUi(BrowserOpener browser) {
        BackgroundTask.wrap(() -> {
                    String url = monitoring.dashboardUrl(jobId);
                    try {
                        browser.open(url);
                        return url;
                    } catch (Exception e) {
                        throw new IllegalStateException("No browser could be opened for " + url + " (" + e.getMessage() + ")", e);
                    }
                })
                .titled("Opening the Flink dashboard")
                .onSuccess(url -> {
                    openedUrl.set(url);
                    error.set("");
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    /** The dashboard URL last opened. */
    public ReadOnlyStringProperty openedUrlProperty() {
        return openedUrl.getReadOnlyProperty();
    }

    /** The tab became visible: load now and keep the charts live. */
    public void activate() {
        refresh();
        if (live == null) {
            live = ctx.scheduler().every(monitoring.sampleInterval(), () -> {
                if (range.get() != TimeRange.CUSTOM) {
                    refresh();
                }
            });
        }
    }

    /** The tab was hidden or closed: stop polling. */
    public void deactivate() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    /** Sets a custom range and switches to it. */
    public void showCustom(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            error.set("Custom range: the end must be after the start.");
            return;
        }
        customFrom.set(from);
        customTo.set(to);
        if (range.get() == TimeRange.CUSTOM) {
            refresh();
        } else {
            range.set(TimeRange.CUSTOM);
        }
    }

    /** Reloads the current page in the background; an older answer arriving late is dropped. */
    public void refresh() {
        long mine = ++generation;
        MonitoringPage p = page.get();
        Granularity g = granularity.get();
        Instant now = ctx.scheduler().now();
        Instant from;
        Instant to;
        if (range.get() == TimeRange.CUSTOM && customFrom.get() != null && customTo.get() != null) {
            from = customFrom.get();
            to = customTo.get();
        } else {
            to = now;
            from = now.minus(range.get().length() == null ? Duration.ofHours(1) : range.get().length());
        }
        String tm = taskManager.get();
        VertexRef v = vertex.get();
        long gap = gapFor(g, monitoring.sampleInterval());
        Instant readTo = to;
        BackgroundTask.wrap(() -> load(p, g, from, readTo, tm, v, gap))
                .onRunning(() -> loading.set(true))
                .onSuccess(result -> {
                    if (mine == generation) {
                        apply(result);
                    }
                })
                .onFailure(e -> {
                    if (mine == generation) {
                        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                })
                .onFinished(() -> {
                    if (mine == generation) {
                        loading.set(false);
                    }
                })
                .executeWith(ctx);
    }

    /** A line breaks where more than this passes between points: a few missed ticks or buckets. */
    static long gapFor(Granularity g, Duration interval) {
        long step = g == Granularity.RAW ? interval.toMillis() : g.bucket().toMillis();
        return step * 3 + 1;
    }

    private record Result(Loaded loaded, List<String> taskManagers, List<VertexRef> vertices, String notice) {
    }

    private Result load(MonitoringPage p, Granularity g, Instant from, Instant to, String tm, VertexRef v, long gap) {
        JobMonitoringState state = monitoring.state(jobId);
        String cluster = monitoring.clusterOf(jobId);
        List<String> tms = monitoring.taskManagers(jobId);
        List<VertexRef> vs = monitoring.vertices(jobId);
        String chosenTm = tm != null && tms.contains(tm) ? tm : tms.isEmpty() ? null : tms.get(0);
        VertexRef chosenVertex = v != null && vs.contains(v) ? v : vs.isEmpty() ? null : vs.get(0);
        List<ChartSpec> specs = ChartSpec.forPage(p, jobId, cluster, tms, chosenTm,
                chosenVertex == null ? null : chosenVertex.id(), chosenVertex == null ? 0 : chosenVertex.subtasks());
        List<SeriesKey> keys = new ArrayList<>();
        specs.forEach(s -> keys.addAll(s.keys()));
        Map<SeriesKey, List<MetricPoint>> points = monitoring.read(keys, g, from, to);
        boolean anySeries = !monitoring.series(jobId).isEmpty();
        List<ChartData> charts = new ArrayList<>();
        for (ChartSpec spec : specs) {
            List<ChartData.Line> lines = new ArrayList<>();
            for (int i = 0; i < spec.keys().size(); i++) {
                SeriesKey key = spec.keys().get(i);
                lines.add(toLine(spec.names().get(i), key.metric().kind(), points.getOrDefault(key, List.of())));
            }
            charts.add(new ChartData(spec.title(), spec.unit(), lines, emptyMessage(state, anySeries, spec.notReported())));
        }
        if (specs.isEmpty()) {
            String what = p == MonitoringPage.TASK_MANAGER ? "TaskManager" : "task";
            charts.add(new ChartData(p.label(), "", List.of(), state.everRan()
                    ? "No " + what + " has reported metrics yet: they appear after the first samples of a running job."
                    : "This job has never run: run it to collect metrics."));
        }
        String noticeText = notice(state);
        return new Result(new Loaded(p, charts, from.toEpochMilli(), to.toEpochMilli(), gap), tms, vs, noticeText);
    }

    private static ChartData.Line toLine(String name, MetricKind kind, List<MetricPoint> points) {
        long[] x = new long[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            MetricPoint p = points.get(i);
            x[i] = p.timestamp();
            // a counter's level is its last value; a gauge's is its mean over the bucket
            y[i] = kind == MetricKind.COUNTER ? p.last() : p.avg();
        }
        return new ChartData.Line(name, x, y);
    }

    /** Why a chart has no line (MO2): never ran, cluster unreachable, waiting for samples, or not reported. */
    static String emptyMessage(JobMonitoringState state, boolean anySeries, String notReported) {
        if (!state.everRan()) {
            return "This job has never run: run it to collect metrics.";
        }
        if (state.clusterUnreachableSince() != null) {
            return "The cluster has been unreachable since " + Formats.time(state.clusterUnreachableSince())
                    + "; sampling resumes when it answers.";
        }
        if (state.running() && !anySeries) {
            return "Waiting for the first samples.";
        }
        if (!state.running()) {
            return "No samples in this range: the job was not running.";
        }
        return notReported != null ? notReported : "Not reported by this job or Flink version.";
    }

    private static String notice(JobMonitoringState state) {
        if (state.clusterUnreachableSince() != null) {
            return "Cluster unreachable since " + Formats.time(state.clusterUnreachableSince())
                    + ". Charts show what was sampled before; sampling resumes by itself.";
        }
        if (!state.everRan()) {
            return "This job has never run.";
        }
        if (!state.running()) {
            return "The job is not running: the charts show its history.";
        }
        return "";
    }

    private void apply(Result r) {
        error.set("");
        applying = true;
        try {
            // a combo box clears its selection when its items are replaced: that must not start a load
            if (!taskManagers.equals(r.taskManagers())) {
                taskManagers.setAll(r.taskManagers());
            }
            if (!vertices.equals(r.vertices())) {
                vertices.setAll(r.vertices());
            }
        } finally {
            applying = false;
        }
        if ((taskManager.get() == null || !r.taskManagers().contains(taskManager.get())) && !r.taskManagers().isEmpty()) {
            setQuietly(taskManager, r.taskManagers().get(0));
        }
        if ((vertex.get() == null || !r.vertices().contains(vertex.get())) && !r.vertices().isEmpty()) {
            setQuietly(vertex, r.vertices().get(0));
        }
        notice.set(r.notice());
        loaded.set(r.loaded());
    }

    /** Sets a selection the load already used, without loading again. */
    private <T> void setQuietly(ObjectProperty<T> property, T value) {
        applying = true;
        try {
            property.set(value);
        } finally {
            applying = false;
        }
    }

    private void changed() {
        if (!applying) {
            refresh();
        }
    }

    /** For the view: called with each new load. */
    public void onLoaded(Consumer<Loaded> consumer) {
        loaded.addListener((o, a, b) -> {
            if (b != null) {
                consumer.accept(b);
            }
        });
    }
}
