package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterNotice;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterDeployment;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.RestGatewayFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Flink session cluster on Kubernetes (R3, R6): a session-mode {@code FlinkDeployment} of the Flink Kubernetes
 * Operator that this app creates (or adopts, when it carries this cluster's labels), watched through two sources of
 * truth: the operator's {@code status} for the lifecycle, Flink's REST API for the JobManager itself.
 *
 * <p>Every probe (one per interval, on the connection's own thread) is one GET of the FlinkDeployment and one
 * {@code GET /config} of the JobManager. The state follows both:
 * <ul>
 *   <li>RUNNING when the operator says STABLE or DEPLOYED with the JobManager READY and Flink's REST API answers (an
 *   operator error then, e.g. a refused spec change, is in the detail: the last good spec keeps running);</li>
 *   <li>STARTING while the operator deploys or upgrades (or the REST API has not answered yet);</li>
 *   <li>FAILED with the operator's own error when it reports FAILED, a JobManager in ERROR, or an error while not
 *   running; FAILED too when the resource belongs to someone else (it is never changed then);</li>
 *   <li>UNREACHABLE when neither answers, or a running cluster's REST API stops answering
 *   ({@link #FAILED_PROBES_FOR_UNREACHABLE} probes in a row, as for a remote session cluster); back to RUNNING by
 *   itself on the next good probe;</li>
 *   <li>STOPPED while suspended (by this app, or SUSPENDED by the operator) or after the FlinkDeployment was deleted,
 *   with the reason in the detail.</li>
 * </ul>
 * The rules themselves are {@link ProbeVerdict}. The REST API is reached at the definition's URL override when it has one, else through a {@link RestPortForward}
 * on 127.0.0.1 to the {@code <name>-rest} service, re-established when it breaks. The gateway is the same REST client
 * as every other cluster's ({@link RestGatewayFactory}).
 *
 * <p>Threading: callers never wait on the API server or the JobManager: {@link #start()} and {@link #restart()} return
 * at once, the {@link ClusterDeployment} operations return futures completed on the probe thread, and every API call
 * has the client's request timeout ({@link KubernetesClients#REQUEST_TIMEOUT}) with no retries.
 */
public final class KubernetesClusterConnection implements ClusterConnection {

    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(2);
    public static final int FAILED_PROBES_FOR_UNREACHABLE = 3;
    static final Duration REST_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REST_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REST_PROBE_TIMEOUT = Duration.ofSeconds(3);
    static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);
    static final String OPERATOR = "Operator";
    static final String FLINK_REST = "Flink REST";

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesClusterConnection.class);

    private final ClusterDefinition definition;
    private final KubernetesClient client;
    private final RestGatewayFactory gateways;
    private final Duration probeInterval;
    private final ScheduledThreadPoolExecutor scheduler;
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ClusterNotice>> noticeListeners = new CopyOnWriteArrayList<>();
    private final FlinkDeploymentOperations operations;
    private final int restPort;
    private final Object lock = new Object();

    // Guarded by lock.
    private ClusterState state;
    private ScheduledFuture<?> probing;
    private int failedProbes;
    private Instant lastSeen;
    private SourceReading operatorReading;
    private SourceReading restReading;
    private boolean everRunning;
    /** Watches the deployment's pods for abnormal exits (EV4) while the connection is started. */
    private PodExitWatcher podExits;

    // Probe thread only.
    private final RestPortForward portForward;
    private ClusterGateway restClient;
    private ClusterGateway probeClient;
    private String restUrl;
    private volatile String flinkVersion;
    private volatile OperatorStatus lastOperatorStatus;
    private Instant operatorSeenAt;
    private Instant restSeenAt;
    private final java.util.concurrent.atomic.AtomicLong probes = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param client the client of the definition's context and namespace; the connection owns it and closes it
     */
    KubernetesClusterConnection(ClusterDefinition definition, KubernetesClient client, RestGatewayFactory gateways,
                                Duration probeInterval) {
        this.definition = Objects.requireNonNull(definition, "definition");
        KubernetesSpec spec = Objects.requireNonNull(definition.kubernetes(), "kubernetes");
        this.client = Objects.requireNonNull(client, "client");
        this.gateways = Objects.requireNonNull(gateways, "gateways");
        this.probeInterval = Objects.requireNonNull(probeInterval, "probeInterval");
        this.restPort = FlinkDeploymentResource.restPort(spec);
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cluster-k8s-" + definition.id());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.operations = new FlinkDeploymentOperations(definition, client, scheduler, this::probeSoon);
        if (definition.endpoint() != null) {
            RemoteEndpoint override = definition.endpoint();
            this.portForward = null;
            useRestUrl(override, override.restUrl());
        } else {
            this.portForward = new RestPortForward(client, spec.namespace(), spec.restServiceName(), restPort);
        }
        this.state = ClusterState.stopped(definition.id(), Instant.now());
        this.operatorReading = new SourceReading(OPERATOR, "not asked yet", null, null, false);
        this.restReading = new SourceReading(FLINK_REST, "not asked yet", null, null, false);
    }

    @Override
    public String id() {
        return definition.id();
    }

    public ClusterDefinition definition() {
        return definition;
    }

    @Override
    public ClusterProfile profile() {
        String version = flinkVersion;
        return new ClusterProfile(definition.id(), definition.name(), version == null ? List.of() : List.of(version),
                version, false, true);
    }

    @Override
    public ClusterState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public List<SourceReading> sources() {
        synchronized (lock) {
            return List.of(operatorReading, restReading);
        }
    }

    @Override
    public Optional<ClusterDeployment> deployment() {
        return Optional.of(operations);
    }

    /** Host tests run in a short-lived pod of the cluster's namespace (R4: where the jobs run, with their DNS). */
    @Override
    public Optional<io.streamdesk.service.port.InClusterProbe> inClusterProbe() {
        return Optional.of(new InClusterConnectivityPod(client, definition.id(), definition.kubernetes(),
                InClusterConnectivityPod.DEFAULT_WAIT));
    }

    /** Creates the FlinkDeployment when absent (or adopts this app's), then probes every interval. Returns at once. */
    @Override
    public void start() {
        synchronized (lock) {
            if (scheduler.isShutdown()) {
                throw new IllegalStateException("This connection to " + definition.name() + " was closed");
            }
            if (probing != null) {
                probeSoon();
                return;
            }
            failedProbes = 0;
            KubernetesSpec spec = definition.kubernetes();
            setState(ClusterHealth.STARTING, "Creating or adopting the FlinkDeployment " + spec.namespace() + "/"
                    + spec.deploymentName());
            operations.ensureOnNextProbe();
            probing = scheduler.scheduleWithFixedDelay(this::probe, 0, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
            podExits = new PodExitWatcher(client, spec.namespace(), spec.deploymentName(), Instant.now(),
                    java.time.Clock.systemUTC(), this::publishNotice).start();
        }
    }

    @Override
    public ClusterState awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (state.health() == ClusterHealth.STARTING) {
                long waitMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (waitMillis <= 0) {
                    break;
                }
                try {
                    lock.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return state;
        }
    }

    @Override
    public ClusterGateway gateway() {
        synchronized (lock) {
            ClusterHealth health = state.health();
            ClusterGateway current = restClient;
            if ((health != ClusterHealth.RUNNING && health != ClusterHealth.UNREACHABLE) || current == null) {
                throw new ClusterUnreachableException(definition.name() + " is not connected (" + health.label()
                        + (state.detail() == null ? "" : ": " + state.detail()) + ")", null);
            }
            return current;
        }
    }

    /** The definition's savepoint directory (required for Kubernetes: the pods cannot write this desktop's disk). */
    @Override
    public String savepointTarget(String jobDirectory) {
        String directory = definition.savepointDirectory();
        if (directory == null) {
            throw new IllegalStateException(definition.name() + " has no savepoint directory: set one its pods can write"
                    + " (e.g. s3://bucket/savepoints) in its settings.");
        }
        while (directory.endsWith("/")) {
            directory = directory.substring(0, directory.length() - 1);
        }
        return directory + "/" + jobDirectory;
    }

    /** Writes the FlinkDeployment again when it is missing and probes now; the operator restarts pods itself. */
    @Override
    public void restart() {
        synchronized (lock) {
            if (probing != null) {
                operations.ensureOnNextProbe();
            }
        }
        start();
    }

    /**
     * Stops watching; the FlinkDeployment and its jobs are left as they are (suspending or deleting it are
     * {@link #deployment()} actions the user asks for).
     */
    @Override
    public void stop(Duration timeout) {
        synchronized (lock) {
            if (probing != null) {
                probing.cancel(false);
                probing = null;
            }
            if (podExits != null) {
                podExits.close();
                podExits = null;
            }
            setState(ClusterHealth.STOPPED, null);
        }
    }

    /** Stops watching for good, closes the port-forward and the Kubernetes client. */
    @Override
    public void close() {
        stop(Duration.ZERO);
        try {
            scheduler.execute(() -> {
                if (portForward != null) {
                    portForward.close();
                }
            });
        } catch (RejectedExecutionException e) {
            // already closed
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The probe of {} did not end within {} s", definition.name(), CLOSE_WITHIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }

    /**
     * Whether jobs outlive a JobManager failure: only with Flink high availability configured (the operator then
     * recovers them from the HA store); a plain session cluster loses its jobs with its JobManager.
     */
    @Override
    public boolean keepsJobsWhenItFails() {
        String ha = definition.kubernetes().flinkConfiguration().getOrDefault("high-availability.type",
                definition.kubernetes().flinkConfiguration().get("high-availability"));
        return ha != null && !ha.isBlank() && !ha.equalsIgnoreCase("none");
    }

    /** The operator restarts the pods; the app never restarts an operator-managed cluster by itself. */
    @Override
    public boolean restartsAutomatically() {
        return false;
    }

    /** One probe: the FlinkDeployment GET and the REST GET /config, each with its own timeout. */
    @Override
    public Duration probeTimeout() {
        return KubernetesClients.REQUEST_TIMEOUT.plus(REST_PROBE_TIMEOUT);
    }

    @Override
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void addNoticeListener(Consumer<ClusterNotice> listener) {
        noticeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Hands a notice (a pod's abnormal exit, EV4) to the listeners on the connection's thread; for watchers in this
     * package that share the connection's client.
     */
    void publishNotice(ClusterNotice notice) {
        for (Consumer<ClusterNotice> l : noticeListeners) {
            try {
                scheduler.execute(() -> {
                    try {
                        l.accept(notice);
                    } catch (RuntimeException e) {
                        LOG.warn("A notice listener of {} failed", definition.name(), e);
                    }
                });
            } catch (RejectedExecutionException e) {
                return;
            }
        }
    }

    /** The client of this cluster's context and namespace (owned by the connection: do not close it). */
    KubernetesClient client() {
        return client;
    }

    /** The port-forward, or null with a URL override; for tests in this package. */
    RestPortForward portForward() {
        return portForward;
    }

    private void probeSoon() {
        try {
            scheduler.execute(this::probe);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private void probe() {
        synchronized (lock) {
            if (probing == null) {
                return;
            }
        }
        try {
            probeOnce();
        } catch (RuntimeException e) {
            LOG.warn("Probing {} failed unexpectedly", definition.name(), e);
        }
    }

    /** How many probes ran (for the per-tick call figures). */
    long probes() {
        return probes.get();
    }

    private void probeOnce() {
        probes.incrementAndGet();
        KubernetesSpec spec = definition.kubernetes();
        Resource<GenericKubernetesResource> handle = operations.handle();
        GenericKubernetesResource resource = null;
        String apiProblem = null;
        boolean missing = false;
        try {
            operations.ensureIfAsked();
            resource = handle.get();
            missing = resource == null;
        } catch (FlinkDeploymentOperations.NotOwnedException e) {
            refuse(e.getMessage());
            return;
        } catch (KubernetesClientException e) {
            apiProblem = "the Kubernetes API at " + client.getConfiguration().getMasterUrl() + " "
                    + FlinkDeploymentOperations.describe(e);
        }
        Instant now = Instant.now();
        OperatorStatus status = null;
        if (resource != null) {
            if (!FlinkDeploymentResource.ownedBy(resource, definition.id())) {
                refuse(FlinkDeploymentOperations.notOwned(spec, resource));
                return;
            }
            status = OperatorStatus.of(resource);
            lastOperatorStatus = status;
            operatorSeenAt = now;
        } else if (missing) {
            operatorSeenAt = now;
        }
        int suspendedWith = resource == null ? -1 : FlinkDeploymentResource.suspendedTaskManagers(resource);

        String restProblem = null;
        String version = null;
        boolean askRest = resource != null || apiProblem != null;
        if (askRest) {
            try {
                ensureRestEndpoint();
                version = probeClient.flinkVersion();
                if (version == null || version.isBlank()) {
                    restProblem = restUrl + " answers, but not as a Flink REST API (GET /config has no flink-version)";
                    version = null;
                } else {
                    restSeenAt = now;
                    flinkVersion = version;
                }
            } catch (ClusterUnreachableException | ClusterCallException | IllegalStateException e) {
                restProblem = e.getMessage();
            } catch (RuntimeException e) {
                restProblem = "probing " + restUrl + " failed: " + e;
            }
            if (restProblem != null && portForward != null && portForward.currentProblem() != null) {
                restProblem = restProblem + " (" + portForward.currentProblem() + ")";
            }
        }
        synchronized (lock) {
            if (probing == null) {
                return;
            }
            ProbeVerdict.Observation seen = new ProbeVerdict.Observation(status, missing, operations.deleted(),
                    suspendedWith, apiProblem, version != null, restProblem, lastOperatorStatus, restUrl,
                    spec.namespace() + "/" + spec.deploymentName());
            operatorReading = ProbeVerdict.operatorReading(seen, operatorSeenAt);
            restReading = askRest ? new SourceReading(FLINK_REST, version != null ? "answers (Flink " + version + ")"
                    : "not answering", restSeenAt, restProblem, version != null)
                    : new SourceReading(FLINK_REST, "not asked (no FlinkDeployment)", restSeenAt, null, false);
            apply(ProbeVerdict.judge(seen));
        }
    }

    /** Applies what the probe means; caller holds the lock. */
    private void apply(ProbeVerdict verdict) {
        switch (verdict.effect()) {
            case RUNNING -> running(verdict.detail());
            case NOT_ANSWERING -> notAnswering(verdict.detail(), verdict.detailWhileStarting());
            case SETTLED, SETTLED_FROM_SCRATCH -> {
                failedProbes = 0;
                if (verdict.effect() == ProbeVerdict.Effect.SETTLED_FROM_SCRATCH) {
                    everRunning = false;
                }
                set(verdict.health(), verdict.detail());
            }
        }
    }

    /** Caller holds the lock. */
    private void running(String detail) {
        failedProbes = 0;
        everRunning = true;
        lastSeen = Instant.now();
        if (state.health() != ClusterHealth.RUNNING || !Objects.equals(state.detail(), detail)
                || !Objects.equals(state.flinkVersion(), flinkVersion)) {
            set(ClusterHealth.RUNNING, detail);
        } else {
            state = state.withLastSeen(lastSeen);
        }
    }

    /** One more failed probe: a running cluster gets {@link #FAILED_PROBES_FOR_UNREACHABLE}; caller holds the lock. */
    private void notAnswering(String unreachable, String stillStarting) {
        failedProbes++;
        ClusterHealth health = state.health();
        if (health == ClusterHealth.RUNNING && failedProbes < FAILED_PROBES_FOR_UNREACHABLE) {
            return; // one slow answer is no outage
        }
        if (!everRunning && failedProbes < FAILED_PROBES_FOR_UNREACHABLE) {
            set(ClusterHealth.STARTING, stillStarting);
            return;
        }
        if (health != ClusterHealth.UNREACHABLE) {
            LOG.warn("{} is unreachable: {}", definition.name(), unreachable);
        }
        set(ClusterHealth.UNREACHABLE, unreachable);
    }

    /** A FlinkDeployment this app does not own: FAILED, and nothing is written to it. */
    private void refuse(String message) {
        synchronized (lock) {
            if (probing == null) {
                return;
            }
            operatorReading = new SourceReading(OPERATOR, "not ours", Instant.now(), message, false);
            set(ClusterHealth.FAILED, message);
        }
    }

    /** The REST client on the override or the current port-forward; probe thread only. */
    private void ensureRestEndpoint() {
        if (portForward == null) {
            return;
        }
        int port = portForward.ensure();
        String url = "http://127.0.0.1:" + port;
        if (!url.equals(restUrl)) {
            useRestUrl(RemoteEndpoint.of(url), url);
        }
    }

    private void useRestUrl(RemoteEndpoint endpoint, String url) {
        ClusterGateway c = gateways.open(endpoint, null, REST_CONNECT_TIMEOUT, REST_REQUEST_TIMEOUT);
        ClusterGateway p = gateways.open(endpoint, null, REST_CONNECT_TIMEOUT, REST_PROBE_TIMEOUT);
        synchronized (lock) {
            restClient = c;
            probeClient = p;
            restUrl = url;
        }
    }

    /** Caller holds the lock. */
    private void set(ClusterHealth health, String detail) {
        if (state.health() == health && Objects.equals(state.detail(), detail)
                && Objects.equals(state.flinkVersion(), flinkVersion)) {
            return;
        }
        setState(health, detail);
    }

    /** Caller holds the lock. */
    private void setState(ClusterHealth health, String detail) {
        String url = health == ClusterHealth.STOPPED ? null : restUrl;
        ClusterState next = new ClusterState(definition.id(), health, url, flinkVersion, Instant.now(), detail, lastSeen);
        state = next;
        lock.notifyAll();
        for (Consumer<ClusterState> listener : listeners) {
            try {
                scheduler.execute(() -> {
                    try {
                        listener.accept(next);
                    } catch (RuntimeException e) {
                        LOG.warn("A listener of {} failed", definition.name(), e);
                    }
                });
            } catch (RejectedExecutionException e) {
                break;
            }
        }
    }

    @Override
    public String toString() {
        KubernetesSpec s = definition.kubernetes();
        return "KubernetesClusterConnection[" + definition.name() + ": FlinkDeployment " + s.namespace() + "/"
                + s.deploymentName() + "]";
    }
}
