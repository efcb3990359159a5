package io.streamdesk.service;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.EventKind;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.LocalCluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The clusters jobs run on. For now the embedded local cluster (R1): started on demand, supervised, its exits
 * recorded as events.
 */
public final class ClusterService {
    private final LocalCluster local;
    private final EventStore events;
    private final Clock clock;
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterHealth lastHealth;
    private volatile boolean recording = true;
    private volatile boolean attaching;
    private volatile String localFlinkVersion;

    public ClusterService(LocalCluster local, EventStore events, Clock clock) {
        this.local = local;
        this.events = events;
        this.clock = clock;
        this.lastHealth = local.state().health();
        local.addListener(this::onLocalState);
    }

    /** Starts the local cluster in the background if it is not running. */
    public void startLocal() {
        ClusterHealth h = local.state().health();
        if (h != ClusterHealth.RUNNING && h != ClusterHealth.STARTING) {
            local.start();
        }
    }

    public ClusterState localState() {
        return local.state();
    }

    /** Called with every state change of a cluster, on a background thread. */
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(listener);
    }

    /**
     * A gateway to a running cluster, starting the local one on demand and waiting up to {@code wait} for it.
     *
     * @throws OperationFailedException when the cluster does not come up
     */
    public ClusterGateway readyGateway(String clusterId, Duration wait) {
        if (!LocalCluster.CLUSTER_ID.equals(clusterId)) {
            throw new OperationFailedException("Unknown cluster '" + clusterId + "'.",
                    "Move the job to the local cluster; remote clusters are not supported yet.");
        }
        startLocal();
        ClusterState state = local.awaitRunning(wait);
        if (state.health() != ClusterHealth.RUNNING) {
            String detail = state.detail() == null ? state.health().label() : state.detail();
            throw new OperationFailedException("The local Flink cluster is not running: " + detail,
                    "Restart the local cluster from the status bar and try again; its log is local-cluster.log in the data directory.");
        }
        return local.gateway();
    }

    /** A gateway to the cluster if it runs now, without starting it; throws when it does not. */
    public ClusterGateway currentGateway(String clusterId) {
        return local.gateway();
    }

    /** Declares the Flink version the local cluster runs (the bundled one); the composition root calls it. */
    public void declareLocalFlinkVersion(String version) {
        this.localFlinkVersion = version;
    }

    /** The clusters a job can be placed on (a copy's target, J6). For now only the local cluster. */
    public List<ClusterProfile> profiles() {
        String version = localFlinkVersion != null ? localFlinkVersion : local.state().flinkVersion();
        List<String> versions = version == null ? List.of() : List.of(version);
        // the local cluster declares its CUs from its slots and memory, so per-job JM/TM specs apply (P5);
        // all its jobs share one JVM, so a per-job log level cannot (P6)
        return List.of(new ClusterProfile(LocalCluster.CLUSTER_ID, "Local cluster", versions, version, true, true));
    }

    public Optional<ClusterProfile> profile(String clusterId) {
        return profiles().stream().filter(p -> p.id().equals(clusterId)).findFirst();
    }

    /** Cluster events (started, exited, unreachable), newest first. */
    public java.util.List<io.streamdesk.model.JobEvent> events(int limit) {
        return events.listForJob(null, limit);
    }

    /** Stops recording cluster events, before the store closes (late notifications are dropped, not logged). */
    public void stopRecording() {
        recording = false;
    }

    public void stopLocal(Duration timeout) {
        local.stop(timeout);
    }

    private void onLocalState(ClusterState state) {
        ClusterHealth previous = lastHealth;
        lastHealth = state.health();
        if (state.health() == ClusterHealth.STARTING) {
            attaching = state.detail() != null && state.detail().startsWith(LocalCluster.ATTACHING_DETAIL);
        }
        if (state.health() != previous && recording) {
            recordTransition(previous, state);
        }
        listeners.forEach(l -> l.accept(state));
    }

    private void recordTransition(ClusterHealth previous, ClusterState state) {
        try {
            switch (state.health()) {
                case RUNNING -> {
                    // attaching to a cluster another process (the app, the CLI) started is not news
                    if (previous == ClusterHealth.UNREACHABLE || (previous == ClusterHealth.STARTING && !attaching)) {
                        events.add(null, 0, previous == ClusterHealth.UNREACHABLE
                                ? EventKind.CLUSTER_REACHABLE : EventKind.CLUSTER_STARTED, clock.instant(),
                                "Local cluster running at " + state.restUrl() + " (Flink " + state.flinkVersion() + ")");
                    }
                }
                case FAILED -> events.add(null, 0, EventKind.CLUSTER_EXITED, clock.instant(),
                        "Local cluster stopped unexpectedly: " + state.detail());
                case UNREACHABLE -> events.add(null, 0, EventKind.CLUSTER_UNREACHABLE, clock.instant(),
                        "Local cluster does not answer: " + state.detail());
                default -> { }
            }
        } catch (RuntimeException e) {
            // the store may be closing during shutdown; a lost cluster event must not break supervision
            org.slf4j.LoggerFactory.getLogger(ClusterService.class).warn("Could not record cluster event", e);
        }
    }
}
