package io.streamdesk.service.port;

import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.service.port.JobGraphCompiler.CompiledJob;
import io.streamdesk.service.port.JobGraphStore.StoredJobGraph;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Compiles the job graph a version keeps (at publish, with the planner) and submits a kept graph (at the run,
 * without it): the run path of a published version loads no planner class.
 */
public interface StoredGraphSubmitter {

    /**
     * The serialized JobGraph the submit would send for the script, without restore settings (the run sets them).
     *
     * @throws SqlSubmitException when the script does not compile
     */
    byte[] compile(String jobName, String script, Map<String, String> configuration, SqlContext context);

    /**
     * Submits a kept graph under a new Flink job id, with the restore settings {@code configuration} and
     * {@code restoreFrom} give (as the compiling submit derives them), and the job's jars; checks the cluster's Flink
     * version first. Returns the Flink job id once the cluster accepted the job.
     *
     * @throws SqlSubmitException when the cluster refuses it or runs another Flink minor version
     */
    String submit(JobGraphUpload target, StoredJobGraph graph, String restoreFrom, Map<String, String> configuration,
                  List<Path> jars);

    /** The operators of a kept graph (the CU and state checks), read from it without compiling. */
    CompiledJob operators(StoredJobGraph graph, int defaultParallelism);

    /** The Flink version of the planner that {@link #compile} uses. */
    String flinkVersion();
}
