package io.streamdesk.flink.sql;

import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.service.port.SqlSubmitter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SqlSubmitter} with the bundled planner: the script is compiled in the app and its INSERTs are submitted
 * as one job to the cluster's REST address ({@code execution.target=remote}), the same path for the local child
 * and for remote session clusters.
 */
public final class FlinkSqlSubmitter implements SqlSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkSqlSubmitter.class);

    private final SqlStatementSplitter splitter = new SqlStatementSplitter();

    public FlinkSqlSubmitter() {
    }

    @Override
    public String submit(String restUrl, String jobName, String script, String restoreFrom) {
        TableEnvironment tEnv;
        try {
            tEnv = TableEnvironment.create(EnvironmentSettings.newInstance()
                    .inStreamingMode()
                    .withConfiguration(configuration(restUrl, jobName, restoreFrom))
                    .build());
        } catch (IllegalArgumentException e) {
            throw new SqlSubmitException(e.getMessage(), e);
        }
        List<ModifyOperation> inserts = new ArrayList<>();
        for (SqlStatement statement : splitter.split(script)) {
            List<Operation> operations;
            try {
                operations = FlinkOperations.parse(tEnv, statement.text());
            } catch (RuntimeException e) {
                throw failure("Statement at line " + statement.line() + " is not valid: ", e);
            }
            for (Operation operation : operations) {
                List<ModifyOperation> modifications = FlinkOperations.inserts(operation);
                if (!modifications.isEmpty()) {
                    inserts.addAll(modifications);
                } else if (operation instanceof QueryOperation) {
                    throw new SqlSubmitException("The statement at line " + statement.line()
                            + " is a query without a sink; a job writes with INSERT INTO", null);
                } else {
                    try {
                        FlinkOperations.apply(tEnv, operation);
                    } catch (RuntimeException e) {
                        throw failure("Statement at line " + statement.line() + " failed: ", e);
                    }
                }
            }
        }
        if (inserts.isEmpty()) {
            throw new SqlSubmitException("The script has no INSERT statement: a job needs at least one INSERT INTO", null);
        }
        try {
            long t0 = System.nanoTime();
            TableResult result = ((TableEnvironmentInternal) tEnv).executeInternal(inserts);
            JobClient client = result.getJobClient()
                    .orElseThrow(() -> new IllegalStateException("Flink returned no job for the INSERT statements"));
            String jobId = client.getJobID().toHexString();
            LOG.info("Submitted job '{}' as {} to {} in {} ms{}", jobName, jobId, restUrl,
                    (System.nanoTime() - t0) / 1_000_000, restoreFrom == null ? "" : " restoring from " + restoreFrom);
            return jobId;
        } catch (RuntimeException e) {
            throw failure("Submitting the job to " + restUrl + " failed: ", e);
        }
    }

    static Configuration configuration(String restUrl, String jobName, String restoreFrom) {
        URI uri = URI.create(restUrl);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("Not a REST address with host and port: " + restUrl);
        }
        Configuration config = new Configuration();
        config.set(DeploymentOptions.TARGET, "remote");
        config.set(RestOptions.ADDRESS, uri.getHost());
        config.set(RestOptions.PORT, uri.getPort());
        config.set(PipelineOptions.NAME, jobName);
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        // Return once the cluster accepted the job instead of waiting for a streaming job to end.
        config.set(DeploymentOptions.ATTACHED, false);
        if (restoreFrom != null && !restoreFrom.isBlank()) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
        }
        return config;
    }

    @Override
    public void warmUp() {
        long t0 = System.nanoTime();
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode().build());
        FlinkOperations.parse(tEnv, "SELECT 1");
        LOG.info("SQL submitter warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** The root cause's message is what the user can act on (a missing connector, a refused connection). */
    private static SqlSubmitException failure(String prefix, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        if (root != e && e.getMessage() != null && !e.getMessage().contains(message)) {
            message = e.getMessage().strip() + " (cause: " + message.strip() + ")";
        }
        return new SqlSubmitException(prefix + abbreviate(message), e);
    }

    private static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + " ...";
    }
}
