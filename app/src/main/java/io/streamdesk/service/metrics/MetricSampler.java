package io.streamdesk.service.metrics;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.checkpoints.CheckpointTracker;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.CheckpointReader;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.MetricsReader;
import io.streamdesk.service.port.MetricsReader.JobPlan;
import io.streamdesk.service.port.MetricsReader.PlanVertex;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.MetricStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Polls every running job on every reachable cluster through Flink's REST API and stores the samples (MO1). Per job
 * and tick: one {@code ?get=} request for the job's metrics and one per vertex for every subtask's metrics
 * (plus the checkpoint history when the job's checkpoint counts changed); per cluster one for the JobManager and one
 * per TaskManager. Metric ids are discovered once per vertex and cached. A cluster that does not answer is marked
 * unreachable with the time it first failed; the next tick simply tries again.
 */
public final class MetricSampler {
    private static final Logger LOG = LoggerFactory.getLogger(MetricSampler.class);
    /** The TaskManager list is re-read every this many ticks (TaskManagers come and go rarely). */
    private static final int TASK_MANAGER_REFRESH_TICKS = 8;

    private final JobStore jobs;
    private final ClusterService clusters;
    private final MetricStore store;
    private final CheckpointTracker checkpoints;
    private final Clock clock;

    private final Map<String, JobCache> jobCaches = new ConcurrentHashMap<>();
    private final Map<String, ClusterCache> clusterCaches = new ConcurrentHashMap<>();
    private final Map<String, Instant> unreachableSince = new ConcurrentHashMap<>();
    private final Map<String, String> vertexNames = new ConcurrentHashMap<>();
    private long ticks;

    public MetricSampler(JobStore jobs, ClusterService clusters, MetricStore store, CheckpointTracker checkpoints,
                         Clock clock) {
        this.jobs = jobs;
        this.clusters = clusters;
        this.store = store;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** What one tick did. */
    public record TickResult(int jobs, int samples, List<String> unreachableClusters) {
    }

    /** One tick over every cluster that has running jobs; never throws for a cluster that fails. */
    public synchronized TickResult sampleOnce() {
        ticks++;
        Map<String, List<Job>> running = jobs.list().stream()
                .filter(j -> j.status() == JobStatus.RUNNING && j.flinkJobId() != null)
                .collect(Collectors.groupingBy(Job::clusterId, LinkedHashMap::new, Collectors.toList()));
        Set<String> live = new HashSet<>();
        running.values().forEach(list -> list.forEach(j -> live.add(j.flinkJobId())));
        jobCaches.keySet().retainAll(live);

        int jobCount = 0;
        List<MetricSample> samples = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (Map.Entry<String, List<Job>> cluster : running.entrySet()) {
            String clusterId = cluster.getKey();
            try {
                ClusterGateway gateway = clusters.currentGateway(clusterId);
                long now = clock.millis();
                double cpu = sampleCluster(gateway, clusterId, now, samples);
                for (Job job : cluster.getValue()) {
                    try {
                        sampleJob(gateway, gateway, job, now, cpu, samples);
                        jobCount++;
                    } catch (ClusterCallException e) {
                        // the job ended between the job list and this call (404): the reconciler will notice
                        LOG.debug("Sampling {} skipped: {}", job.id(), e.getMessage());
                        jobCaches.remove(job.flinkJobId());
                    }
                }
                if (unreachableSince.remove(clusterId) != null) {
                    LOG.info("Cluster {} answers again; sampling resumed", clusterId);
                }
            } catch (ClusterUnreachableException e) {
                unreachableSince.putIfAbsent(clusterId, clock.instant());
                unreachable.add(clusterId);
                clusterCaches.remove(clusterId);
                LOG.debug("Cluster {} unreachable: {}", clusterId, e.getMessage());
            } catch (ClusterCallException e) {
                LOG.debug("Sampling cluster {} failed: {}", clusterId, e.getMessage());
            }
        }
        store.append(samples);
        return new TickResult(jobCount, samples.size(), unreachable);
    }

    /** Since when the cluster does not answer the sampler, or empty while it does. */
    public Optional<Instant> unreachableSince(String clusterId) {
        return Optional.ofNullable(unreachableSince.get(clusterId));
    }

    /** Vertex names seen in job plans (id to name), for pickers; only vertices of jobs sampled since start. */
    public Optional<String> vertexName(String vertexId) {
        return Optional.ofNullable(vertexNames.get(vertexId));
    }

    // ---------------------------------------------------------------- cluster

    private static final class ClusterCache {
        JvmMetricIds jobManager;
        List<String> taskManagers;
        final Map<String, JvmMetricIds> taskManagerIds = new HashMap<>();
    }

    /** Samples the JobManager and every TaskManager; returns the TaskManagers' mean CPU load (NaN if unknown). */
    private double sampleCluster(MetricsReader gateway, String clusterId, long now, List<MetricSample> out) {
        ClusterCache cache = clusterCaches.computeIfAbsent(clusterId, k -> new ClusterCache());
        if (cache.jobManager == null || cache.jobManager.isEmpty()) {
            cache.jobManager = JvmMetricIds.resolve(gateway.jobManagerMetricIds());
        }
        if (!cache.jobManager.isEmpty()) {
            Map<String, Double> answer = gateway.jobManagerMetrics(cache.jobManager.allIds());
            cache.jobManager.canonical(answer, false).forEach((name, v) ->
                    out.add(new MetricSample(SeriesKey.jobManager(clusterId, name), now, v)));
        }
        if (cache.taskManagers == null || ticks % TASK_MANAGER_REFRESH_TICKS == 0) {
            cache.taskManagers = gateway.taskManagerIds();
            cache.taskManagerIds.keySet().retainAll(cache.taskManagers);
        }
        double cpuSum = 0;
        int cpuCount = 0;
        for (String tm : cache.taskManagers) {
            JvmMetricIds ids = cache.taskManagerIds.get(tm);
            try {
                if (ids == null || ids.isEmpty()) {
                    ids = JvmMetricIds.resolve(gateway.taskManagerMetricIds(tm));
                    cache.taskManagerIds.put(tm, ids);
                }
                if (ids.isEmpty()) {
                    continue;
                }
                Map<MetricName, Double> values = ids.canonical(gateway.taskManagerMetrics(tm, ids.allIds()), true);
                values.forEach((name, v) -> out.add(new MetricSample(SeriesKey.taskManager(clusterId, name, tm), now, v)));
                Double cpu = values.get(MetricName.TM_CPU_LOAD);
                if (cpu != null) {
                    cpuSum += cpu;
                    cpuCount++;
                }
            } catch (ClusterCallException e) {
                cache.taskManagers = null; // the TaskManager left: re-read the list next tick
            }
        }
        return cpuCount == 0 ? Double.NaN : cpuSum / cpuCount;
    }

    // ---------------------------------------------------------------- job

    private static final class JobCache {
        JobPlan plan;
        JobMetricIds jobIds;
        final Map<String, VertexMetricIds> vertexIds = new HashMap<>();
        long ticks;
    }

    /**
     * Flink registers a latency histogram when the first latency marker reaches the operator, after the vertex's
     * ids were listed: a sink vertex without latency ids is listed again on the run's 4th and 8th tick, then every
     * {@code LATENCY_REDISCOVERY_TICKS} ticks (one request in 40 ticks on average, within the 2 + vertices budget).
     */
    static final int LATENCY_REDISCOVERY_TICKS = 40;

    private void sampleJob(MetricsReader gateway, CheckpointReader checkpointHistory, Job job, long now, double cpu,
                           List<MetricSample> out) {
        JobCache cache = jobCaches.computeIfAbsent(job.flinkJobId(), k -> new JobCache());
        String fid = job.flinkJobId();
        if (cache.plan == null) {
            cache.plan = gateway.jobPlan(fid);
            cache.plan.vertices().forEach(v -> vertexNames.put(v.id(), v.name()));
        }
        if (cache.jobIds == null || cache.jobIds.isEmpty()) {
            cache.jobIds = JobMetricIds.resolve(gateway.jobMetricIds(fid));
        }
        Map<MetricName, Double> jobValues = cache.jobIds.isEmpty() ? Map.of()
                : cache.jobIds.canonical(gateway.jobMetrics(fid, cache.jobIds.allIds()));
        jobValues.forEach((name, v) -> out.add(new MetricSample(SeriesKey.job(job.id(), name), now, v)));

        JobTotals totals = new JobTotals();
        cache.ticks++;
        Set<String> sources = cache.plan.sources().stream().map(PlanVertex::id).collect(Collectors.toSet());
        Set<String> sinks = cache.plan.sinks().stream().map(PlanVertex::id).collect(Collectors.toSet());
        for (PlanVertex vertex : cache.plan.vertices()) {
            VertexMetricIds ids = cache.vertexIds.get(vertex.id());
            boolean latencyMayHaveAppeared = ids != null && !ids.hasLatency() && sinks.contains(vertex.id())
                    && (cache.ticks == 4 || cache.ticks == 8 || cache.ticks % LATENCY_REDISCOVERY_TICKS == 0);
            if (ids == null || ids.isEmpty() || latencyMayHaveAppeared) {
                ids = VertexMetricIds.resolve(gateway.vertexMetricIds(fid, vertex.id()), vertex.parallelism());
                cache.vertexIds.put(vertex.id(), ids);
            }
            if (ids.isEmpty()) {
                continue; // Flink has not fetched this vertex's metrics yet
            }
            Map<String, Double> answer = gateway.vertexMetrics(fid, vertex.id(), ids.allIds());
            VertexSample.of(job.id(), vertex.id(), ids, answer, sources.contains(vertex.id()), now)
                    .addTo(out, totals, sources.contains(vertex.id()), sinks.contains(vertex.id()));
        }
        totals.addTo(job.id(), now, cpu, out);
        try {
            checkpoints.onJobSampled(checkpointHistory, job, jobValues);
        } catch (ClusterUnreachableException e) {
            throw e;
        } catch (RuntimeException e) {
            // the checkpoint list is retried next tick; it must not cost the metric samples of this one
            LOG.debug("Copying the checkpoint history of {} failed: {}", job.id(), e.toString());
        }
    }
}
