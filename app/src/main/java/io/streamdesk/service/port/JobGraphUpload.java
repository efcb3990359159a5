package io.streamdesk.service.port;

/**
 * Where a compiled job goes (J5): the cluster's REST API, through the same URL, path prefix, TLS and auth as every
 * other call to it (R2). Errors as {@link ClusterStatusReader} says.
 */
public interface JobGraphUpload {

    /** The REST base URL, e.g. {@code https://proxy.example.com/flink}. */
    String restUrl();

    /** {@code GET /config}: the Flink version the cluster runs (checked before a submission). */
    String flinkVersion();

    /**
     * {@code POST /jobs} as multipart/form-data: the Java-serialized job graph and no jars or artifacts, as Flink's
     * own REST client sends it. Returns the Flink job id once the cluster accepted the job.
     *
     * @param serializedJobGraph the JobGraph as {@code ObjectOutputStream} wrote it; at most
     *                           {@link #MAX_JOB_GRAPH_BYTES}
     */
    default String submitJobGraph(byte[] serializedJobGraph) {
        return submitJobGraph(serializedJobGraph, java.util.List.of());
    }

    /**
     * {@code POST /jobs} with the job's jars (its connectors and UDFs, DP4) as parts next to the job graph, named in
     * the request's {@code jobJarFileNames}: the cluster puts them on the job's user-code class path.
     */
    String submitJobGraph(byte[] serializedJobGraph, java.util.List<java.nio.file.Path> jars);

    /** A job graph of SQL is far smaller; anything bigger is refused before it is sent. */
    int MAX_JOB_GRAPH_BYTES = 64 * 1024 * 1024;
}
