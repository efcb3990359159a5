package io.streamdesk.flink.sql;

import io.streamdesk.flink.local.FlinkVersions;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.model.sql.VariableSubstitution;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JobGraphCompiler;
import io.streamdesk.service.port.JobGraphUpload;
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
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link SqlSubmitter} with the bundled planner: the script is compiled in the app into one job graph of its
 * INSERTs, which is uploaded through the cluster's own REST client ({@link JobGraphUpload}): the same path, URL
 * prefix, TLS and auth for the local child and for remote session clusters.
 */
public final class FlinkSqlSubmitter implements SqlSubmitter, JobGraphCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkSqlSubmitter.class);

    private final SqlStatementSplitter splitter = new SqlStatementSplitter();

    public FlinkSqlSubmitter() {
    }

    /**
     * Checks the cluster's Flink version against the bundled planner's, compiles the job graph in the app (restore
     * settings, job name and the job's configuration in it) and uploads it through {@code target}: the same HTTP
     * stack, URL, prefix, TLS and auth as every other call to that cluster.
     */
    @Override
    public String submit(JobGraphUpload target, String jobName, String script, String restoreFrom,
                         Map<String, String> jobConfiguration, SqlContext context) {
        String restUrl = target.restUrl();
        long t0 = System.nanoTime();
        // compiled first: a script error is told without the cluster; the version is checked before the upload
        byte[] graph = serialize(jobGraph(jobName, script, restoreFrom, jobConfiguration, context));
        ClusterVersionCheck.check(target);
        long compiled = System.nanoTime();
        try {
            String jobId = target.submitJobGraph(graph, context.jars());
            LOG.info("Submitted job '{}' as {} to {} (compiled in {} ms, {} KB graph and {} jar(s) uploaded in {} ms){}",
                    jobName, jobId, restUrl, (compiled - t0) / 1_000_000, graph.length >> 10, context.jars().size(),
                    (System.nanoTime() - compiled) / 1_000_000,
                    restoreFrom == null ? "" : " restoring from " + restoreFrom);
            return jobId;
        } catch (ClusterCallException | ClusterUnreachableException e) {
            throw new SqlSubmitException("Submitting the job to " + restUrl + " failed: " + e.getMessage(), e);
        }
    }

    /** The job graph Flink's own client would submit for the script: the same translation and settings. */
    JobGraph jobGraph(String jobName, String script, String restoreFrom, Map<String, String> jobConfiguration) {
        return jobGraph(jobName, script, restoreFrom, jobConfiguration, SqlContext.EMPTY);
    }

    JobGraph jobGraph(String jobName, String script, String restoreFrom, Map<String, String> jobConfiguration,
                      SqlContext context) {
        Prepared prepared = prepare(jobName, script, restoreFrom, jobConfiguration, context);
        try {
            TableEnvironmentImpl impl = (TableEnvironmentImpl) prepared.tEnv();
            List<Transformation<?>> transformations = impl.getPlanner().translate(prepared.inserts());
            Pipeline pipeline = executorOf(impl).createPipeline(transformations, impl.getConfig().getConfiguration(), jobName);
            // as the session executor does: job id, restore settings (savepoint path, ignore-unclaimed-state)
            StreamGraph streamGraph = PipelineExecutorUtils.getStreamGraph(pipeline, prepared.configuration());
            streamGraph.setJobName(jobName);
            streamGraph.setSavepointRestoreSettings(SavepointRestoreSettings.fromConfiguration(prepared.configuration()));
            JobGraph graph = streamGraph.getJobGraph(JobTableEnvironments.classLoader(context), streamGraph.getJobID());
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.fromConfiguration(prepared.configuration()));
            // the user jars, as Flink's client lists them (pipeline.jars); the upload ships the files themselves
            for (java.nio.file.Path jar : context.jars()) {
                graph.addJar(new org.apache.flink.core.fs.Path(jar.toAbsolutePath().toUri()));
            }
            return graph;
        } catch (SqlSubmitException e) {
            throw e;
        } catch (Exception e) {
            throw failure("Compiling the job graph failed: ", e);
        }
    }

    private static byte[] serialize(JobGraph graph) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(graph);
        } catch (java.io.IOException e) {
            throw failure("Serializing the job graph failed: ", e);
        }
        return bytes.toByteArray();
    }

    /** The table environment of a job with its catalog statements applied, and its INSERTs. */
    private record Prepared(TableEnvironment tEnv, List<ModifyOperation> inserts, Configuration configuration) {
    }

    private Prepared prepare(String jobName, String script, String restoreFrom, Map<String, String> jobConfiguration,
                             SqlContext context) {
        VariableSubstitution.Result substituted = VariableSubstitution.apply(script, context.variables());
        if (!substituted.problems().isEmpty()) {
            io.streamdesk.model.SqlProblem first = substituted.problems().get(0);
            throw new SqlSubmitException("Line " + first.line() + ", column " + first.column() + ": " + first.message(), null);
        }
        TableEnvironment tEnv;
        Configuration config;
        try {
            config = configuration(jobName, restoreFrom, jobConfiguration);
            EnvironmentSettings.Builder settings = EnvironmentSettings.newInstance();
            if (config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH) {
                settings.inBatchMode();
            } else {
                settings.inStreamingMode();
            }
            tEnv = JobTableEnvironments.create(settings.withConfiguration(config), context);
        } catch (IllegalArgumentException e) {
            throw new SqlSubmitException(e.getMessage(), e);
        }
        List<ModifyOperation> inserts = new ArrayList<>();
        for (SqlStatement statement : splitter.split(substituted.text())) {
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
        return new Prepared(tEnv, inserts, config);
    }

    /**
     * The job graph the submit would produce, without submitting: the same environment and translation as
     * {@link #submit}, so operator IDs match what the cluster gets.
     */
    @Override
    public CompiledJob compile(String script, Map<String, String> jobConfiguration, SqlContext context) {
        Prepared prepared = prepare("compile", script, null, jobConfiguration, context);
        try {
            TableEnvironmentImpl impl = (TableEnvironmentImpl) prepared.tEnv();
            List<Transformation<?>> transformations = impl.getPlanner().translate(prepared.inserts());
            Executor executor = executorOf(impl);
            Pipeline pipeline = executor.createPipeline(transformations, impl.getConfig().getConfiguration(), "compile");
            JobGraph graph = ((StreamGraph) pipeline).getJobGraph(JobTableEnvironments.classLoader(context), null);
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

    static Configuration configuration(String jobName, String restoreFrom) {
        return configuration(jobName, restoreFrom, Map.of());
    }

    /** The job's own configuration first; the job name and the restore path always win. */
    static Configuration configuration(String jobName, String restoreFrom, Map<String, String> jobConfiguration) {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        config.addAll(Configuration.fromMap(jobConfiguration));
        config.set(PipelineOptions.NAME, jobName);
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
