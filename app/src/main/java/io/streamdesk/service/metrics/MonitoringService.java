package io.streamdesk.service.metrics;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.MetricScope;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.MetricStore;
import io.streamdesk.service.port.RunStore;
import io.streamdesk.service.port.SettingsStore;
import io.streamdesk.service.port.StoreException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** What the Monitoring pages read (MO2): series of a job and its cluster, and why a chart may be empty. */
public final class MonitoringService {
    /** Default sampling interval (MO1); {@code -Dstreamdesk.metrics.interval=<seconds>} overrides it. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

    private final MetricStore store;
    private final MetricSampler sampler;
    private final JobStore jobs;
    private final RunStore runs;
    private final ClusterService clusters;
    private final Clock clock;
    /** Where the interval the user chose is kept (MO1: "default every 15 s, a setting"). */
    public static final String INTERVAL_KEY = "monitoring.sample-interval-seconds";
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);

    private final SettingsStore settings;
    private final List<Consumer<Duration>> intervalListeners = new CopyOnWriteArrayList<>();
    private volatile Duration interval;

    /**
     * @param interval the interval when the user has not chosen one (a stored choice wins; a stored value out of
     *                 range, e.g. edited by hand, is ignored)
     */
    public MonitoringService(MetricStore store, MetricSampler sampler, JobStore jobs, RunStore runs,
                             ClusterService clusters, Clock clock, Duration interval, SettingsStore settings) {
        this.store = store;
        this.sampler = sampler;
        this.jobs = jobs;
        this.runs = runs;
        this.clusters = clusters;
        this.clock = clock;
        this.settings = settings;
        this.interval = storedInterval(settings).orElse(interval);
    }

    private static Optional<Duration> storedInterval(SettingsStore settings) {
        try {
            return settings.get(INTERVAL_KEY).map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
                    .filter(d -> d.compareTo(MIN_INTERVAL) >= 0 && d.compareTo(MAX_INTERVAL) <= 0);
        } catch (NumberFormatException | StoreException e) {
            return Optional.empty();
        }
    }

    /** The interval from {@code streamdesk.metrics.interval} (seconds, 1..3600), else 15 s. */
    public static Duration intervalSetting() {
        String value = System.getProperty("streamdesk.metrics.interval");
        if (value == null || value.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds >= 1 && seconds <= 3600) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InputRejectedException("streamdesk.metrics.interval: a number of seconds from 1 to 3600 (got '" + value + "').");
    }

    public Duration sampleInterval() {
        return interval;
    }

    /**
     * Changes how often every running job is sampled, stores the choice, and tells the scheduler (which starts the
     * next tick after the new interval). Writes a file: call off the UI thread.
     *
     * @throws InputRejectedException outside 5 s .. 1 h
     */
    public void changeSampleInterval(Duration newInterval) {
        if (newInterval == null || newInterval.compareTo(MIN_INTERVAL) < 0 || newInterval.compareTo(MAX_INTERVAL) > 0) {
            throw new InputRejectedException("Sampling interval: between 5 s and 1 h (got "
                    + (newInterval == null ? "nothing" : newInterval.toSeconds() + " s") + ").");
        }
        settings.put(INTERVAL_KEY, Long.toString(newInterval.toSeconds()));
        interval = newInterval;
        intervalListeners.forEach(l -> l.accept(newInterval));
    }

    /** Called after {@link #changeSampleInterval} with the new interval, on the caller's thread. */
    public void onSampleIntervalChange(Consumer<Duration> listener) {
        intervalListeners.add(listener);
    }

    /** One sampling tick now (the scheduler calls this every {@link #sampleInterval()}). */
    public MetricSampler.TickResult sampleNow() {
        return sampler.sampleOnce();
    }

    /** Deletes what is past retention (MO1); the scheduler calls it hourly. */
    public long enforceRetention() {
        return store.enforceRetention(clock.instant());
    }

    public Map<SeriesKey, List<MetricPoint>> read(Collection<SeriesKey> keys, Granularity granularity, Instant from,
                                                  Instant to) {
        return store.points(keys, granularity, from, to);
    }

    /** The job's stored series (job, vertex and subtask level). */
    public List<SeriesKey> series(JobId job) {
        return store.series(job.value());
    }

    /** TaskManager ids the cluster of the job had samples for. */
    public List<String> taskManagers(JobId id) {
        Set<String> out = new LinkedHashSet<>();
        store.series(SeriesKey.clusterOwner(clusterOf(id))).stream()
                .filter(k -> k.metric().scope() == MetricScope.TASK_MANAGER)
                .forEach(k -> out.add(k.subject()));
        return new ArrayList<>(out);
    }

    /** Vertices of the job that have samples, with names where the sampler saw the job's plan. */
    public List<VertexRef> vertices(JobId job) {
        Map<String, Integer> subtasks = new java.util.LinkedHashMap<>();
        for (SeriesKey k : store.series(job.value())) {
            if (k.metric().scope() == MetricScope.SUBTASK && !k.subject().isEmpty()) {
                subtasks.merge(k.vertexId(), k.subtaskIndex() + 1, Math::max);
            }
        }
        List<VertexRef> out = new ArrayList<>();
        subtasks.forEach((v, n) -> out.add(new VertexRef(v, sampler.vertexName(v).orElse(v), n)));
        return out;
    }

    /** A vertex (task) of a job; {@code subtasks} is its parallelism as far as samples show it. */
    public record VertexRef(String id, String name, int subtasks) {
        @Override
        public String toString() {
            return name;
        }
    }

    public String clusterOf(JobId id) {
        return jobs.find(id).map(Job::clusterId).orElse(io.streamdesk.service.port.ClusterConnection.DEFAULT_CLUSTER_ID);
    }

    /** What the pages need to explain an empty chart. */
    public record JobMonitoringState(boolean everRan, boolean running, Instant clusterUnreachableSince) {
    }

    public JobMonitoringState state(JobId id) {
        Job job = jobs.find(id).orElseThrow(() -> new InputRejectedException("No job with ID " + id + "."));
        boolean everRan = job.runInstance() > 0 || !runs.listRuns(id).isEmpty();
        Instant unreachable = sampler.unreachableSince(job.clusterId()).orElse(null);
        return new JobMonitoringState(everRan, job.status() == JobStatus.RUNNING, unreachable);
    }

    /** R5: the job's page on the cluster's own web dashboard. */
    public String dashboardUrl(JobId id) {
        Job job = jobs.find(id).orElseThrow(() -> new InputRejectedException("No job with ID " + id + "."));
        String restUrl;
        try {
            restUrl = clusters.currentGateway(job.clusterId()).restUrl();
        } catch (ClusterUnreachableException e) {
            throw new OperationFailedException("The cluster is not running, so its dashboard cannot open.",
                    "Start the cluster (run the job) and try again.", e);
        }
        if (job.flinkJobId() == null) {
            return restUrl + "/#/overview";
        }
        String state = job.status() == JobStatus.RUNNING ? "running" : "completed";
        return restUrl + "/#/job/" + state + "/" + job.flinkJobId() + "/overview";
    }

    public Optional<Instant> clusterUnreachableSince(String clusterId) {
        return sampler.unreachableSince(clusterId);
    }
}
