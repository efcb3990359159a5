package io.streamdesk.testing;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The connection of a remote session cluster as the registry sees it, without a remote cluster: it is "running" once
 * started (or unreachable after {@link #goAway}); its gateway is a {@link FakeGateway}. {@link #closed} tells whether
 * the registry let go of it. For registry tests; the real adapter is {@code io.streamdesk.flink.remote}.
 */
public final class FakeRemoteCluster implements ClusterConnection {
    public final ClusterDefinition definition;
    /** What the connector read from the secret store for it (the basic auth password), or null. */
    public final String password;
    private final FakeGateway gateway = new FakeGateway();
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterState state;
    public volatile boolean closed;

    public FakeRemoteCluster(ClusterDefinition definition, String password) {
        this.definition = definition;
        this.password = password;
        this.state = ClusterState.stopped(definition.id(), Instant.now());
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public ClusterProfile profile() {
        return new ClusterProfile(definition.id(), definition.name(), List.of(FakeGateway.FLINK_VERSION),
                FakeGateway.FLINK_VERSION, false, true);
    }

    @Override
    public ClusterState state() {
        return state;
    }

    @Override
    public void start() {
        set(new ClusterState(id(), ClusterHealth.RUNNING, definition.endpoint().restUrl(), FakeGateway.FLINK_VERSION,
                Instant.now(), null, Instant.now()));
    }

    /** Stops answering: UNREACHABLE. */
    public void goAway(String detail) {
        set(new ClusterState(id(), ClusterHealth.UNREACHABLE, definition.endpoint().restUrl(), FakeGateway.FLINK_VERSION,
                Instant.now(), detail, state.lastSeen()));
    }

    @Override
    public ClusterState awaitRunning(Duration timeout) {
        return state;
    }

    @Override
    public ClusterGateway gateway() {
        if (state.health() != ClusterHealth.RUNNING) {
            throw new ClusterUnreachableException(definition.name() + " does not answer", null);
        }
        return gateway;
    }

    public FakeGateway fakeGateway() {
        return gateway;
    }

    @Override
    public String savepointTarget(String jobDirectory) {
        String base = definition.savepointDirectory() == null ? "file:///tmp/remote-savepoints" : definition.savepointDirectory();
        return base + "/" + jobDirectory;
    }

    @Override
    public void restart() {
        start();
    }

    @Override
    public void stop(Duration timeout) {
        set(ClusterState.stopped(id(), Instant.now()));
    }

    @Override
    public boolean keepsJobsWhenItFails() {
        return true;
    }

    @Override
    public boolean restartsAutomatically() {
        return false;
    }

    @Override
    public Duration probeTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void set(ClusterState s) {
        state = s;
        listeners.forEach(l -> l.accept(s));
    }
}
