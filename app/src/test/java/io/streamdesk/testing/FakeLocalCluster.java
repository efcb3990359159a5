package io.streamdesk.testing;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A local cluster that starts at once: listeners see STARTING then RUNNING, or FAILED after {@link #failStarts}.
 * {@link #crash} simulates the child JVM dying. Its gateway is a {@link FakeGateway}.
 */
public final class FakeLocalCluster implements ClusterConnection {
    static final String CLUSTER_ID = DEFAULT_CLUSTER_ID;
    private final FakeGateway gateway = new FakeGateway();
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterState state = ClusterState.stopped(CLUSTER_ID, Instant.now());
    private volatile String startFailure;
    private volatile boolean restartsAutomatically;
    public final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();

    /** Lets the registry restart this cluster by itself after a crash, as the app does with its child. */
    public void restartAutomatically(boolean on) {
        this.restartsAutomatically = on;
    }

    @Override
    public String id() {
        return CLUSTER_ID;
    }

    @Override
    public ClusterProfile profile() {
        return new ClusterProfile(CLUSTER_ID, "Local cluster", List.of(FakeGateway.FLINK_VERSION),
                FakeGateway.FLINK_VERSION, true, true);
    }

    @Override
    public String savepointTarget(String jobDirectory) {
        return savepoints.resolve(jobDirectory).toUri().toString();
    }

    private volatile java.nio.file.Path savepoints = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "savepoints");

    /** Where savepoints go (the app's local cluster writes them under the data directory). */
    public void savepointsUnder(java.nio.file.Path directory) {
        this.savepoints = directory.toAbsolutePath();
    }

    /** Scaling restarts the fake with the new slot count, as the real child does. */
    @Override
    public java.util.Optional<io.streamdesk.service.port.ClusterScaling> scaling() {
        return java.util.Optional.of(new io.streamdesk.service.port.ClusterScaling() {
            @Override
            public int taskSlots() {
                return gateway.slotsTotal;
            }

            @Override
            public void scaleTo(int slots) {
                gateway.slotsTotal = slots;
                restart();
            }
        });
    }

    @Override
    public void restart() {
        restarts.incrementAndGet();
        start();
    }

    @Override
    public boolean keepsJobsWhenItFails() {
        return false;
    }

    @Override
    public boolean restartsAutomatically() {
        return restartsAutomatically;
    }

    @Override
    public Duration probeTimeout() {
        return Duration.ofSeconds(2);
    }

    public FakeGateway fakeGateway() {
        return gateway;
    }

    /** Makes {@link #start()} end in FAILED with this detail. */
    public void failStarts(String detail) {
        this.startFailure = detail;
    }

    /** Simulates a cluster that stopped answering (a stuck JobManager): UNREACHABLE, last seen at {@code lastSeen}. */
    public void unreachable(String detail, Instant lastSeen) {
        set(new ClusterState(CLUSTER_ID, ClusterHealth.UNREACHABLE, FakeGateway.REST_URL, FakeGateway.FLINK_VERSION,
                Instant.now(), detail, lastSeen));
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
                    Instant.now(), null, Instant.now()));
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
