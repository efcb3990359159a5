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

    /** Loads the planner and the client code paths in the background. */
    void warmUp();
}
