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
     * {@code GET /taskmanagers}: slots, cores and physical memory of the TaskManagers, from which a cluster without
     * fine-grained resources declares its CU capacity (P5). The default knows only the slots (memory unknown, -1).
     */
    default TaskManagerResources taskManagerResources() {
        ClusterOverview o = overview();
        return new TaskManagerResources(o.taskManagers(), o.slotsTotal(), o.slotsAvailable(), -1, -1L);
    }

    /** Sums over the TaskManagers; {@code cpuCores} and {@code physicalMemoryBytes} are -1 when unknown. */
    record TaskManagerResources(int taskManagers, int slotsTotal, int slotsAvailable, int cpuCores,
                                long physicalMemoryBytes) {
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
