package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.CheckpointReader.CheckpointSummary;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.SeriesReader;
import io.streamdesk.service.port.SeriesReader.Point;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the EV2 rules: {@link #pollStates()} watches each running job's Flink state and checkpoint counters
 * (often, so that a RESTARTING between two restarts is seen); {@link #checkMetrics()} runs the metric rules over
 * the last window of stored samples (every 5 minutes in the app). Every finding goes through the
 * {@link EventRecorder} (dedup, clearing).
 */
public final class EventDetector implements EventDetection {
    public static final Duration METRIC_WINDOW = Duration.ofMinutes(5);

    private final JobStore jobs;
    private final ClusterService clusters;
    private final SeriesReader series;
    private final EventRecorder recorder;
    private final EventStore events;
    private final Clock clock;
    private final Map<JobId, Watch> watches = new ConcurrentHashMap<>();

    private final JobStateRule stateRule = new JobStateRule();
    private final CheckpointRule checkpointRule = new CheckpointRule();
    private final TaskManagerCpuRule tmCpu = new TaskManagerCpuRule();
    private final JobManagerCpuRule jmCpu = new JobManagerCpuRule();
    private final FullGcRule tmGc = FullGcRule.taskManagers();
    private final FullGcRule jmGc = FullGcRule.jobManager();
    private final BackpressureRule backpressure = new BackpressureRule();

    /** What the detector saw last of one job run. */
    private static final class Watch {
        final int runInstance;
        String state;
        CheckpointRule.Counts counts;
        boolean failureOpen;
        boolean checkpointFailureOpen;

        Watch(int runInstance) {
            this.runInstance = runInstance;
        }
    }

    public EventDetector(JobStore jobs, ClusterService clusters, SeriesReader series, EventRecorder recorder,
                         EventStore events, Clock clock) {
        this.jobs = jobs;
        this.clusters = clusters;
        this.series = series;
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public synchronized void pollStates() {
        for (Job job : jobs.list()) {
            if (job.status() != JobStatus.RUNNING || job.flinkJobId() == null) {
                watches.remove(job.id());
                continue;
            }
            try {
                pollOne(job);
            } catch (RuntimeException e) {
                // unreachable clusters are reported by the cluster events; try again next time
            }
        }
    }

    private void pollOne(Job job) {
        Watch watch = watches.compute(job.id(), (id, w) -> w == null || w.runInstance != job.runInstance()
                ? newWatch(job) : w);
        ClusterGateway gateway = clusters.currentGateway(job.clusterId());
        Optional<FlinkJobSummary> summary = gateway.job(job.flinkJobId());
        if (summary.isEmpty()) {
            return;
        }
        String state = summary.get().state();
        String cause = null;
        if (!"RUNNING".equals(state) && !state.equals(watch.state) && "RUNNING".equals(watch.state)) {
            cause = safe(() -> gateway.jobDetails(job.flinkJobId()).failureCause());
        }
        Optional<Finding> stateFinding = stateRule.evaluate(watch.state, state, watch.failureOpen, cause);
        watch.state = state;
        stateFinding.ifPresent(f -> {
            watch.failureOpen = f.kind() == EventKind.JOB_FAILED;
            recorder.record(job.id(), watch.runInstance, f, clock.instant());
        });
        if (summary.get().isTerminal()) {
            return;
        }
        CheckpointSummary cp = gateway.checkpoints(job.flinkJobId());
        String failure = null;
        if (watch.counts != null && cp.failed() > watch.counts.failed()) {
            failure = safe(() -> gateway.latestCheckpointFailure(job.flinkJobId()));
        }
        CheckpointRule.Counts now = new CheckpointRule.Counts(cp.completed(), cp.failed(), failure);
        for (Finding f : checkpointRule.evaluate(watch.counts, now, watch.checkpointFailureOpen)) {
            watch.checkpointFailureOpen = f.kind() == EventKind.CHECKPOINT_FAILED;
            recorder.record(job.id(), watch.runInstance, f, clock.instant());
        }
        watch.counts = now;
    }

    /**
     * A new run starts with the open failures the store still holds (the app may have restarted). A checkpoint
     * failure of an earlier run stays open too: the user fixes such a job by running a new version, and the first
     * checkpoint that completes in the new run clears it (EV2 "cleared by the next COMPLETED").
     */
    private Watch newWatch(Job job) {
        Watch w = new Watch(job.runInstance());
        List<io.streamdesk.model.JobEvent> open = events.listForJob(job.id(), 200).stream()
                .filter(e -> e.runInstance() <= job.runInstance() && !e.cleared()).toList();
        w.failureOpen = open.stream().anyMatch(e -> e.kind() == EventKind.JOB_FAILED && e.runInstance() == job.runInstance());
        w.checkpointFailureOpen = open.stream().anyMatch(e -> e.kind() == EventKind.CHECKPOINT_FAILED); // this or an earlier run
        return w;
    }

    @Override
    public synchronized void checkMetrics() {
        Instant now = clock.instant();
        for (Job job : jobs.list()) {
            if (job.status() != JobStatus.RUNNING || job.flinkJobId() == null) {
                continue;
            }
            try {
                for (Finding f : metricFindings(job, now)) {
                    recorder.record(job.id(), job.runInstance(), f, now);
                }
            } catch (RuntimeException e) {
                // no samples or an unreachable cluster: nothing to say this round
            }
        }
    }

    /** The metric rules over the window that ends at {@code now}. */
    List<Finding> metricFindings(Job job, Instant now) {
        Instant from = now.minus(METRIC_WINDOW);
        List<Finding> found = new ArrayList<>();
        tmCpu.evaluate(series.read(job.id(), MetricNames.TM_CPU_LOAD, from, now)).ifPresent(found::add);
        jmCpu.evaluate(series.read(job.id(), MetricNames.JM_CPU_LOAD, from, now)).ifPresent(found::add);
        tmGc.evaluate(series.read(job.id(), MetricNames.TM_OLD_GC_TIME, from, now), METRIC_WINDOW).ifPresent(found::add);
        jmGc.evaluate(series.read(job.id(), MetricNames.JM_OLD_GC_TIME, from, now), METRIC_WINDOW).ifPresent(found::add);
        List<Point> bp = series.read(job.id(), MetricNames.TASK_BACKPRESSURED_TIME, from, now);
        if (!bp.isEmpty()) {
            Map<String, List<Point>> bpByVertex = Series.bySubject(bp);
            Map<String, List<Point>> busyByVertex = Series.bySubject(series.read(job.id(), MetricNames.TASK_BUSY_TIME, from, now));
            List<ClusterGateway.Vertex> order = clusters.currentGateway(job.clusterId()).vertices(job.flinkJobId());
            List<BackpressureRule.VertexLoad> loads = new ArrayList<>();
            for (ClusterGateway.Vertex v : order) {
                loads.add(new BackpressureRule.VertexLoad(v.id(), v.name(),
                        Series.mean(bpByVertex.getOrDefault(v.id(), List.of())) / 1000.0,
                        Series.mean(busyByVertex.getOrDefault(v.id(), List.of())) / 1000.0));
            }
            backpressure.evaluate(loads).ifPresent(found::add);
        }
        return found;
    }

    private interface Call {
        String get();
    }

    private static String safe(Call call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
