package io.streamdesk.flink.sql;

import io.streamdesk.service.port.JobGraphCompiler;
import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.service.port.SqlSubmitter;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.runtime.OperatorIDPair;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.delegation.Executor;
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

import java.lang.reflect.Field;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link SqlSubmitter} with the bundled planner: the script is compiled in the app and its INSERTs are submitted
 * as one job to the cluster's REST address ({@code execution.target=remote}), the same path for the local child
 * and for remote session clusters.
 */
public final class FlinkSqlSubmitter implements SqlSubmitter, JobGraphCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkSqlSubmitter.class);

    /** A well-formed address that compile never connects to. */
    private static final String COMPILE_ONLY_URL = "http://127.0.0.1:1";

    private final SqlStatementSplitter splitter = new SqlStatementSplitter();

    public FlinkSqlSubmitter() {
    }

    @Override
    public String submit(String restUrl, String jobName, String script, String restoreFrom) {
        return submit(restUrl, jobName, script, restoreFrom, Map.of());
    }

    @Override
    public String submit(String restUrl, String jobName, String script, String restoreFrom,
                         Map<String, String> jobConfiguration) {
        Prepared prepared = prepare(restUrl, jobName, script, restoreFrom, jobConfiguration);
        TableEnvironment tEnv = prepared.tEnv();
        List<ModifyOperation> inserts = prepared.inserts();
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

    /** The table environment of a job with its catalog statements applied, and its INSERTs. */
    private record Prepared(TableEnvironment tEnv, List<ModifyOperation> inserts) {
    }

    private Prepared prepare(String restUrl, String jobName, String script, String restoreFrom,
                             Map<String, String> jobConfiguration) {
        TableEnvironment tEnv;
        try {
            Configuration config = configuration(restUrl, jobName, restoreFrom, jobConfiguration);
            EnvironmentSettings.Builder settings = EnvironmentSettings.newInstance();
            if (config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH) {
                settings.inBatchMode();
            } else {
                settings.inStreamingMode();
            }
            tEnv = TableEnvironment.create(settings.withConfiguration(config).build());
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
                String refusal = FlinkOperations.refusal(operation);
                if (refusal != null) {
                    // a version published before the check refused it: the same words as the check, never Flink's mismatch
                    throw new SqlSubmitException("Statement at line " + statement.line() + ": " + refusal, null);
                }
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
        return new Prepared(tEnv, inserts);
    }

    /**
     * The job graph the submit would produce, without submitting: the same environment and translation as
     * {@link #submit}, so operator IDs match what the cluster gets.
     */
    @Override
    public CompiledJob compile(String script, Map<String, String> jobConfiguration) {
        Prepared prepared = prepare(COMPILE_ONLY_URL, "compile", script, null, jobConfiguration);
        try {
            TableEnvironmentImpl impl = (TableEnvironmentImpl) prepared.tEnv();
            List<Transformation<?>> transformations = impl.getPlanner().translate(prepared.inserts());
            Executor executor = executorOf(impl);
            Pipeline pipeline = executor.createPipeline(transformations, impl.getConfig().getConfiguration(), "compile");
            JobGraph graph = ((StreamGraph) pipeline).getJobGraph(FlinkSqlSubmitter.class.getClassLoader(), null);
            int defaultParallelism = Math.max(1, impl.getConfig().getConfiguration().get(CoreOptions.DEFAULT_PARALLELISM));
            List<CompiledOperator> operators = new ArrayList<>();
            for (JobVertex vertex : graph.getVerticesSortedTopologicallyFromSources()) {
                int parallelism = vertex.getParallelism() > 0 ? vertex.getParallelism() : defaultParallelism;
                for (OperatorIDPair pair : vertex.getOperatorIDs()) {
                    operators.add(new CompiledOperator(pair.getGeneratedOperatorID().toHexString(),
                            pair.getUserDefinedOperatorID().map(OperatorID::toHexString).orElse(null),
                            vertex.getName(), parallelism, vertex.getMaxParallelism()));
                }
            }
            return new CompiledJob(operators);
        } catch (RuntimeException | ReflectiveOperationException e) {
            throw failure("Compiling the job graph failed: ", e);
        }
    }

    /** The table environment's executor: the same object {@code executeInternal} builds the pipeline with. */
    private static Executor executorOf(TableEnvironmentImpl impl) throws ReflectiveOperationException {
        Field field = TableEnvironmentImpl.class.getDeclaredField("execEnv");
        field.setAccessible(true);
        return (Executor) field.get(impl);
    }

    static Configuration configuration(String restUrl, String jobName, String restoreFrom) {
        return configuration(restUrl, jobName, restoreFrom, Map.of());
    }

    /** The job's own configuration first; the keys that make this a remote submission always win. */
    static Configuration configuration(String restUrl, String jobName, String restoreFrom,
                                       Map<String, String> jobConfiguration) {
        URI uri = URI.create(restUrl);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("Not a REST address with host and port: " + restUrl);
        }
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        config.addAll(Configuration.fromMap(jobConfiguration));
        config.set(DeploymentOptions.TARGET, "remote");
        config.set(RestOptions.ADDRESS, uri.getHost());
        config.set(RestOptions.PORT, uri.getPort());
        config.set(PipelineOptions.NAME, jobName);
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
