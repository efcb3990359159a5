package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.clusters.ClusterDefinitionRules;
import io.streamdesk.service.clusters.ConnectivityTester;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterConnector;
import io.streamdesk.service.port.ClusterDefinitionStore;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.SecretStore;
import io.streamdesk.service.port.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The cluster definitions behind {@link ClusterService} (R4): the store of definitions, the passwords in the secret
 * store, the connectors that turn a definition into a {@link ClusterConnection}, and the connectivity test. Adding,
 * changing and removing are serialised on this object.
 */
final class ClusterRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRegistry.class);
    static final String DESKTOP_FOR_REMOTE = "from this desktop (Flink's REST API cannot test from the JobManager's side)";
    static final String DESKTOP_FOR_KUBERNETES = "from this desktop, where the app talks to the JobManager (its"
            + " REST URL or the port-forward to its -rest service); a host or host:port test runs inside the cluster";
    static final String DESKTOP_FOR_LOCAL = "from this desktop (where the local cluster runs)";
    private static final Set<JobStatus> BUSY = Set.of(JobStatus.OPERATING, JobStatus.RUNNING, JobStatus.RESTARTING);
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClusterService clusters;
    private final ClusterDefinitionStore store;
    private final SecretStore secrets;
    private final List<ClusterConnector> connectors;
    private final JobStore jobs;
    private final Clock clock;
    private final ConnectivityTester tester = new ConnectivityTester(ConnectivityTester.DEFAULT_STEP_TIMEOUT);
    /** Stored definitions without a connection, and why (no connector for the kind, an unusable CA file). */
    private final Map<String, String> notConnected = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The definition each registered (or refused) connection was made from, to see changes made by another process. */
    private final Map<String, ClusterDefinition> connectedFrom = new ConcurrentHashMap<>();

    ClusterRegistry(ClusterService clusters, ClusterDefinitionStore store, SecretStore secrets,
                    List<ClusterConnector> connectors, JobStore jobs, Clock clock) {
        this.clusters = clusters;
        this.store = store;
        this.secrets = secrets;
        this.connectors = List.copyOf(connectors);
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The definition of a connection that has no stored row (the local one in a store-less setup). */
    static ClusterDefinition localDefinition(ClusterConnection connection, Clock clock) {
        return new ClusterDefinition(connection.id(), connection.profile().name(), ClusterKind.LOCAL, null, null,
                Instant.EPOCH);
    }

    /** Makes the connections of the stored definitions (not started: the app starts every cluster at start-up). */
    synchronized void connectStored() {
        for (ClusterDefinition d : store.list()) {
            if (d.kind() == ClusterKind.LOCAL || clusters.isRegistered(d.id())) {
                continue;
            }
            Optional<ClusterConnection> c = connect(d);
            c.ifPresent(clusters::register);
            connectedFrom.put(d.id(), d);
        }
    }

    /**
     * Follows what another process on the same data directory (the CLI, the app) did to the definitions: connects
     * the clusters it added, reconnects the ones it changed, and lets go of the ones it removed. New connections are
     * started (the app watches every cluster). Called on every status reconciliation.
     */
    synchronized void syncWithStore() {
        List<ClusterDefinition> stored = store.list();
        Set<String> ids = new java.util.HashSet<>();
        boolean changed = false;
        for (ClusterDefinition d : stored) {
            ids.add(d.id());
            if (d.kind() == ClusterKind.LOCAL || d.equals(connectedFrom.get(d.id()))) {
                continue;
            }
            boolean known = connectedFrom.containsKey(d.id());
            clusters.unregister(d.id());
            Optional<ClusterConnection> c = connect(d);
            connectedFrom.put(d.id(), d);
            c.ifPresent(connection -> {
                clusters.register(connection);
                startQuietly(connection);
            });
            LOG.info("{} the cluster {} '{}' (changed by another StreamDesk process)", known ? "Reconnected" : "Connected",
                    d.id(), d.name());
            changed = true;
        }
        for (String id : List.copyOf(connectedFrom.keySet())) {
            if (!ids.contains(id)) {
                connectedFrom.remove(id);
                notConnected.remove(id);
                clusters.unregister(id);
                LOG.info("Let go of the cluster {} (removed by another StreamDesk process)", id);
                changed = true;
            }
        }
        if (changed) {
            fire();
        }
    }

    List<ClusterDefinition> definitions() {
        List<ClusterDefinition> stored = store.list();
        List<ClusterDefinition> out = new ArrayList<>();
        Optional<ClusterDefinition> local = stored.stream()
                .filter(d -> d.id().equals(ClusterConnection.DEFAULT_CLUSTER_ID)).findFirst();
        if (local.isPresent()) {
            out.add(local.get());
        } else if (clusters.isRegistered(ClusterConnection.DEFAULT_CLUSTER_ID)) {
            out.add(new ClusterDefinition(ClusterConnection.DEFAULT_CLUSTER_ID,
                    clusters.profile(ClusterConnection.DEFAULT_CLUSTER_ID).map(p -> p.name()).orElse("Local cluster"),
                    ClusterKind.LOCAL, null, null, Instant.EPOCH));
        }
        stored.stream().filter(d -> !d.id().equals(ClusterConnection.DEFAULT_CLUSTER_ID))
                .sorted(Comparator.comparing(ClusterDefinition::createdAt).thenComparing(ClusterDefinition::id))
                .forEach(out::add);
        return out;
    }

    String notConnectedReason(String id) {
        return notConnected.get(id);
    }

    void addDefinitionsListener(Runnable listener) {
        listeners.add(listener);
    }

    synchronized ClusterDefinition addRemote(String name, RemoteEndpoint endpoint, String password, String savepointDir) {
        String validName = ClusterDefinitionRules.requireName(name, definitions(), null);
        ClusterDefinitionRules.requireEndpoint(endpoint, password);
        String validDir = ClusterDefinitionRules.requireSavepointDirectory(savepointDir);
        String id = newId();
        String secretId = password == null || password.isEmpty() ? null
                : secrets.put("Password of the Flink cluster '" + validName + "' (" + id + ")", password);
        ClusterDefinition definition = new ClusterDefinition(id, validName, ClusterKind.REMOTE_SESSION,
                withSecret(endpoint, secretId), validDir, clock.instant());
        ClusterConnection connection;
        ClusterDefinition stored;
        try {
            connection = connectOrRefuse(definition);
            stored = store.create(definition);
        } catch (RuntimeException e) {
            deleteSecret(secretId);
            throw e instanceof StoreException ? new OperationFailedException("Adding the cluster '" + validName
                    + "' failed: " + e.getMessage(), "Try again; if it keeps failing, the app log tells why.", e) : e;
        }
        connectedFrom.put(stored.id(), stored);
        if (connection != null) {
            clusters.register(connection);
            startQuietly(connection);
        }
        LOG.info("Added the remote session cluster {} '{}' at {}", id, validName, endpoint.restUrl());
        fire();
        return stored;
    }

    synchronized ClusterDefinition updateRemote(String id, String name, RemoteEndpoint endpoint, String password,
                                                String savepointDir) {
        ClusterDefinition old = existing(id);
        if (old.kind() != ClusterKind.REMOTE_SESSION) {
            throw new InputRejectedException("The cluster " + id + " is a " + old.kind().label()
                    + " cluster; only remote session clusters are changed here.");
        }
        String validName = ClusterDefinitionRules.requireName(name, definitions(), id);
        ClusterDefinitionRules.requireEndpoint(endpoint, password);
        String validDir = ClusterDefinitionRules.requireSavepointDirectory(savepointDir);
        String oldSecret = old.endpoint().passwordSecretId();
        String newSecret;
        if (endpoint.username() == null || (password != null && password.isEmpty())) {
            newSecret = null; // no user, or the password cleared
        } else if (password == null) {
            newSecret = oldSecret;
        } else {
            newSecret = secrets.put("Password of the Flink cluster '" + validName + "' (" + id + ")", password);
        }
        ClusterDefinition changed = new ClusterDefinition(id, validName, old.kind(), withSecret(endpoint, newSecret),
                validDir, old.createdAt());
        ClusterConnection connection;
        ClusterDefinition stored;
        try {
            connection = connectOrRefuse(changed);
            stored = store.update(changed);
        } catch (RuntimeException e) {
            if (newSecret != null && !newSecret.equals(oldSecret)) {
                deleteSecret(newSecret);
            }
            throw e instanceof StoreException ? new OperationFailedException("Changing the cluster '" + validName
                    + "' failed: " + e.getMessage(), "Try again; if it keeps failing, the app log tells why.", e) : e;
        }
        if (oldSecret != null && !oldSecret.equals(newSecret)) {
            deleteSecret(oldSecret);
        }
        clusters.unregister(id);
        connectedFrom.put(id, stored);
        if (connection != null) {
            clusters.register(connection);
            startQuietly(connection);
        }
        fire();
        return stored;
    }

    /**
     * Stores the spec a deployment change wrote (a scale) into the cluster's definition without reconnecting it: the
     * connection already runs with it, and a restart must not write the old size back.
     */
    synchronized void rememberKubernetesSpec(String id, io.streamdesk.model.cluster.KubernetesSpec spec) {
        ClusterDefinition old = existing(id);
        if (old.kind() != ClusterKind.KUBERNETES || spec.equals(old.kubernetes())) {
            return;
        }
        ClusterDefinition stored = store.update(old.withKubernetes(spec));
        connectedFrom.put(id, stored);
        fire();
    }

    /**
     * Registers a Kubernetes cluster (R3): validates the FlinkDeployment settings, the optional REST URL override and
     * the savepoint directory (required: the pods cannot write this desktop's disk), refuses a second registration of
     * the same FlinkDeployment, stores the definition, connects it and starts it (the connection creates or adopts
     * the FlinkDeployment).
     */
    synchronized ClusterDefinition addKubernetes(String name, KubernetesSpec spec, RemoteEndpoint restOverride,
                                                 String savepointDir) {
        String validName = ClusterDefinitionRules.requireName(name, definitions(), null);
        KubernetesSpec validSpec = withAbsoluteKubeconfig(ClusterDefinitionRules.requireKubernetes(spec));
        ClusterDefinitionRules.requireRestOverride(restOverride);
        String validDir = ClusterDefinitionRules.requireKubernetesSavepointDirectory(savepointDir);
        requireDeploymentFree(validSpec, null);
        String id = newId("k8s-");
        ClusterDefinition definition = new ClusterDefinition(id, validName, ClusterKind.KUBERNETES,
                restOverride == null ? null : withSecret(restOverride, null), validDir, clock.instant(), validSpec);
        ClusterConnection connection;
        ClusterDefinition stored;
        try {
            connection = connectOrRefuse(definition);
            stored = store.create(definition);
        } catch (StoreException e) {
            throw new OperationFailedException("Adding the cluster '" + validName + "' failed: " + e.getMessage(),
                    "Try again; if it keeps failing, the app log tells why.", e);
        }
        connectedFrom.put(stored.id(), stored);
        if (connection != null) {
            clusters.register(connection);
            startQuietly(connection);
        }
        LOG.info("Added the Kubernetes cluster {} '{}': FlinkDeployment {}/{} (context {})", id, validName,
                validSpec.namespace(), validSpec.deploymentName(), validSpec.context() == null ? "current"
                        : validSpec.context());
        fire();
        return stored;
    }

    /** Changes a Kubernetes cluster's definition and reconnects it (the new connection writes the changed spec). */
    synchronized ClusterDefinition updateKubernetes(String id, String name, KubernetesSpec spec,
                                                    RemoteEndpoint restOverride, String savepointDir) {
        ClusterDefinition old = existing(id);
        if (old.kind() != ClusterKind.KUBERNETES) {
            throw new InputRejectedException("The cluster " + id + " is a " + old.kind().label()
                    + " cluster; only Kubernetes clusters are changed here.");
        }
        String validName = ClusterDefinitionRules.requireName(name, definitions(), id);
        KubernetesSpec validSpec = withAbsoluteKubeconfig(ClusterDefinitionRules.requireKubernetes(spec));
        ClusterDefinitionRules.requireRestOverride(restOverride);
        String validDir = ClusterDefinitionRules.requireKubernetesSavepointDirectory(savepointDir);
        KubernetesSpec was = old.kubernetes();
        if (!was.namespace().equals(validSpec.namespace()) || !was.deploymentName().equals(validSpec.deploymentName())) {
            // the FlinkDeployment is found by namespace and name: a new pair would leave the old one running unseen
            throw new InputRejectedException("Namespace and deployment name: a registered cluster stays the "
                    + "FlinkDeployment " + was.namespace() + "/" + was.deploymentName() + "; add a new cluster for "
                    + validSpec.namespace() + "/" + validSpec.deploymentName() + " instead.");
        }
        requireDeploymentFree(validSpec, id);
        ClusterDefinition changed = new ClusterDefinition(id, validName, ClusterKind.KUBERNETES,
                restOverride == null ? null : withSecret(restOverride, null), validDir, old.createdAt(), validSpec);
        ClusterConnection connection;
        ClusterDefinition stored;
        try {
            connection = connectOrRefuse(changed);
            stored = store.update(changed);
        } catch (StoreException e) {
            throw new OperationFailedException("Changing the cluster '" + validName + "' failed: " + e.getMessage(),
                    "Try again; if it keeps failing, the app log tells why.", e);
        }
        clusters.unregister(id);
        connectedFrom.put(id, stored);
        if (connection != null) {
            clusters.register(connection);
            startQuietly(connection);
        }
        fire();
        return stored;
    }

    /** Two registrations of one FlinkDeployment would fight over it (scale, suspend, delete). */
    private void requireDeploymentFree(KubernetesSpec spec, String ownId) {
        for (ClusterDefinition d : definitions()) {
            KubernetesSpec other = d.kubernetes();
            if (other == null || d.id().equals(ownId)) {
                continue;
            }
            if (java.util.Objects.equals(other.kubeconfig(), spec.kubeconfig())
                    && java.util.Objects.equals(other.context(), spec.context())
                    && other.namespace().equals(spec.namespace()) && other.deploymentName().equals(spec.deploymentName())) {
                throw new InputRejectedException("Deployment name: the cluster '" + d.name() + "' (" + d.id()
                        + ") already is the FlinkDeployment " + spec.namespace() + "/" + spec.deploymentName()
                        + " of this context; choose another name or namespace.");
            }
        }
    }

    private static KubernetesSpec withAbsoluteKubeconfig(KubernetesSpec s) {
        if (s.kubeconfig() == null) {
            return s;
        }
        return new KubernetesSpec(abs(s.kubeconfig()), s.context(), s.namespace(), s.deploymentName(), s.image(),
                s.flinkVersion(), s.serviceAccount(), s.jobManager(), s.taskManager(), s.taskSlots(),
                s.flinkConfiguration(), s.hostAliases(), s.dns());
    }

    List<Job> jobsOn(String clusterId) {
        return jobs.list().stream().filter(j -> clusterId.equals(j.clusterId())).toList();
    }

    synchronized void remove(String id) {
        if (ClusterConnection.DEFAULT_CLUSTER_ID.equals(id)) {
            throw new OperationFailedException("The local cluster cannot be removed.",
                    "It is part of StreamDesk; remove the remote clusters you added instead.");
        }
        ClusterDefinition d = existing(id);
        List<Job> busy = jobsOn(id).stream().filter(j -> BUSY.contains(j.status()) || j.onlineVersion() != null).toList();
        if (!busy.isEmpty()) {
            throw new OperationFailedException("The cluster '" + d.name() + "' (" + id + ") still has "
                    + busy.size() + " job(s) running or in an operation: " + String.join(", ",
                    busy.stream().limit(20).map(j -> j.name() + " (" + j.id() + ", " + j.status().label() + ")").toList())
                    + (busy.size() > 20 ? " and " + (busy.size() - 20) + " more" : "") + ".",
                    "Stop those jobs (with a savepoint to keep their state), or copy them to another cluster, then remove it.");
        }
        store.delete(id);
        connectedFrom.remove(id);
        notConnected.remove(id);
        clusters.unregister(id);
        if (d.endpoint() != null) {
            deleteSecret(d.endpoint().passwordSecretId());
        }
        int left = jobsOn(id).size();
        LOG.info("Removed the cluster {} '{}'; {} job(s) stay placed on it and will be refused on run", id, d.name(), left);
        fire();
    }

    ConnectivityReport testConnectivity(String clusterId, String hostPortOrNull) {
        ClusterDefinition d = existing(clusterId);
        String ranOn = switch (d.kind()) {
            case LOCAL -> DESKTOP_FOR_LOCAL;
            case KUBERNETES -> DESKTOP_FOR_KUBERNETES;
            default -> DESKTOP_FOR_REMOTE;
        };
        if (hostPortOrNull != null && !hostPortOrNull.isBlank()) {
            ConnectivityTester.Target target = ConnectivityTester.parseTarget(hostPortOrNull);
            if (d.kind() == ClusterKind.KUBERNETES) {
                return testInCluster(d, target);
            }
            return tester.testHost(target, ranOn);
        }
        RemoteEndpoint endpoint = d.endpoint();
        if (endpoint == null) {
            String url = clusters.state(clusterId).restUrl();
            if (url == null) {
                return new ConnectivityReport(d.name(), ranOn, List.of(new ConnectivityReport.Step("REST URL", false,
                        d.name() + " is not running, so it has no REST URL to test; start it first.",
                        java.time.Duration.ZERO)));
            }
            endpoint = RemoteEndpoint.of(url);
        }
        String password = null;
        if (endpoint.passwordSecretId() != null) {
            password = secrets.get(endpoint.passwordSecretId()).orElse(null);
            if (password == null) {
                return new ConnectivityReport(endpoint.restUrl(), ranOn, List.of(new ConnectivityReport.Step("Password",
                        false, "The password of user '" + endpoint.username() + "' is missing from the secret store"
                        + " (secret " + endpoint.passwordSecretId() + "); enter it again in the cluster's settings.",
                        java.time.Duration.ZERO)));
            }
        }
        return tester.testRestApi(endpoint, password, ranOn);
    }

    /** A host test of a Kubernetes cluster runs inside it (R4: where the jobs run, with the pods' DNS settings). */
    private ConnectivityReport testInCluster(ClusterDefinition d, ConnectivityTester.Target target) {
        Optional<io.streamdesk.service.port.InClusterProbe> probe = clusters.inClusterProbe(d.id());
        if (probe.isEmpty()) {
            String why = notConnected.get(d.id());
            return new ConnectivityReport(target.toString(), "inside the cluster (not run)", List.of(
                    new ConnectivityReport.Step("Pod", false, d.name() + " has no connection to its Kubernetes API"
                            + (why == null ? "" : " (" + why + ")") + ", so the test cannot run inside the cluster.",
                            java.time.Duration.ZERO)));
        }
        ConnectivityReport report;
        try {
            report = probe.get().testHost(target.host(), target.port(), target.tls());
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(e.getMessage());
        }
        return new ConnectivityReport(target.toString(), report.ranOn(), report.steps());
    }

    private ClusterDefinition existing(String id) {
        return definitions().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() ->
                new InputRejectedException("No cluster with ID '" + id + "'; `cluster list` shows the clusters."));
    }

    /** The connection, or null when no connector handles the kind (remembered as not connected). */
    private ClusterConnection connectOrRefuse(ClusterDefinition d) {
        Optional<ClusterConnector> connector = connectors.stream().filter(c -> c.handles(d)).findFirst();
        if (connector.isEmpty()) {
            notConnected.put(d.id(), noConnector(d));
            return null;
        }
        ClusterConnection c;
        try {
            c = connector.get().connect(d, this::readSecret);
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(e.getMessage());
        }
        if (!c.id().equals(d.id())) {
            throw new IllegalStateException("The connector made a connection with ID " + c.id() + " for " + d.id());
        }
        notConnected.remove(d.id());
        return c;
    }

    private Optional<ClusterConnection> connect(ClusterDefinition d) {
        try {
            return Optional.ofNullable(connectOrRefuse(d));
        } catch (RuntimeException e) {
            LOG.warn("Cannot connect the cluster {} '{}': {}", d.id(), d.name(), e.getMessage());
            notConnected.put(d.id(), "its settings cannot be used: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String noConnector(ClusterDefinition d) {
        return "this StreamDesk build cannot connect to " + d.kind().label().toLowerCase(java.util.Locale.ROOT)
                + " clusters yet.";
    }

    private String readSecret(String secretId) {
        return secretId == null ? null : secrets.get(secretId).orElse(null);
    }

    private void deleteSecret(String secretId) {
        if (secretId == null) {
            return;
        }
        try {
            secrets.delete(secretId);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the secret {} of a cluster password", secretId, e);
        }
    }

    private void startQuietly(ClusterConnection connection) {
        try {
            connection.start();
        } catch (RuntimeException e) {
            LOG.warn("Starting to watch the cluster {} failed", connection.id(), e);
        }
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("A cluster definitions listener failed", e);
            }
        }
    }

    private static RemoteEndpoint withSecret(RemoteEndpoint e, String secretId) {
        return new RemoteEndpoint(e.restUrl(), e.username(), secretId, abs(e.caFile()), abs(e.clientCertFile()),
                abs(e.clientKeyFile()));
    }

    private static java.nio.file.Path abs(java.nio.file.Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }

    private String newId() {
        return newId("rsc-");
    }

    private String newId(String prefix) {
        for (int attempt = 0; ; attempt++) {
            StringBuilder sb = new StringBuilder(prefix);
            for (int i = 0; i < 8; i++) {
                sb.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
            }
            String id = sb.toString();
            if (store.find(id).isEmpty() && !clusters.isRegistered(id)) {
                return id;
            }
            if (attempt > 10) {
                throw new IllegalStateException("Could not make a free cluster ID");
            }
        }
    }
}
