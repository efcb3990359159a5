package io.streamdesk.service.port;

/**
 * Flink's REST API of one cluster (R2), all concerns together: what an adapter for a cluster kind implements. A
 * service asks for the narrowest concern it needs ({@link JobControl}, {@link MetricsReader},
 * {@link CheckpointReader}, {@link LogReader}, {@link ClusterStatusReader}, {@link JobGraphUpload}, {@link JarRunner}); none of them has a method that an
 * adapter may leave "unsupported". Every call has a timeout; a cluster that does not answer raises
 * {@link ClusterUnreachableException}, an answer with an error status raises {@link ClusterCallException}.
 */
public interface ClusterGateway extends ClusterStatusReader, JobControl, MetricsReader, CheckpointReader, LogReader,
        JobGraphUpload, JarRunner {
}
