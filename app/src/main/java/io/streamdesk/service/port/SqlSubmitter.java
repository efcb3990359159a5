package io.streamdesk.service.port;

/** Compiles a SQL script with the bundled planner and submits it to a cluster's REST address. */
public interface SqlSubmitter {

    /**
     * Submits and returns the Flink job id once the cluster accepted the job.
     *
     * @param restoreFrom savepoint/checkpoint path to restore from, or null for a fresh start
     * @throws SqlSubmitException with a user-facing message when compiling or submitting fails
     */
    String submit(String restUrl, String jobName, String script, String restoreFrom);

    /**
     * Submits with the job's Flink configuration (parameters, {@code execution.runtime-mode}, default parallelism,
     * {@code execution.state-recovery.ignore-unclaimed-state}). Implementations that cannot pass configuration
     * submit without it.
     */
    default String submit(String restUrl, String jobName, String script, String restoreFrom,
                          java.util.Map<String, String> configuration) {
        return submit(restUrl, jobName, script, restoreFrom);
    }

    /** Loads the planner and the client code paths in the background. */
    void warmUp();
}
