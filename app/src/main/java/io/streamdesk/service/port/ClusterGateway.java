package io.streamdesk.service.port;

import io.streamdesk.model.FlinkJobSummary;

import java.util.List;
import java.util.Optional;

/**
 * Flink's REST API of one cluster (R2). Every call has a timeout; a cluster that does not answer raises
 * {@link ClusterUnreachableException}, an answer with an error status raises {@link ClusterCallException}.
 */
public interface ClusterGateway {

    /** The REST base URL, e.g. {@code http://127.0.0.1:8081}. */
    String restUrl();

    /** {@code GET /config}: the Flink version the cluster runs. */
    String flinkVersion();

    /** {@code GET /overview}. */
    ClusterOverview overview();

    /** {@code GET /jobs/overview}. */
    List<FlinkJobSummary> jobsOverview();

    /** One job from {@code /jobs/overview}, or empty when the cluster does not know it. */
    default Optional<FlinkJobSummary> job(String flinkJobId) {
        return jobsOverview().stream().filter(j -> j.flinkJobId().equals(flinkJobId)).findFirst();
    }

    /** {@code GET /jobs/:jobid}: state and the failure cause when there is one. */
    FlinkJobDetails jobDetails(String flinkJobId);

    /** {@code POST /jobs/:jobid/stop}: stop with a savepoint into {@code targetDirectory}; returns the request id. */
    String stopWithSavepoint(String flinkJobId, String targetDirectory);

    /** {@code GET /jobs/:jobid/savepoints/:requestid}. */
    SavepointOperation savepointStatus(String flinkJobId, String requestId);

    /** {@code PATCH /jobs/:jobid?mode=cancel}. */
    void cancel(String flinkJobId);

    /** {@code GET /jobs/:jobid/checkpoints}: counts and the latest completed checkpoint. */
    CheckpointSummary checkpoints(String flinkJobId);

    /**
     * {@code GET /taskmanagers}: slots, cores and the TaskManagers' own memory (never the host's RAM), from which a
     * cluster without fine-grained resources declares its capacity (P5). The default knows only the slots (memory
     * unknown, -1).
     */
    default TaskManagerResources taskManagerResources() {
        ClusterOverview o = overview();
        return new TaskManagerResources(o.taskManagers(), o.slotsTotal(), o.slotsAvailable(), -1, -1L);
    }

    /**
     * Sums over the TaskManagers; {@code cpuCores} and {@code memoryBytes} are -1 when unknown. {@code memoryBytes}
     * is the memory Flink gives the TaskManager processes (their configured process size, or for a MiniCluster,
     * whose configuration is unbounded, its JVM heap plus managed memory), not the machine's.
     */
    record TaskManagerResources(int taskManagers, int slotsTotal, int slotsAvailable, int cpuCores,
                                long memoryBytes) {
    }

    /**
     * {@code GET /jobs/:jobid}: the job's state and times with the records its source tasks emitted and its sink tasks
     * received (the vertices' {@code write-records} / {@code read-records}); counts are null when Flink counted none
     * (a job chained into one task exchanges no records between tasks).
     */
    default JobOutcome jobOutcome(String flinkJobId) {
        FlinkJobDetails d = jobDetails(flinkJobId);
        return new JobOutcome(d.state(), d.startTime(), d.endTime(), null, null);
    }

    /**
     * {@code GET /jobs/:jobid/exceptions}: the newest failure, named by its last "Caused by" with the operator it
     * came from; null when the job has none.
     */
    default JobFailure newestFailure(String flinkJobId) {
        String cause = jobDetails(flinkJobId).failureCause();
        return cause == null ? null : new JobFailure(cause, null, null, cause);
    }

    /** Times are epoch ms (end 0 or negative while the job runs). */
    record JobOutcome(String state, long startTime, long endTime, Long recordsRead, Long recordsWritten) {
    }

    /**
     * A job's failure for the user.
     *
     * @param rootCause the innermost cause ("java.io.IOException: Found local file path ..."): what the user can act on
     * @param operator  the task it came from ("Source: src[1] -> Calc[2] (1/2)"), or null when Flink names none
     * @param location  the TaskManager endpoint, or null
     * @param chain     the whole chain of causes, outermost first, one "Caused by" per line (without stack frames)
     */
    record JobFailure(String rootCause, String operator, String location, String chain) {
        /** "Root cause (in operator X)". */
        public String describe() {
            return rootCause + (operator == null ? "" : " (in " + operator + ")");
        }
    }

    /** {@code GET /jobs/:jobid}: the job's vertices (operators) from the sources to the sinks. */
    default List<Vertex> vertices(String flinkJobId) {
        return List.of();
    }

    /** {@code GET /jobs/:jobid/checkpoints}: the failure message of the newest failed checkpoint, or null. */
    default String latestCheckpointFailure(String flinkJobId) {
        return null;
    }

