package io.streamdesk.testing;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterConnector;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A connector for remote session clusters whose connections answer at once from a {@link FakeGateway} (UI tests of
 * the Clusters pane; the real remote adapter is tested against real Flink). {@link #connection} gives a test the
 * connection of a cluster it added, to make it unreachable.
 */
public final class FakeRemoteClusters implements ClusterConnector {
    private final Map<String, Remote> connections = new ConcurrentHashMap<>();
    private volatile FakeGateway shared;

    /**
     * Makes every remote cluster answer from this gateway: the fake SQL submitter submits into one gateway, so a job
     * run on a remote cluster is then seen there (pass {@code FakeServices.gateway}).
     */
    public FakeRemoteClusters sharing(FakeGateway gateway) {
        this.shared = gateway;
        return this;
    }

    @Override
    public boolean handles(ClusterDefinition definition) {
        return definition.kind() == ClusterKind.REMOTE_SESSION;
    }

    @Override
    public ClusterConnection connect(ClusterDefinition definition, SecretReader secrets) {
        Remote r = new Remote(definition, shared == null ? new FakeGateway() : shared);
        connections.put(definition.id(), r);
        return r;
    }

    public Remote connection(String clusterId) {
        return connections.get(clusterId);
    }

    /** One remote cluster: RUNNING once started, at its definition's REST URL. */
    public static final class Remote implements ClusterConnection {
        private final ClusterDefinition definition;
        private final FakeGateway gateway;
        private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
        private volatile ClusterState state;

        Remote(ClusterDefinition definition, FakeGateway gateway) {
            this.definition = definition;
            this.gateway = gateway;
            this.state = ClusterState.stopped(definition.id(), Instant.now());
        }

        public FakeGateway fakeGateway() {
            return gateway;
        }

        /** The JobManager stopped answering; last seen at {@code lastSeen}. */
        public void unreachable(String detail, Instant lastSeen) {
            set(new ClusterState(definition.id(), ClusterHealth.UNREACHABLE, definition.endpoint().restUrl(),
                    FakeGateway.FLINK_VERSION, Instant.now(), detail, lastSeen));
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
            set(new ClusterState(definition.id(), ClusterHealth.RUNNING, definition.endpoint().restUrl(),
                    FakeGateway.FLINK_VERSION, Instant.now(), null, Instant.now()));
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

        @Override
        public String savepointTarget(String jobDirectory) {
            return (definition.savepointDirectory() == null ? "file:///tmp/remote-savepoints"
                    : definition.savepointDirectory()) + "/" + jobDirectory;
        }

        @Override
        public void restart() {
            start();
        }

        @Override
        public void stop(Duration timeout) {
            set(ClusterState.stopped(definition.id(), Instant.now()));
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

        private final List<Consumer<io.streamdesk.model.cluster.ClusterNotice>> noticeListeners =
                new CopyOnWriteArrayList<>();

        @Override
        public void addNoticeListener(Consumer<io.streamdesk.model.cluster.ClusterNotice> listener) {
            noticeListeners.add(listener);
        }

        /** The adapter noticed something (a pod exit), as a Kubernetes connection reports it. */
        public void notice(io.streamdesk.model.cluster.ClusterNotice notice) {
            noticeListeners.forEach(l -> l.accept(notice));
        }

        private void set(ClusterState s) {
            state = s;
            listeners.forEach(l -> l.accept(s));
        }
    }
}
