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

    /**
     * The registered clusters by id, the default one first, then in the order they were added. Copied on write (under
     * {@link #registryLock}) so that listeners, the job state observer and the reconcile read a consistent snapshot
     * while clusters are added and removed at runtime.
     */
    private volatile Map<String, Tracked> clusters = Map.of();
    private final Object registryLock = new Object();
    /** The registry of definitions (store, secrets, connectors); null until {@link #withRegistry}. */
    private volatile ClusterRegistry registry;
    private final EventStore events;
    private final Clock clock;
    private final SettingsStore settings;
    private final JobStateObserver jobStates;
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean recording = true;
    /** Pod exits and other adapter notices become events of the cluster and of the runs on it (EV4). */
    private final ClusterNoticeRecorder notices;

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
        this.notices = new ClusterNoticeRecorder(events, id -> registry == null ? List.of() : registry.jobsOn(id));
        for (ClusterConnection c : connections) {
            register(c);
        }
        this.jobStates = new JobStateObserver(this::state, id -> jobPollInterval.plus(
                Optional.ofNullable(clusters.get(id)).map(t -> t.connection.probeTimeout()).orElse(Duration.ZERO)),
                clock, ZoneId.systemDefault());
    }

    // ---- the registry ----

    /**
     * Adds a connection at runtime (a remote cluster just added, or one made at start from its stored definition).
     * Its states reach the listeners from now on; it is not started here.
     *
     * @throws IllegalStateException when a cluster with its id is registered
     */
    public void register(ClusterConnection connection) {
        synchronized (registryLock) {
            if (clusters.containsKey(connection.id())) {
                throw new IllegalStateException("A cluster with ID '" + connection.id() + "' is registered");
            }
            Tracked t = new Tracked(connection);
            Map<String, Tracked> next = new LinkedHashMap<>(clusters);
            next.put(connection.id(), t);
            clusters = java.util.Collections.unmodifiableMap(next);
            connection.addListener(state -> onState(t, state));
            connection.addNoticeListener(notice -> onNotice(t, notice));
        }
    }

    /**
     * Records the adapters' notices (pod exits) also on the live run of every job on their cluster, so each job's
     * timeline shows them; without it they are events of the cluster only.
     */
    public ClusterService withRunStore(io.streamdesk.service.port.RunStore runs) {
        notices.withRuns(runs);
        return this;
    }

    /** Takes a cluster out of the registry and closes its connection (it is not stopped); false when unknown. */
    public boolean unregister(String clusterId) {
        Tracked removed;
        synchronized (registryLock) {
            Map<String, Tracked> next = new LinkedHashMap<>(clusters);
            removed = next.remove(clusterId);
            clusters = java.util.Collections.unmodifiableMap(next);
        }
        if (removed == null) {
            return false;
        }
        try {
            removed.connection.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the connection of the removed cluster {} failed", clusterId, e);
        }
        return true;
    }

    /**
     * Closes the connections of the clusters other than the local one (their probes; the clusters keep running), when
     * the process ends. The local cluster's lifetime is the composition root's.
     */
    public void closeConnections() {
        for (Tracked t : clusters.values()) {
            if (!ClusterConnection.DEFAULT_CLUSTER_ID.equals(t.connection.id())) {
                try {
                    t.connection.close();
                } catch (RuntimeException e) {
                    LOG.warn("Closing the connection of cluster {} failed", t.connection.id(), e);
                }
            }
        }
    }

    /** Whether a connection with this id is registered. */
    public boolean isRegistered(String clusterId) {
        return clusters.containsKey(clusterId);
    }

    /**
     * The definitions (R4) over {@code store}: the local cluster first, then the others oldest first. Connects each
     * stored definition through the first of {@code connectors} that handles it (none may: then it is listed but not
     * connected, and its state says why). Passwords go to {@code secrets}, never to the store.
     */
    public ClusterService withRegistry(io.streamdesk.service.port.ClusterDefinitionStore store,
                                       io.streamdesk.service.port.SecretStore secrets,
                                       List<io.streamdesk.service.port.ClusterConnector> connectors,
                                       io.streamdesk.service.port.JobStore jobs) {
        ClusterRegistry r = new ClusterRegistry(this, store, secrets, connectors, jobs, clock);
        this.registry = r;
        r.connectStored();
        return this;
    }

    private ClusterRegistry registry() {
        ClusterRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("This ClusterService was built without a definition store");
        }
        return r;
    }

    /** The registered clusters' definitions: the local one first, then oldest first. */
    public List<io.streamdesk.model.cluster.ClusterDefinition> definitions() {
        ClusterRegistry r = registry;
        if (r == null) {
            return clusters.values().stream().map(t -> ClusterRegistry.localDefinition(t.connection, clock)).toList();
        }
        return r.definitions();
    }

    public Optional<io.streamdesk.model.cluster.ClusterDefinition> definition(String id) {
        return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * Registers a remote session cluster: validates (InputRejectedException naming the field), keeps the password in
     * the secret store, stores the definition, connects and starts watching it.
     */
    public io.streamdesk.model.cluster.ClusterDefinition addRemote(String name,
            io.streamdesk.model.cluster.RemoteEndpoint endpoint, String passwordOrNull, String savepointDirOrNull) {
        return registry().addRemote(name, endpoint, passwordOrNull, savepointDirOrNull);
    }

    /** Changes a remote cluster (null password keeps the stored one, "" removes it) and reconnects it. */
    public io.streamdesk.model.cluster.ClusterDefinition updateRemote(String id, String name,
            io.streamdesk.model.cluster.RemoteEndpoint endpoint, String passwordOrNullToKeep, String savepointDirOrNull) {
        return registry().updateRemote(id, name, endpoint, passwordOrNullToKeep, savepointDirOrNull);
    }

    /**
     * Registers a Kubernetes cluster (R3): a session-mode FlinkDeployment of the Flink Kubernetes Operator from a
     * kubeconfig context and namespace. Validates (InputRejectedException naming the field: the spec's
     * {@link io.streamdesk.model.cluster.KubernetesSpec#problems()}, the REST URL override, the savepoint directory,
     * which is required because the pods cannot write this desktop's disk), stores the definition, connects and
     * starts it: the connection creates the FlinkDeployment, or adopts the one this app made before.
     *
     * @param restOverrideOrNull the JobManager's REST URL when it is exposed (ingress, load balancer); null
     *                           port-forwards to the {@code <name>-rest} service
     */
    public io.streamdesk.model.cluster.ClusterDefinition addKubernetes(String name,
            io.streamdesk.model.cluster.KubernetesSpec spec, io.streamdesk.model.cluster.RemoteEndpoint restOverrideOrNull,
            String savepointDirectory) {
        return registry().addKubernetes(name, spec, restOverrideOrNull, savepointDirectory);
    }

    /** Changes a Kubernetes cluster (validated as {@link #addKubernetes}) and reconnects it with the new settings. */
    public io.streamdesk.model.cluster.ClusterDefinition updateKubernetes(String id, String name,
            io.streamdesk.model.cluster.KubernetesSpec spec, io.streamdesk.model.cluster.RemoteEndpoint restOverrideOrNull,
            String savepointDirectory) {
        return registry().updateKubernetes(id, name, spec, restOverrideOrNull, savepointDirectory);
    }

    /** The jobs placed on the cluster. */
    public List<io.streamdesk.model.Job> jobsOn(String clusterId) {
        return registry().jobsOn(clusterId);
    }

    /**
     * Removes a cluster: refused for the local one and while jobs on it run or operate (the message names them);
     * jobs left on it stay, and a run of one is refused with the fix (copy it to another cluster).
     */
    public void remove(String id) {
        registry().remove(id);
    }

    /**
     * The connectivity test (R4): {@code hostPortOrNull} null tests the cluster's own REST API, else a host[:port]
     * ("tls://" asks for TLS) from where this process runs, or from inside the cluster where its jobs run (Kubernetes);
     * the report says where.
     */
    public io.streamdesk.model.cluster.ConnectivityReport testConnectivity(String clusterId, String hostPortOrNull) {
        return registry().testConnectivity(clusterId, hostPortOrNull);
    }

    /**
     * Follows the definitions another process on the data directory added, changed or removed (connects, reconnects,
     * lets go). Called with every status reconciliation; nothing to do without a definition store.
     */
    public void syncDefinitions() {
        ClusterRegistry r = registry;
        if (r != null) {
            r.syncWithStore();
        }
    }

    /** Called after a cluster was added, changed or removed, on the caller's thread. */
    public void addDefinitionsListener(Runnable listener) {
        registry().addDefinitionsListener(listener);
    }

    /**
     * Starts watching a cluster that is not started and waits up to {@code wait} for it to answer (the CLI's
     * {@code cluster list} on remote clusters); the state then.
     */
    public ClusterState probe(String clusterId, Duration wait) {
        Tracked t = clusters.get(clusterId);
        if (t == null) {
            return state(clusterId);
        }
        start(clusterId);
        t.connection.awaitRunning(wait);
        return state(clusterId);
    }

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
            ClusterRegistry r = registry;
            String why = r == null ? null : r.notConnectedReason(clusterId);
            return new ClusterState(clusterId, ClusterHealth.STOPPED, null, null, clock.instant(),
                    why != null ? why : "No cluster with ID '" + clusterId + "' is configured.");
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

    /** Whether the app can set the task slots of this cluster (the local one); see {@link ClusterScaler}. */
    public Optional<io.streamdesk.service.port.ClusterScaling> scaling(String clusterId) {
        return connection(clusterId).scaling();
    }

    /**
     * Restarts a scalable cluster with {@code slots} task slots (the caller stopped its jobs first). Like a restart
     * by hand it gives the automatic restarts a fresh budget; it records the restart as an event.
     */
    void scaleTo(String clusterId, int slots) {
        Tracked t = tracked(clusterId);
        io.streamdesk.service.port.ClusterScaling scaling = t.connection.scaling().orElseThrow(() ->
                new OperationFailedException(t.connection.profile().name() + " cannot be scaled here.",
                        "Scale it where it runs."));
        t.restarts.reset();
        t.gaveUp = false;
        t.recovering = false;
        record(null, EventKind.CLUSTER_RESTARTING, t.connection.profile().name() + " restarted to scale it from "
                + scaling.taskSlots() + " to " + slots + " task slots");
        scaling.scaleTo(slots);
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

    /**
     * The deployment the app owns for the cluster (a Kubernetes FlinkDeployment); empty for other kinds and for an
     * unknown cluster. {@link ClusterDeployments} runs the changes with the job checks.
     */
    public Optional<io.streamdesk.service.port.ClusterDeployment> deployment(String clusterId) {
        return Optional.ofNullable(clusters.get(clusterId)).flatMap(t -> t.connection.deployment());
    }

    /** The cluster's in-cluster host test (Kubernetes); empty for other kinds and for an unknown cluster. */
    Optional<io.streamdesk.service.port.InClusterProbe> inClusterProbe(String clusterId) {
        return Optional.ofNullable(clusters.get(clusterId)).flatMap(t -> t.connection.inClusterProbe());
    }

    /** Stores a spec a deployment change wrote (see {@link ClusterDeployments#scale}) without reconnecting. */
    void rememberKubernetesSpec(String clusterId, io.streamdesk.model.cluster.KubernetesSpec spec) {
        ClusterRegistry r = registry;
        if (r != null) {
            r.rememberKubernetesSpec(clusterId, spec);
        }
    }

    /** What each source of truth last said about the cluster (R3), and whether they disagree; none for one source. */
    public io.streamdesk.model.cluster.StateSources sources(String clusterId) {
        Tracked t = clusters.get(clusterId);
        if (t == null) {
            return io.streamdesk.model.cluster.StateSources.NONE;
        }
        try {
            return io.streamdesk.model.cluster.StateSources.of(t.connection.sources());
        } catch (RuntimeException e) {
            LOG.debug("No sources of {}", clusterId, e);
            return io.streamdesk.model.cluster.StateSources.NONE;
        }
    }

    /**
     * The sources of a job's state: its cluster's sources plus the run as Flink's REST API last confirmed it (for a
     * local or remote cluster only that one), marked when they disagree. In memory, no I/O beyond the adapter's cache.
     */
    public io.streamdesk.model.cluster.StateSources jobSources(io.streamdesk.model.Job job) {
        return io.streamdesk.service.clusters.JobSources.of(job, jobStates.observe(job), sources(job.clusterId()));
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
            ClusterRegistry r = registry;
            String why = r == null ? null : r.notConnectedReason(clusterId);
            if (why != null) {
                throw new OperationFailedException("The cluster '" + clusterId + "' is not connected: " + why,
                        "Copy the job to another cluster (" + String.join(", ", clusters.keySet()) + "), or fix the"
                                + " cluster's settings in the Clusters pane.");
            }
            throw new OperationFailedException("The cluster '" + clusterId + "' of this job was removed (or was never"
                    + " registered here).", "Copy the job to another cluster (" + String.join(", ", clusters.keySet())
                    + ") and run the copy.");
        }
        return t;
    }

    private ClusterConnection connection(String clusterId) {
        return tracked(clusterId).connection;
    }

    private void onState(Tracked t, ClusterState state) {
        if (clusters.get(t.connection.id()) != t) {
            return; // removed (or replaced by a changed definition): its late states are no news
        }
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

    private void onNotice(Tracked t, io.streamdesk.model.cluster.ClusterNotice notice) {
        if (clusters.get(t.connection.id()) != t || !recording) {
            return; // removed, or the store is closing
        }
        notices.record(t.connection.id(), t.connection.profile().name(), notice);
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