    /** {@code GET} of a plain-text path such as {@code /jobmanager/log} (EV6); the body as text. */
    default String text(String path) {
        throw new ClusterCallException(404, "This cluster adapter cannot read " + path);
    }

    record Vertex(String id, String name) {
    }

    // ---- monitoring (MO1, C1); defaults so that gateways without metrics (test fakes) need not implement them ----

    /** {@code GET /jobs/:jobid}: the job graph's vertices with their inputs (sources have none). */
    default JobPlan jobPlan(String flinkJobId) {
        throw new UnsupportedOperationException("This gateway reads no job plans");
    }

    /** {@code GET /jobs/:jobid/metrics}: the ids of the job-level metrics the cluster has. */
    default List<String> jobMetricIds(String flinkJobId) {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /jobs/:jobid/metrics?get=a,b,c}: numeric values of the asked ids that exist (one request). */
    default java.util.Map<String, Double> jobMetrics(String flinkJobId, java.util.Collection<String> ids) {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /jobs/:jobid/vertices/:vertexid/metrics}: ids such as {@code 0.numRecordsIn} (per subtask). */
    default List<String> vertexMetricIds(String flinkJobId, String vertexId) {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /jobs/:jobid/vertices/:vertexid/metrics?get=...}: values of every subtask in one request. */
    default java.util.Map<String, Double> vertexMetrics(String flinkJobId, String vertexId, java.util.Collection<String> ids) {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /taskmanagers}: ids of the registered TaskManagers. */
    default List<String> taskManagerIds() {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /taskmanagers/:taskmanagerid/metrics}. */
    default List<String> taskManagerMetricIds(String taskManagerId) {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /taskmanagers/:taskmanagerid/metrics?get=...}. */
    default java.util.Map<String, Double> taskManagerMetrics(String taskManagerId, java.util.Collection<String> ids) {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /jobmanager/metrics}. */
    default List<String> jobManagerMetricIds() {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /jobmanager/metrics?get=...}. */
    default java.util.Map<String, Double> jobManagerMetrics(java.util.Collection<String> ids) {
        throw new UnsupportedOperationException("This gateway reads no metrics");
    }

    /** {@code GET /jobs/:jobid/checkpoints}: the history Flink keeps (newest first). */
    default List<CheckpointEntry> checkpointHistory(String flinkJobId) {
        throw new UnsupportedOperationException("This gateway reads no checkpoint history");
    }

    /** {@code POST /jobs/:jobid/savepoints}: a savepoint while the job keeps running; returns the request id. */
    default String triggerSavepoint(String flinkJobId, String targetDirectory) {
        throw new UnsupportedOperationException("This gateway cannot trigger savepoints");
    }

    /** A vertex (task) of a job graph; {@code inputs} are the ids of the vertices feeding it. */
    record PlanVertex(String id, String name, int parallelism, List<String> inputs) {
    }

    record JobPlan(List<PlanVertex> vertices) {
        /** Vertices nothing feeds. */
        public List<PlanVertex> sources() {
            return vertices.stream().filter(v -> v.inputs().isEmpty()).toList();
        }

        /** Vertices that feed nothing. */
        public List<PlanVertex> sinks() {
            java.util.Set<String> feeding = new java.util.HashSet<>();
            vertices.forEach(v -> feeding.addAll(v.inputs()));
            return vertices.stream().filter(v -> !feeding.contains(v.id())).toList();
        }
    }

    /**
     * One entry of Flink's checkpoint history. {@code status} is Flink's (IN_PROGRESS, COMPLETED, FAILED);
     * {@code kind} CHECKPOINT, SAVEPOINT or SYNC_SAVEPOINT; times are epoch ms (0 when unknown).
     */
    record CheckpointEntry(long id, String status, String kind, boolean savepoint, long triggerTimestamp,
                           long latestAckTimestamp, long durationMs, long sizeBytes, String externalPath,
                           boolean discarded, String failureMessage) {
    }

    record ClusterOverview(String flinkVersion, int taskManagers, int slotsTotal, int slotsAvailable,
                           int jobsRunning, int jobsFinished, int jobsCancelled, int jobsFailed) {
    }

    record FlinkJobDetails(String flinkJobId, String name, String state, long startTime, long endTime,
                           int vertexCount, String failureCause) {
    }

    /** {@code status} is IN_PROGRESS or COMPLETED; a completed one has either a location or a failure. */
    record SavepointOperation(String status, String location, String failureCause) {
        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        public boolean succeeded() {
            return completed() && location != null && failureCause == null;
        }
    }

    record CheckpointSummary(long completed, long failed, long inProgress, String latestCompletedPath,
                             String latestSavepointPath) {
    }
}
