package io.streamdesk.service.port;

import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One cluster jobs run on, as the services see it: its profile, its observed state (health and when it last
 * answered), the gateway for its jobs and where its savepoints go. The embedded child cluster is one
 * implementation; a remote session cluster or a Kubernetes deployment are others. The cluster registry
 * ({@code ClusterService}) holds one connection per cluster id; nothing outside an adapter knows which kind it is.
 */
public interface ClusterConnection {

    /**
     * The id of the cluster new jobs are placed on: the embedded one. Existing jobs store it, so it keeps the value
     * it always had.
     */
    String DEFAULT_CLUSTER_ID = "local";

    /** The STARTING detail begins with this when a process attaches to a cluster another process started. */
    String ATTACHING_DETAIL = "Attaching";

    String id();

    /** What the cluster offers a job (Flink versions, per-job resources, shared JVMs). */
    ClusterProfile profile();

    /** The observed state; {@link ClusterState#lastSeen()} is when the cluster last answered. */
    ClusterState state();

    /**
     * Makes the cluster available if it is not: attaches to it or starts it. Returns at once; listeners see
     * STARTING then RUNNING or FAILED.
     */
    void start();

    /** Blocks while the cluster is STARTING, up to {@code timeout}; returns the state then. */
    ClusterState awaitRunning(Duration timeout);

    /** Gateway to the cluster's jobs; throws {@link ClusterUnreachableException} when it is not running. */
    ClusterGateway gateway();

    /**
     * The URI savepoints of {@code jobDirectory} (a job id) go to, as Flink takes it in {@code targetDirectory}.
     */
    String savepointTarget(String jobDirectory);

    /**
     * Stops the cluster whatever its state (a live but unresponsive process is killed) and starts it again.
     * Returns once the new start is under way.
     */
    void restart();

    /** Stops the cluster (callers stop jobs with savepoints first) and waits up to {@code timeout}. */
    void stop(Duration timeout);

    /**
     * Whether jobs outlive a failure of the cluster (high availability). When not, a cluster that fails takes its
     * runs with it: the registry ends them and may restart the cluster and resume them.
     */
    boolean keepsJobsWhenItFails();

    /** Whether the app may restart the cluster by itself after it failed (it supervises the cluster's process). */
    boolean restartsAutomatically();

    /** How long one probe of the cluster may take: added to a poll interval, how stale a confirmed state may be. */
    Duration probeTimeout();

    /**
     * The log file of the cluster's own process when the app runs that process (the embedded child); empty for a
     * cluster whose logs are only reachable through its REST API.
     */
    default Optional<Path> processLog() {
        return Optional.empty();
    }

    /**
     * Whether the app can set this cluster's task slots (the local child); empty for clusters whose TaskManagers
     * are managed elsewhere.
     */
    default Optional<ClusterScaling> scaling() {
        return Optional.empty();
    }

    /**
     * The deployment the app owns for this cluster (a Kubernetes FlinkDeployment: scale, suspend, delete); empty for
     * clusters that are not deployed by the app through an orchestrator.
     */
    default Optional<ClusterDeployment> deployment() {
        return Optional.empty();
    }

    /**
     * A host[:port] connectivity test run inside the cluster, where its jobs run (a Kubernetes pod with the pod
     * template's DNS settings); empty for clusters where the test runs on this desktop.
     */
    default Optional<InClusterProbe> inClusterProbe() {
        return Optional.empty();
    }

    /**
     * What each source of truth last said about the cluster (on Kubernetes: the operator's status and Flink's REST
     * API), with when it was seen; empty for a cluster with one source (its {@link #state()} is all there is).
     */
    default java.util.List<io.streamdesk.model.cluster.SourceReading> sources() {
        return java.util.List.of();
    }

    /**
     * Receives what the adapter saw that the timeline records (pod exits, EV4), on a background thread. Default: a
     * cluster kind without such notices never calls it.
     */
    default void addNoticeListener(Consumer<io.streamdesk.model.cluster.ClusterNotice> listener) {
    }

    /** Called on every change of health, on a background thread. */
    void addListener(Consumer<ClusterState> listener);

    /**
     * The cluster was removed from the registry: stop watching it (probes, threads) and let go of what the
     * connection holds. Does not stop a cluster someone else runs; the registry sends no more of its states. Default:
     * nothing to free.
     */
    default void close() {
    }
}
