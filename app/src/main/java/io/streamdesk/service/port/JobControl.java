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

    /**
     * {@code GET /jobs/:jobid}: the job's state and times with the records its source tasks emitted and its sink tasks
     * received (the vertices' {@code write-records} / {@code read-records}); counts are null when Flink counted none
     * (a job chained into one task exchanges no records between tasks). The default derives it from the details.
     */
    default JobOutcome jobOutcome(String flinkJobId) {
        FlinkJobDetails d = jobDetails(flinkJobId);
        return new JobOutcome(d.state(), d.startTime(), d.endTime(), null, null);
    }

    /**
     * {@code GET /jobs/:jobid/exceptions}: the newest failure, named by its last "Caused by" with the operator it
     * came from; null when the job has none. The default derives it from the details' failure cause.
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
}
