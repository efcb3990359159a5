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
    String submitJobGraph(byte[] serializedJobGraph);

    /** A job graph of SQL is far smaller; anything bigger is refused before it is sent. */
    int MAX_JOB_GRAPH_BYTES = 64 * 1024 * 1024;
}
