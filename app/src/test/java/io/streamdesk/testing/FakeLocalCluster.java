package io.streamdesk.testing;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.LocalCluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A local cluster that starts at once: listeners see STARTING then RUNNING, or FAILED after {@link #failStarts}.
 * {@link #crash} simulates the child JVM dying. Its gateway is a {@link FakeGateway}.
 */
public final class FakeLocalCluster implements LocalCluster {
    private final FakeGateway gateway = new FakeGateway();
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterState state = ClusterState.stopped(CLUSTER_ID, Instant.now());
    private volatile String startFailure;

    public FakeGateway fakeGateway() {
        return gateway;
    }

    /** Makes {@link #start()} end in FAILED with this detail. */
    public void failStarts(String detail) {
        this.startFailure = detail;
    }

    /** Simulates the child JVM dying: the cluster turns FAILED with this detail. */
    public void crash(String detail) {
        set(new ClusterState(CLUSTER_ID, ClusterHealth.FAILED, null, null, Instant.now(), detail));
    }

    @Override
    public void start() {
        set(new ClusterState(CLUSTER_ID, ClusterHealth.STARTING, null, null, Instant.now(), null));
        if (startFailure != null) {
            set(new ClusterState(CLUSTER_ID, ClusterHealth.FAILED, null, null, Instant.now(), startFailure));
        } else {
            set(new ClusterState(CLUSTER_ID, ClusterHealth.RUNNING, FakeGateway.REST_URL, FakeGateway.FLINK_VERSION,
                    Instant.now(), null));
        }
    }

    @Override
    public ClusterState awaitRunning(Duration timeout) {
        return state;
    }

    @Override
    public ClusterState state() {
        return state;
    }

    @Override
    public ClusterGateway gateway() {
        if (state.health() != ClusterHealth.RUNNING) {
            throw new ClusterUnreachableException("The local cluster is not running", null);
        }
        return gateway;
    }

    @Override
    public void stop(Duration timeout) {
        set(ClusterState.stopped(CLUSTER_ID, Instant.now()));
    }

    @Override
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(listener);
    }

    private void set(ClusterState newState) {
        state = newState;
        listeners.forEach(l -> l.accept(newState));
    }
}
