package io.streamdesk.service.port;

import io.streamdesk.model.ClusterState;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The embedded local cluster (R1): a child JVM running Flink's MiniCluster with REST and the dashboard on a free
 * loopback port, its heap and log file under the data directory.
 */
public interface LocalCluster {

    String CLUSTER_ID = "local";

    /** The STARTING detail begins with this when a process attaches to a cluster another process started. */
    String ATTACHING_DETAIL = "Attaching";

    /**
     * Attaches to the cluster of the data directory if one runs (started by this or another StreamDesk process),
     * else starts it; returns at once. Listeners see STARTING then RUNNING or FAILED.
     */
    void start();

    /** Blocks until the cluster answers REST or the timeout passes; returns the state then. */
    ClusterState awaitRunning(Duration timeout);

    ClusterState state();

    /** Gateway to the running child; throws {@link ClusterUnreachableException} when it is not running. */
    ClusterGateway gateway();

    /**
     * Stops the local cluster (callers stop jobs with savepoints before) and waits for it to exit, also when another
     * StreamDesk process on the same data directory started it and this one only attached to it.
     */
    void stop(Duration timeout);

    /** Called on every state change, on a background thread. */
    void addListener(Consumer<ClusterState> listener);
}
