package io.streamdesk.service.port;

import io.streamdesk.model.sql.SqlContext;

/**
 * Compiles a SQL script with the bundled planner and submits its job graph through a cluster's REST API (the same
 * HTTP stack, URL, prefix, TLS and auth as every other call to that cluster: one path to every cluster).
 */
public interface SqlSubmitter {

    /**
     * Submits and returns the Flink job id once the cluster accepted the job.
     *
     * @param target      the cluster's REST API (its gateway)
     * @param restoreFrom savepoint/checkpoint path to restore from, or null for a fresh start
     * @throws SqlSubmitException with a user-facing message when compiling or submitting fails, or when the
     *                            cluster runs another Flink minor version than the bundled planner
     */
    default String submit(JobGraphUpload target, String jobName, String script, String restoreFrom) {
        return submit(target, jobName, script, restoreFrom, java.util.Map.of(), SqlContext.EMPTY);
    }

    /**
     * Submits with the job's Flink configuration (parameters, {@code execution.runtime-mode}, default parallelism,
     * {@code execution.state-recovery.ignore-unclaimed-state}). Implementations that cannot pass configuration
     * submit without it.
     */
    default String submit(JobGraphUpload target, String jobName, String script, String restoreFrom,
                          java.util.Map<String, String> configuration) {
        return submit(target, jobName, script, restoreFrom, configuration, SqlContext.EMPTY);
    }

    /**
     * Submits with the job's configuration and its context: compiled with the job's jars in a class loader of its
     * own, the catalog's tables and the variables' values; the jars are shipped with the job graph.
     */
    String submit(JobGraphUpload target, String jobName, String script, String restoreFrom,
                  java.util.Map<String, String> configuration, SqlContext context);

    /** Loads the planner and the client code paths in the background. */
    void warmUp();
}
