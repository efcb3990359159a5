package io.streamdesk.testing;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.model.cluster.StateSources;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterConnector;
import io.streamdesk.service.port.ClusterDeployment;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A connector for Kubernetes cluster definitions whose connections answer from a {@link FakeGateway} and report the
 * operator's and Flink REST's readings as a test sets them (service, CLI and UI tests of the pages and actions; the real
 * adapter, {@code io.streamdesk.k8s}, is tested against fabric8's mock API server and the real operator). Each
 * deployment change is recorded in {@link Cluster#calls} and moves the operator's reading to what the operator would
 * show while it reconciles ({@code UPGRADING / DEPLOYING}, {@code SUSPENDED}) until {@link Cluster#settle()}.
 */
public final class FakeKubernetesClusters implements ClusterConnector {
    private final Map<String, Cluster> connections = new ConcurrentHashMap<>();
    private volatile FakeGateway shared;

    /** Every cluster answers from this gateway (pass {@code FakeServices.gateway} so submitted jobs are seen there). */
    public FakeKubernetesClusters sharing(FakeGateway gateway) {
        this.shared = gateway;
        return this;
    }

    @Override
    public boolean handles(ClusterDefinition definition) {
        return definition.kind() == ClusterKind.KUBERNETES;
    }

    @Override
    public ClusterConnection connect(ClusterDefinition definition, SecretReader secrets) {
        Cluster c = new Cluster(definition, shared == null ? new FakeGateway() : shared);
        connections.put(definition.id(), c);
        return c;
    }

    public Cluster connection(String clusterId) {
        Cluster c = connections.get(clusterId);
        if (c == null) {
            throw new AssertionError("No connection made for " + clusterId);
        }
        return c;
    }

    /** One FlinkDeployment as the adapter would present it: RUNNING once started, the operator STABLE / READY. */
    public static final class Cluster implements ClusterConnection {
        public static final String PORT_FORWARD_URL = "http://127.0.0.1:38081";
        private final ClusterDefinition definition;
        private final FakeGateway gateway;
        private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
        /** The deployment changes asked for, e.g. "scale 3 x 2.0 CPU 4096m", "suspend", "resume", "delete". */
        public final List<String> calls = new CopyOnWriteArrayList<>();
        /** When set, the next deployment change fails with this message (as the API server refusing it). */
        public volatile String failNext;
        private volatile KubernetesSpec spec;
        private volatile ClusterState state;
        private volatile SourceReading operator;
        private volatile SourceReading rest;

        Cluster(ClusterDefinition definition, FakeGateway gateway) {
            this.definition = definition;
            this.gateway = gateway;
            this.spec = definition.kubernetes();
            this.state = ClusterState.stopped(definition.id(), Instant.now());
            this.operator = new SourceReading(StateSources.OPERATOR, "not read yet", null, null, false);
            this.rest = new SourceReading(StateSources.FLINK_REST, "not asked yet", null, null, false);
            gateway.slotsTotal = spec.taskManager().replicas() * spec.taskSlots();
        }

        public FakeGateway fakeGateway() {
            return gateway;
        }

        public String restUrl() {
            return definition.endpoint() != null ? definition.endpoint().restUrl() : PORT_FORWARD_URL;
        }

        /** Sets what the operator's FlinkDeployment status says. */
        public void operatorSays(String value, boolean healthy, String detail, Instant seenAt) {
            operator = new SourceReading(StateSources.OPERATOR, value, seenAt, detail, healthy);
        }

        /** Sets what the JobManager's REST API says; an unhealthy one also makes the cluster UNREACHABLE. */
        public void restSays(String value, boolean healthy, String detail, Instant seenAt) {
            rest = new SourceReading(StateSources.FLINK_REST, value, seenAt, detail, healthy);
            if (healthy) {
                set(new ClusterState(id(), ClusterHealth.RUNNING, restUrl(), FakeGateway.FLINK_VERSION, Instant.now(),
                        null, seenAt));
            } else {
                set(new ClusterState(id(), ClusterHealth.UNREACHABLE, restUrl(), FakeGateway.FLINK_VERSION,
                        Instant.now(), detail, state.lastSeen()));
            }
        }

        /** The operator finished reconciling: STABLE / READY again (or SUSPENDED while suspended). */
        public void settle() {
            boolean suspended = !calls.isEmpty() && calls.get(calls.size() - 1).equals("suspend");
            operatorSays(suspended ? "SUSPENDED / MISSING" : "STABLE / READY", !suspended, null, Instant.now());
        }

        @Override
        public Optional<ClusterDeployment> deployment() {
            return Optional.of(new ClusterDeployment() {
                @Override
                public KubernetesSpec spec() {
                    return spec;
                }

                @Override
                public CompletableFuture<Void> scaleTaskManagers(KubernetesSpec.Resources taskManager) {
                    return change("scale " + taskManager.replicas() + " x " + taskManager.cpu() + " CPU "
                            + taskManager.memory(), () -> {
                        spec = spec.withTaskManager(taskManager);
                        gateway.slotsTotal = taskManager.replicas() * spec.taskSlots();
                        operatorSays("UPGRADING / DEPLOYING", false, null, Instant.now());
                    });
                }

                @Override
                public CompletableFuture<Void> suspend() {
                    return change("suspend", () -> operatorSays("SUSPENDED / DEPLOYING", false, null, Instant.now()));
                }

                @Override
                public CompletableFuture<Void> resume() {
                    return change("resume", () -> operatorSays("UPGRADING / DEPLOYING", false, null, Instant.now()));
                }

                @Override
                public CompletableFuture<Void> delete() {
                    return change("delete", () -> operatorSays("DELETING", false, null, Instant.now()));
                }
            });
        }

        private CompletableFuture<Void> change(String call, Runnable effect) {
            String failure = failNext;
            if (failure != null) {
                failNext = null;
                return CompletableFuture.failedFuture(new IllegalStateException(failure));
            }
            calls.add(call);
            effect.run();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public List<SourceReading> sources() {
            return List.of(operator, rest);
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
            Instant now = Instant.now();
            operatorSays("STABLE / READY", true, null, now);
            restSays("Answering (Flink " + FakeGateway.FLINK_VERSION + ")", true, null, now);
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
            return definition.savepointDirectory() + "/" + jobDirectory;
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

        private void set(ClusterState s) {
            state = s;
            listeners.forEach(l -> l.accept(s));
        }
    }

    /** A small valid spec for tests: 1 JobManager, {@code replicas} TaskManagers with {@code slots} slots each. */
    public static KubernetesSpec spec(String deploymentName, int replicas, int slots) {
        return new KubernetesSpec(null, "dev", "analytics", deploymentName, "flink:2.3", "v2_3", null,
                new KubernetesSpec.Resources(1, "2048m", 1), new KubernetesSpec.Resources(2, "4096m", replicas), slots,
                Map.of("state.backend.type", "rocksdb"), List.of(new KubernetesSpec.HostAlias("10.0.0.12",
                List.of("kafka-1.internal", "kafka-2.internal"))),
                new KubernetesSpec.DnsSettings(List.of("10.0.0.2"), List.of("analytics.svc.cluster.local")));
    }
}
