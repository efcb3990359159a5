package io.streamdesk.service.port;

/**
 * What a cluster is and what it has: its address, its Flink version, its counts and its TaskManagers' resources
 * (R2, P5). Every call has a timeout; a cluster that does not answer raises {@link ClusterUnreachableException}, an
 * answer with an error status raises {@link ClusterCallException}.
 */
public interface ClusterStatusReader {

    /** The REST base URL, e.g. {@code http://127.0.0.1:8081}. */
    String restUrl();

    /** {@code GET /config}: the Flink version the cluster runs. */
    String flinkVersion();

    /** {@code GET /overview}. */
    ClusterOverview overview();

    /**
     * {@code GET /taskmanagers}: slots, cores and the TaskManagers' own memory (never the host's RAM), from which a
     * cluster without fine-grained resources declares its capacity (P5).
     */
    TaskManagerResources taskManagerResources();

    record ClusterOverview(String flinkVersion, int taskManagers, int slotsTotal, int slotsAvailable,
                           int jobsRunning, int jobsFinished, int jobsCancelled, int jobsFailed) {
    }

    /**
     * Sums over the TaskManagers; {@code cpuCores} and {@code memoryBytes} are -1 when unknown. {@code memoryBytes}
     * is the memory Flink gives the TaskManager processes (their configured process size, or for a MiniCluster,
     * whose configuration is unbounded, its JVM heap plus managed memory), not the machine's.
     */
    record TaskManagerResources(int taskManagers, int slotsTotal, int slotsAvailable, int cpuCores,
                                long memoryBytes) {
    }
}
