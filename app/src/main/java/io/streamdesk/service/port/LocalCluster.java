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

    /** Starts the child if it is not running; returns at once. Listeners see STARTING then RUNNING or FAILED. */
    void start();

    /** Blocks until the cluster answers REST or the timeout passes; returns the state then. */
    ClusterState awaitRunning(Duration timeout);

    ClusterState state();

    /** Gateway to the running child; throws {@link ClusterUnreachableException} when it is not running. */
    ClusterGateway gateway();

    /** Stops the child (callers stop jobs with savepoints before) and waits for it to exit. */
    void stop(Duration timeout);

    /** Called on every state change, on a background thread. */
    void addListener(Consumer<ClusterState> listener);
}
