package io.streamdesk.service;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.service.clusters.AutomaticRestarts;
import io.streamdesk.service.clusters.JobStateObserver;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The registry of clusters jobs run on (R1-R3): one {@link ClusterConnection} per cluster id, each with its profile,
 * state (health and last-seen time), gateway and savepoint target. Callers ask for the job's cluster by id and never
 * know which kind it is. The registry records the clusters' transitions as events, restarts a failed cluster that
 * keeps no jobs by itself (bounded by {@link AutomaticRestarts}), and remembers when a cluster lost its jobs so the
 * reconcile can end those runs and resume them.
 */
public final class ClusterService {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterService.class);
    /** The setting (settings.properties) that resumes jobs after their cluster restarted; on by default. */
    public static final String RESUME_SETTING = "clusters.resume-jobs-after-restart";
    /** How often jobs are polled when the composition root does not say: the app's reconcile interval. */
    public static final Duration DEFAULT_JOB_POLL = Duration.ofSeconds(2);

    private final Map<String, Tracked> clusters = new LinkedHashMap<>();
    private final EventStore events;
    private final Clock clock;
    private final SettingsStore settings;
    private final JobStateObserver jobStates;
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean recording = true;

    /** One cluster, settings in memory, the default job poll interval (tests and tools). */
    public ClusterService(ClusterConnection connection, EventStore events, Clock clock) {
        this(List.of(connection), events, clock, new MemorySettings(), DEFAULT_JOB_POLL);
    }

    /**
     * @param jobPollInterval how often the reconcile asks the clusters about their jobs; with a connection's probe
     *                        timeout, how old a confirmed job state may be and still show as current
     */
    public ClusterService(List<ClusterConnection> connections, EventStore events, Clock clock, SettingsStore settings,
                          Duration jobPollInterval) {
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        for (ClusterConnection c : connections) {
            Tracked t = new Tracked(c);
            clusters.put(c.id(), t);
            c.addListener(state -> onState(t, state));
        }
        this.jobStates = new JobStateObserver(this::state, id -> jobPollInterval.plus(
                Optional.ofNullable(clusters.get(id)).map(t -> t.connection.probeTimeout()).orElse(Duration.ZERO)),
                clock, ZoneId.systemDefault());
    }

    // ---- the registry ----

    /** The ids of the registered clusters, the default one first. */
    public List<String> clusterIds() {
        return List.copyOf(clusters.keySet());
    }

    /** The cluster new jobs are placed on. */
    public String defaultClusterId() {
        return clusters.containsKey(ClusterConnection.DEFAULT_CLUSTER_ID) || clusters.isEmpty()
                ? ClusterConnection.DEFAULT_CLUSTER_ID : clusters.keySet().iterator().next();
    }

    /** The cluster's state; when automatic restarts gave up, its detail says so. */
    public ClusterState state(String clusterId) {
        Tracked t = clusters.get(clusterId);
        if (t == null) {
            return new ClusterState(clusterId, ClusterHealth.STOPPED, null, null, clock.instant(),
                    "No cluster with ID '" + clusterId + "' is configured.");
        }
        return decorate(t, t.connection.state());
    }

    /** Every cluster's state, the default one first. */
    public List<ClusterState> states() {
        return clusters.keySet().stream().map(this::state).toList();
    }

    /** Called with every state change of a cluster, on a background thread. */
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(listener);
    }

    /** Starts (or attaches to) the cluster if it is not starting or running; returns at once. */
    public void start(String clusterId) {
        ClusterConnection c = connection(clusterId);
        ClusterHealth h = c.state().health();
        if (h != ClusterHealth.RUNNING && h != ClusterHealth.STARTING && h != ClusterHealth.UNREACHABLE) {
            c.start();
        }
    }

    /** Starts every registered cluster that is not running (the app does it at start-up). */
    public void startAll() {
        clusters.keySet().forEach(this::start);
    }

    /**
     * Restarts the cluster from whatever state it is in (a live but unresponsive one is killed first). A restart by
     * hand gives the automatic restarts a fresh budget. Runs on a cluster that keeps no jobs end with it.
     */
    public void restart(String clusterId) {
        Tracked t = tracked(clusterId);
        t.restarts.reset();
        t.gaveUp = false;
        t.recovering = false;
        ClusterHealth h = t.connection.state().health();
        if (!t.connection.keepsJobsWhenItFails() && (h == ClusterHealth.RUNNING || h == ClusterHealth.UNREACHABLE)) {
            t.lostJobs(clock.instant(), "the cluster was restarted by hand");
        }
        record(null, EventKind.CLUSTER_RESTARTING, t.connection.profile().name() + " restarted by hand (it was "
                + h.label() + ")");
        t.connection.restart();
    }

    /**
     * A gateway to a running cluster, starting it on demand and waiting up to {@code wait} for it.
     *
     * @throws OperationFailedException when the cluster does not come up
     */
    public ClusterGateway readyGateway(String clusterId, Duration wait) {
        ClusterConnection c = connection(clusterId);
        start(clusterId);
        ClusterState state = c.awaitRunning(wait);
        if (state.health() != ClusterHealth.RUNNING) {
            String detail = state(clusterId).detail();
            throw new OperationFailedException(c.profile().name() + " is not running: "
                    + (detail == null ? state.health().label() : detail),
                    "Restart the cluster from the status bar and try again; its log tells why it stopped.");
        }
        return c.gateway();
    }

    /** A gateway to the cluster if it runs now, without starting it; throws when it does not. */
    public ClusterGateway currentGateway(String clusterId) {
        return connection(clusterId).gateway();
    }

    /** Where savepoints of {@code jobDirectory} (a job id) on this cluster go, as a URI. */
    public String savepointTarget(String clusterId, String jobDirectory) {
        return connection(clusterId).savepointTarget(jobDirectory);
    }

    /** The clusters a job can be placed on (a copy's target, J6). */
    public List<ClusterProfile> profiles() {
        return clusters.values().stream().map(t -> t.connection.profile()).toList();
    }

    public Optional<ClusterProfile> profile(String clusterId) {
        return Optional.ofNullable(clusters.get(clusterId)).map(t -> t.connection.profile());
    }

    /** The log file of the cluster's own process, when the app runs it; empty for an unknown cluster. */
    public Optional<java.nio.file.Path> processLog(String clusterId) {
        return Optional.ofNullable(clusters.get(clusterId)).flatMap(t -> t.connection.processLog());
    }

    /** Whether the cluster's jobs outlive its failure (high availability). */
    public boolean keepsJobsWhenItFails(String clusterId) {
        return connection(clusterId).keepsJobsWhenItFails();
    }

    /** Stops the cluster and waits up to {@code timeout}. */
    public void stop(String clusterId, Duration timeout) {
        connection(clusterId).stop(timeout);
    }

    // ---- what the clusters said about jobs ----

    /** The confirmed job states (filled by the reconcile) and the rules for showing them. */
    public JobStateObserver jobStates() {
        return jobStates;
    }

    /**
     * When the cluster last lost all its jobs (it failed, or was restarted by hand, and keeps no jobs): runs on it
     * that started before are over. Empty when it never did in this process.
     */
    public Optional<Instant> jobsLostAt(String clusterId) {
        return Optional.ofNullable(clusters.get(clusterId)).map(t -> t.jobsLostAt);
    }

    /** Why the cluster last lost its jobs, e.g. "the local cluster process exited (exit code 137)". */
    public String jobsLostReason(String clusterId) {
        Tracked t = clusters.get(clusterId);
        return t == null || t.jobsLostReason == null ? "the cluster stopped" : t.jobsLostReason;
    }

    /** Setting: resume the jobs that were running when their cluster failed, once it is back. On by default. */
    public boolean resumeJobsAfterRestart() {
        try {
            return settings.get(RESUME_SETTING).map(v -> !"false".equalsIgnoreCase(v.strip())).orElse(true);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the setting {}; resuming jobs (the default)", RESUME_SETTING, e);
            return true;
        }
    }

    public void setResumeJobsAfterRestart(boolean resume) {
        settings.put(RESUME_SETTING, Boolean.toString(resume));
    }

    // ---- supervision ----

    /**
     * Restarts clusters that failed and that the app supervises, with back-off and at most
     * {@link AutomaticRestarts#MAX_RESTARTS} times in {@link AutomaticRestarts#WINDOW}; then gives up and says so in
     * the cluster's state and an event. Called on every reconcile tick.
     */
    public void restartFailedClusters() {
        for (Tracked t : clusters.values()) {
            if (!t.recovering || t.gaveUp || !t.connection.restartsAutomatically()) {
                continue;
            }
            ClusterState now = t.connection.state();
            if (now.health() == ClusterHealth.RUNNING) {
                t.recovering = false;
                continue;
            }
            if (now.health() != ClusterHealth.FAILED) {
                continue; // starting (an attempt is under way), or stopped on purpose
            }
            Instant at = clock.instant();
            switch (t.restarts.decide(t.failedAt, at)) {
                case WAIT -> { }
                case GIVE_UP -> {
                    t.gaveUp = true;
                    String detail = giveUpDetail(t);
                    LOG.warn("{}: {}", t.connection.profile().name(), detail);
                    record(null, EventKind.CLUSTER_RESTARTS_EXHAUSTED, t.connection.profile().name() + ": " + detail);
                    ClusterState decorated = decorate(t, now);
                    listeners.forEach(l -> l.accept(decorated));
                }
                case RESTART_NOW -> {
                    t.restarts.restarted(at);
                    int n = t.restarts.recentRestarts(at);
                    LOG.warn("Restarting {} automatically ({} of at most {} in {} minutes) after: {}",
                            t.connection.profile().name(), n, AutomaticRestarts.MAX_RESTARTS,
                            AutomaticRestarts.WINDOW.toMinutes(), now.detail());
                    record(null, EventKind.CLUSTER_RESTARTING, t.connection.profile().name() + " restarts automatically ("
                            + n + " of at most " + AutomaticRestarts.MAX_RESTARTS + " in "
                            + AutomaticRestarts.WINDOW.toMinutes() + " minutes)");
                    try {
                        t.connection.restart();
                    } catch (RuntimeException e) {
                        LOG.warn("Restarting {} failed", t.connection.profile().name(), e);
                    }
                    t.failedAt = clock.instant(); // the next back-off counts from this attempt
                }
            }
        }
    }

    /** Cluster events (started, exited, unreachable), newest first. */
    public List<JobEvent> events(int limit) {
        return events.listForJob(null, limit);
    }

    /** Stops recording cluster events, before the store closes (late notifications are dropped, not logged). */
    public void stopRecording() {
        recording = false;
    }

    private static String giveUpDetail(Tracked t) {
        return "stopped restarting it after " + AutomaticRestarts.MAX_RESTARTS + " automatic restarts in "
                + AutomaticRestarts.WINDOW.toMinutes() + " minutes. Find the cause in its log (a job that eats all"
                + " memory, a broken restore), then restart it from the status bar.";
    }

    private ClusterState decorate(Tracked t, ClusterState state) {
        if (t.gaveUp && state.health() == ClusterHealth.FAILED) {
            String base = state.detail() == null ? "" : state.detail() + " — ";
            return state.withDetail(base + "StreamDesk " + giveUpDetail(t));
        }
        return state;
    }

    private Tracked tracked(String clusterId) {
        Tracked t = clusters.get(clusterId);
        if (t == null) {
            throw new OperationFailedException("Unknown cluster '" + clusterId + "'.",
                    "Move the job to one of these clusters: " + String.join(", ", clusters.keySet()) + ".");
        }
        return t;
    }

    private ClusterConnection connection(String clusterId) {
        return tracked(clusterId).connection;
    }

    private void onState(Tracked t, ClusterState state) {
        ClusterHealth previous;
        synchronized (t) {
            previous = t.lastHealth;
            t.lastHealth = state.health();
            if (state.health() == ClusterHealth.STARTING) {
                t.attaching = state.detail() != null && state.detail().startsWith(ClusterConnection.ATTACHING_DETAIL);
            }
            boolean died = state.health() == ClusterHealth.FAILED
                    && (previous == ClusterHealth.RUNNING || previous == ClusterHealth.UNREACHABLE);
            if (died) {
                Instant at = clock.instant();
                if (!t.connection.keepsJobsWhenItFails()) {
                    t.lostJobs(at, state.detail() == null ? "the cluster failed" : state.detail());
                }
                if (!t.recovering) {
                    t.failedAt = at;
                }
                t.recovering = true;
            }
            if (state.health() == ClusterHealth.RUNNING) {
                t.recovering = false;
                t.gaveUp = false;
            }
        }
        if (state.health() != previous && recording) {
            recordTransition(t, previous, state);
        }
        ClusterState decorated = decorate(t, state);
        listeners.forEach(l -> l.accept(decorated));
    }

    private void recordTransition(Tracked t, ClusterHealth previous, ClusterState state) {
        String name = t.connection.profile().name();
        switch (state.health()) {
            case RUNNING -> {
                // attaching to a cluster another process (the app, the CLI) started is not news
                if (previous == ClusterHealth.UNREACHABLE || (previous == ClusterHealth.STARTING && !t.attaching)) {
                    record(null, previous == ClusterHealth.UNREACHABLE ? EventKind.CLUSTER_REACHABLE
                            : EventKind.CLUSTER_STARTED, name + " running at " + state.restUrl()
                            + " (Flink " + state.flinkVersion() + ")");
                }
            }
            case FAILED -> record(null, EventKind.CLUSTER_EXITED, name + " stopped unexpectedly: " + state.detail());
            case UNREACHABLE -> record(null, EventKind.CLUSTER_UNREACHABLE, name + " does not answer: " + state.detail());
            default -> { }
        }
    }

    private void record(io.streamdesk.model.JobId job, EventKind kind, String message) {
        if (!recording) {
            return;
        }
        try {
            events.add(job, 0, kind, clock.instant(), message);
        } catch (RuntimeException e) {
            // the store may be closing during shutdown; a lost cluster event must not break supervision
            LOG.warn("Could not record cluster event", e);
        }
    }

    /** One registered cluster and what the registry remembers about it. */
    private static final class Tracked {
        final ClusterConnection connection;
        final AutomaticRestarts restarts = new AutomaticRestarts();
        volatile ClusterHealth lastHealth;
        volatile boolean attaching;
        /** It failed and is to be restarted automatically. */
        volatile boolean recovering;
        volatile boolean gaveUp;
        volatile Instant failedAt;
        volatile Instant jobsLostAt;
        volatile String jobsLostReason;

        Tracked(ClusterConnection connection) {
            this.connection = connection;
            this.lastHealth = connection.state().health();
        }

        void lostJobs(Instant at, String reason) {
            jobsLostAt = at;
            jobsLostReason = reason;
        }
    }

    /** Settings for a registry made without a store: the defaults, changeable for this process only. */
    private static final class MemorySettings implements SettingsStore {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        }
    }
}
