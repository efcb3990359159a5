package io.streamdesk.flink.sql;

import io.streamdesk.flink.local.FlinkVersions;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JobGraphCompiler.CompiledJob;
import io.streamdesk.service.port.JobGraphCompiler.CompiledOperator;
import io.streamdesk.service.port.JobGraphStore;
import io.streamdesk.service.port.JobGraphStore.StoredJobGraph;
import io.streamdesk.service.port.JobGraphUpload;
import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.service.port.StoredGraphSubmitter;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.runtime.OperatorIDPair;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link StoredGraphSubmitter} over Flink's runtime: the compile at publish goes to the planner
 * ({@link FlinkSqlSubmitter}, asked for only then); the submit of a kept graph and its operators use flink-runtime
 * classes alone (a JobGraph is plain serialized data: vertex configurations hold the operators as bytes), so the run
 * of a published version never loads the planner.
 */
public final class FlinkStoredGraphs implements StoredGraphSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkStoredGraphs.class);

    private final Supplier<FlinkSqlSubmitter> planner;

    /** @param planner the compiling submitter, asked for only when a version is compiled (at publish) */
    public FlinkStoredGraphs(Supplier<FlinkSqlSubmitter> planner) {
        this.planner = planner;
    }

    @Override
    public byte[] compile(String jobName, String script, Map<String, String> configuration, SqlContext context) {
        JobGraph graph = planner.get().jobGraph(jobName, script, null, configuration, context);
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.none()); // the run sets its own
        return serialize(graph);
    }

    @Override
    public String submit(JobGraphUpload target, StoredJobGraph stored, String restoreFrom,
                         Map<String, String> configuration, List<Path> jars) {
        long t0 = System.nanoTime();
        JobGraph graph = deserialize(stored.graph());
        // a Flink job id names one submission: the cluster refuses one it has seen, even after the job ended
        graph.setJobID(JobID.generate());
        graph.setSavepointRestoreSettings(restoreSettings(restoreFrom, configuration));
        byte[] bytes = serialize(graph);
        ClusterVersionCheck.check(target);
        long prepared = System.nanoTime();
        try {
            String jobId = target.submitJobGraph(bytes, jars);
            LOG.info("Submitted job '{}' as {} to {} from the job graph kept at publish (no compile; prepared in {} ms, "
                            + "{} KB graph and {} jar(s) uploaded in {} ms){}", stored.jobName(), jobId, target.restUrl(),
                    (prepared - t0) / 1_000_000, bytes.length >> 10, jars.size(), (System.nanoTime() - prepared) / 1_000_000,
                    restoreFrom == null ? "" : " restoring from " + restoreFrom);
            return jobId;
        } catch (ClusterCallException | ClusterUnreachableException e) {
            throw new SqlSubmitException("Submitting the job to " + target.restUrl() + " failed: " + e.getMessage(), e);
        }
    }

    /** As the compiling submit derives them: the job's configuration, then the restore path, which wins. */
    static SavepointRestoreSettings restoreSettings(String restoreFrom, Map<String, String> configuration) {
        Configuration config = Configuration.fromMap(configuration);
        if (restoreFrom != null && !restoreFrom.isBlank()) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
        }
        return SavepointRestoreSettings.fromConfiguration(config);
    }

    @Override
    public CompiledJob operators(StoredJobGraph stored, int defaultParallelism) {
        JobGraph graph = deserialize(stored.graph());
        List<CompiledOperator> operators = new ArrayList<>();
        for (JobVertex vertex : graph.getVerticesSortedTopologicallyFromSources()) {
            int parallelism = vertex.getParallelism() > 0 ? vertex.getParallelism() : Math.max(1, defaultParallelism);
            for (OperatorIDPair pair : vertex.getOperatorIDs()) {
                operators.add(new CompiledOperator(pair.getGeneratedOperatorID().toHexString(),
                        pair.getUserDefinedOperatorID().map(OperatorID::toHexString).orElse(null),
                        vertex.getName(), parallelism, vertex.getMaxParallelism()));
            }
        }
        return new CompiledJob(operators);
    }

    @Override
    public String flinkVersion() {
        return FlinkVersions.bundled();
    }

    static byte[] serialize(JobGraph graph) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(graph);
        } catch (IOException e) {
            throw new SqlSubmitException("Serializing the job graph failed: " + e.getMessage(), e);
        }
        if (bytes.size() > JobGraphStore.MAX_GRAPH_BYTES) {
            throw new SqlSubmitException("The job graph is " + (bytes.size() >> 20) + " MB, more than the "
                    + (JobGraphStore.MAX_GRAPH_BYTES >> 20) + " MB a submission may be.", null);
        }
        return bytes.toByteArray();
    }

    static JobGraph deserialize(byte[] bytes) {
        try (ObjectInputStream in = new AppClassesInput(new ByteArrayInputStream(bytes))) {
            Object read = in.readObject();
            if (!(read instanceof JobGraph graph)) {
                throw new SqlSubmitException("The kept job graph is a " + read.getClass().getName()
                        + ", not a job graph.", null);
            }
            return graph;
        } catch (IOException | ClassNotFoundException e) {
            throw new SqlSubmitException("The kept job graph cannot be read: " + e, e);
        }
    }

    /** Resolves classes with the app's class loader (the one Flink's runtime classes come from). */
    private static final class AppClassesInput extends ObjectInputStream {
        AppClassesInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            return Class.forName(desc.getName(), false, JobGraph.class.getClassLoader());
        }
    }
}
