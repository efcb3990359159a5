package io.streamdesk.service.port;

import io.streamdesk.model.FlinkJobSummary;

import java.util.List;
import java.util.Optional;

/**
 * The jobs of one cluster, as a run, a stop or a savepoint needs them (J4, J5, C2): what runs, one job's details,
 * stop with a savepoint, a savepoint while it runs, cancel. Errors as {@link ClusterStatusReader} says.
 */
public interface JobControl {

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

    /** {@code POST /jobs/:jobid/savepoints}: a savepoint while the job keeps running; returns the request id. */
    String triggerSavepoint(String flinkJobId, String targetDirectory);

    /** {@code GET /jobs/:jobid/savepoints/:requestid}: the state of a stop-with-savepoint or a savepoint. */
    SavepointOperation savepointStatus(String flinkJobId, String requestId);

    /** {@code PATCH /jobs/:jobid?mode=cancel}. */
    void cancel(String flinkJobId);

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
}
