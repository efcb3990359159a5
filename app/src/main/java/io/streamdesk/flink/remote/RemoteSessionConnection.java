package io.streamdesk.flink.remote;

import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterConnector.SecretReader;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A remote Flink session cluster (R2, R6): the app only talks to its REST API, through one {@link FlinkRestClient}
 * that honours the whole endpoint (URL with path prefix, basic auth, TLS trust, client certificate) for every call,
 * the job submission included.
 *
 * <p>States: STOPPED -> STARTING on {@link #start()}; STARTING -> RUNNING on the first answer, UNREACHABLE when the
 * first probe finds nobody (it never answered: nothing to be patient about); RUNNING -> UNREACHABLE after
 * {@link #FAILED_PROBES_FOR_UNREACHABLE} failed probes in a row (one slow answer is no outage), and back to RUNNING
 * on the next good probe by itself. A refusal that waiting does not cure (the user or password refused, a TLS
 * handshake that fails, another HTTP error) is FAILED at once with the cluster's own words; the probes go on, so a
 * fixed proxy or certificate is seen. {@link #stop} only stops probing, {@link #restart} probes again now: a session
 * cluster is never started, restarted or killed by the app, and it keeps its jobs when the app loses it.
 */
public final class RemoteSessionConnection implements ClusterConnection {

    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(2);
    public static final int FAILED_PROBES_FOR_UNREACHABLE = 3;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A probe is one GET /config: it answers in milliseconds when the cluster is there. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSessionConnection.class);

    private final ClusterDefinition definition;
    private final FlinkRestClient client;
    private final FlinkRestClient probeClient;
    private final Duration probeInterval;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    /** Guarded by lock. */
    private ClusterState state;
    private ScheduledFuture<?> probing;
    private int failedProbes;
    private Instant lastSeen;
    private volatile String flinkVersion;

    RemoteSessionConnection(ClusterDefinition definition, SecretReader secrets, Duration probeInterval) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.probeInterval = Objects.requireNonNull(probeInterval, "probeInterval");
        RemoteEndpoint endpoint = Objects.requireNonNull(definition.endpoint(), "endpoint");
        String problem = RemoteEndpoint.problemWithUrl(endpoint.restUrl());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String password = null;
        if (endpoint.username() != null && endpoint.passwordSecretId() != null) {
            password = secrets.read(endpoint.passwordSecretId());
            if (password == null) {
                throw new IllegalArgumentException("The password of " + definition.name()
                        + " is not in the secret store any more; edit the cluster and enter it again.");
            }
        }
        this.client = FlinkRestClient.forEndpoint(endpoint, password, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        this.probeClient = FlinkRestClient.forEndpoint(endpoint, password, CONNECT_TIMEOUT, PROBE_TIMEOUT);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cluster-probe-" + definition.id());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
        this.state = ClusterState.stopped(definition.id(), Instant.now());
    }

    @Override
    public String id() {
        return definition.id();
    }

    /** The definition this connection was made from (its endpoint is as the user entered it, without secrets). */
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
    public void start() {
        synchronized (lock) {
            if (scheduler.isShutdown()) {
                throw new IllegalStateException("This connection to " + definition.name() + " was closed");
            }
            if (probing != null) {
                scheduler.execute(this::probe); // already probing: ask again now
                return;
            }
            failedProbes = 0;
            setState(ClusterHealth.STARTING, "Connecting to " + client.restUrl());
            probing = scheduler.scheduleWithFixedDelay(this::probe, 0, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
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
            if (health != ClusterHealth.RUNNING && health != ClusterHealth.UNREACHABLE) {
                throw new ClusterUnreachableException(definition.name() + " is not connected (" + health.label()
                        + (state.detail() == null ? "" : ": " + state.detail()) + ")", null);
            }
            return client;
        }
    }

    /**
     * The definition's savepoint directory (a URI the cluster writes, e.g. a shared path or an object store) plus
     * the job's directory; nothing assumes the desktop's file system.
     */
    @Override
    public String savepointTarget(String jobDirectory) {
        String directory = definition.savepointDirectory();
        if (directory == null) {
            throw new IllegalStateException(definition.name() + " has no savepoint directory: set a savepoint directory "
                    + "the cluster can write (e.g. s3://bucket/savepoints or a shared file:/// path) in its settings.");
        }
        while (directory.endsWith("/")) {
            directory = directory.substring(0, directory.length() - 1);
        }
        return directory + "/" + jobDirectory;
    }

    /** Nothing remote is restarted: the connection probes again now (and starts probing if it was stopped). */
    @Override
    public void restart() {
        start();
    }

    /** Stops probing; the remote cluster and its jobs are left as they are. */
    @Override
    public void stop(Duration timeout) {
        synchronized (lock) {
            if (probing != null) {
                probing.cancel(false);
                probing = null;
            }
            setState(ClusterHealth.STOPPED, null);
        }
    }

    /**
     * Stops probing for good and ends the probe thread (the registry calls it when the cluster is removed, the app when
     * it quits). The callbacks already handed to listeners still run to their end: interrupting one would interrupt
     * whatever it does, e.g. a database write of the cluster's event, and H2 closes its file on an interrupt. Waits at
     * most {@link #CLOSE_WITHIN} for a probe in flight.
     */
    @Override
    public void close() {
        stop(Duration.ZERO);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The probe of {} did not end within {} s", definition.name(), CLOSE_WITHIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    @Override
    public boolean keepsJobsWhenItFails() {
        return true; // a session cluster keeps its jobs while the app cannot reach it
    }

    @Override
    public boolean restartsAutomatically() {
        return false; // the app never restarts a cluster it does not run
    }

    @Override
    public Duration probeTimeout() {
        return PROBE_TIMEOUT;
    }

    @Override
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** One GET /config through the same client stack as every call; runs on the probe thread. */
    private void probe() {
        String version;
        try {
            version = probeClient.flinkVersion();
        } catch (ClusterCallException e) {
            refused(e.getMessage());
            return;
        } catch (ClusterUnreachableException e) {
            failed(e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warn("Probing {} failed unexpectedly", definition.name(), e);
            failed("Probing " + client.restUrl() + " failed: " + e);
            return;
        }
        if (version == null || version.isBlank()) {
            refused(client.restUrl() + " answers, but not as a Flink REST API (GET /config has no flink-version); "
                    + "check the URL and its path prefix");
            return;
        }
        synchronized (lock) {
            if (probing == null) {
                return; // stopped meanwhile
            }
            failedProbes = 0;
            lastSeen = Instant.now();
            flinkVersion = version;
            if (state.health() != ClusterHealth.RUNNING || !Objects.equals(state.flinkVersion(), version)) {
                setState(ClusterHealth.RUNNING, null);
            } else {
                state = state.withLastSeen(lastSeen);
            }
        }
    }

    /** An answer that waiting does not cure: wrong password, TLS refused, an error status. */
    private void refused(String message) {
        synchronized (lock) {
            if (probing == null) {
                return;
            }
            failedProbes = 0;
            if (state.health() != ClusterHealth.FAILED || !Objects.equals(state.detail(), message)) {
                LOG.warn("{} refused the app: {}", definition.name(), message);
                setState(ClusterHealth.FAILED, message);
            }
        }
    }

    private void failed(String message) {
        synchronized (lock) {
            if (probing == null) {
                return;
            }
            failedProbes++;
            ClusterHealth health = state.health();
            boolean never = health == ClusterHealth.STARTING || health == ClusterHealth.FAILED;
            if ((never || failedProbes >= FAILED_PROBES_FOR_UNREACHABLE) && health != ClusterHealth.UNREACHABLE) {
                LOG.warn("{} is unreachable: {}", definition.name(), message);
                setState(ClusterHealth.UNREACHABLE, message);
            } else if (health == ClusterHealth.UNREACHABLE && !Objects.equals(state.detail(), message)) {
                state = state.withDetail(message);
            }
        }
    }

    /** Caller holds the lock. */
    private void setState(ClusterHealth health, String detail) {
        String url = health == ClusterHealth.STOPPED ? null : client.restUrl();
        ClusterState next = new ClusterState(definition.id(), health, url, flinkVersion, Instant.now(), detail, lastSeen);
        state = next;
        lock.notifyAll();
        for (Consumer<ClusterState> listener : listeners) {
            if (scheduler.isShutdown()) {
                break;
            }
            try {
                scheduler.execute(() -> {
                    try {
                        listener.accept(next);
                    } catch (RuntimeException e) {
                        LOG.warn("A listener of {} failed", definition.name(), e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                break;
            }
        }
    }

    @Override
    public String toString() {
        return "RemoteSessionConnection[" + definition.name() + " at " + client.restUrl() + "]";
    }
}
