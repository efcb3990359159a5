package io.streamdesk.flink.remote;

import io.streamdesk.app.ServiceGraph;
import io.streamdesk.flink.config.FlinkConfigOptionCatalog;
import io.streamdesk.flink.local.FlinkVersions;
import io.streamdesk.flink.sql.FlinkSqlChecker;
import io.streamdesk.flink.sql.FlinkSqlSubmitter;
import io.streamdesk.flink.state.FlinkSavepointInspector;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.RunService;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.testing.InMemoryAlarmStore;
import io.streamdesk.testing.InMemoryCheckpointStore;
import io.streamdesk.testing.InMemoryEventStore;
import io.streamdesk.testing.InMemoryJobStore;
import io.streamdesk.testing.InMemoryMetricStore;
import io.streamdesk.testing.InMemoryRunStore;
import io.streamdesk.testing.InMemorySecretStore;
import io.streamdesk.testing.InMemorySettingsStore;
import io.streamdesk.testing.InMemorySmtpSettingsStore;
import io.streamdesk.testing.InMemoryVersionStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of a job on a remote session cluster through the real services (ServiceGraph over in-memory stores,
 * the real planner, checker and submitter) and a real {@link RemoteSessionConnection}: connect, create, publish,
 * run, savepoint, stop with savepoint, run from it, cancel.
 */
final class RemoteSessionScenario {

    static final String SQL = """
            CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
            CREATE TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT id FROM src;
            """;

    final RemoteSessionConnection connection;
    final ServiceGraph graph;
    /** The cluster as the registry stored it (its id is the registry's, not the one of the given definition). */
    final ClusterDefinition registered;

    /**
     * Adds the cluster of {@code definition} through the registry, as the Clusters pane and {@code cluster add remote}
     * do (the password, when its endpoint names one in {@code secretStore}, is handed over in clear, as a user types
     * it); the registry connects it with the real {@link RemoteSessionConnector}.
     */
    RemoteSessionScenario(Path dir, ClusterDefinition definition, InMemorySecretStore secretStore) {
        RecordingConnector connector = new RecordingConnector();
        Duration wait = Duration.ofSeconds(60);
        this.graph = ServiceGraph.build(ServiceGraph.adapters()
                .stores(new InMemoryJobStore(), new InMemoryVersionStore(), new InMemoryRunStore(), new InMemoryEventStore())
                .monitoringStores(new InMemoryMetricStore(), new InMemoryCheckpointStore(), new InMemoryAlarmStore())
                .settings(new InMemorySettingsStore(), new InMemorySmtpSettingsStore(), secretStore)
                // the embedded cluster is not under test here: the registry's default entry only
                .cluster(new io.streamdesk.testing.FakeLocalCluster(), FlinkVersions.bundled())
                .clusterDefinitions(new io.streamdesk.testing.InMemoryClusterDefinitionStore())
                .connectors(List.of(connector))
                .sql(new FlinkSqlChecker(), new FlinkSqlSubmitter(), new FlinkSqlSubmitter(),
                        new FlinkSavepointInspector(), new FlinkConfigOptionCatalog())
                .clock(Clock.systemUTC())
                .user("tester", new RunService.RunTimeouts(Duration.ofSeconds(20), wait, wait))
                .paths(dir.resolve("savepoints"), dir.resolve("run-logs"))
                .series((job, metric, from, to) -> List.of()));
        RemoteEndpoint e = definition.endpoint();
        String password = e.passwordSecretId() == null ? null : secretStore.get(e.passwordSecretId()).orElse(null);
        this.registered = graph.clusters().addRemote(definition.name(), new RemoteEndpoint(e.restUrl(), e.username(),
                null, e.caFile(), e.clientCertFile(), e.clientKeyFile()), password, definition.savepointDirectory());
        this.connection = java.util.Objects.requireNonNull(connector.made, "the registry connected no cluster");
    }

    /** The real connector, keeping the connection it made so the tests can watch it. */
    private static final class RecordingConnector implements io.streamdesk.service.port.ClusterConnector {
        private final RemoteSessionConnector real = new RemoteSessionConnector(Duration.ofMillis(500));
        volatile RemoteSessionConnection made;

        @Override
        public boolean handles(ClusterDefinition definition) {
            return real.handles(definition);
        }

        @Override
        public io.streamdesk.service.port.ClusterConnection connect(ClusterDefinition definition, SecretReader secrets) {
            made = (RemoteSessionConnection) real.connect(definition, secrets);
            return made;
        }
    }

    static ClusterDefinition definition(String id, RemoteEndpoint endpoint, Path savepoints) {
        return new ClusterDefinition(id, "Remote " + id, ClusterKind.REMOTE_SESSION, endpoint,
                savepoints.toUri().toString(), Instant.now());
    }

    /** Starts probing (the registry already did when it added the cluster) and waits for the first answer. */
    ClusterState connect() {
        graph.clusters().start(registered.id());
        return connection.awaitRunning(Duration.ofSeconds(20));
    }

    /** A SQL job created on this cluster and published, as the new-job dialog and {@code job create --cluster} do. */
    JobId createJob(String name) {
        Job created = graph.jobs().createSqlJob(name, "/remote", registered.id());
        graph.jobs().saveDraft(created.id(), SQL);
        graph.jobs().publish(created.id(), "first");
        return created.id();
    }

    /**
     * Runs version 1, takes a savepoint, stops with a savepoint, runs again from it and cancels; each step checked
     * against the cluster through the connection's gateway.
     */
    void runSavepointStopRestoreCancel(JobId id) {
        RunService runs = graph.runs();
        Job running = runs.run(id, 1, RestoreChoice.fresh());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        String first = running.flinkJobId();
        assertThat(connection.gateway().jobDetails(first).state()).isEqualTo("RUNNING");
        assertThat(connection.gateway().jobDetails(first).name()).contains(id.value());

        var savepoint = graph.checkpoints().triggerSavepoint(id, "before the upgrade");
        // where the cluster's definition says its savepoints go, not the desktop's data directory
        String under = java.net.URI.create(connection.savepointTarget(id.value())).getPath() + "/savepoint-";
        assertThat(java.net.URI.create(savepoint.location()).getPath()).startsWith(under);

        Job stopped = runs.stop(id, true);
        assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
        String stopSavepoint = runs.latestSavepoint(id).orElseThrow().location();
        assertThat(stopSavepoint).isNotEqualTo(savepoint.location());
        assertThat(java.net.URI.create(stopSavepoint).getPath()).startsWith(under);

        Job again = runs.run(id, 1, RestoreChoice.path(stopSavepoint));
        assertThat(again.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(again.flinkJobId()).isNotEqualTo(first);
        assertThat(runs.runs(id)).filteredOn(r -> again.flinkJobId().equals(r.flinkJobId()))
                .singleElement().extracting(io.streamdesk.model.JobRun::restoredFrom).isEqualTo(stopSavepoint);

        Job cancelled = runs.stop(id, false);
        assertThat(cancelled.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(connection.gateway().jobDetails(again.flinkJobId()).state()).isEqualTo("CANCELED");
    }

    void close() {
        connection.close();
    }

    static void awaitHealth(ClusterConnection c, ClusterHealth health, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (c.state().health() != health) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + health + " within " + timeout.toSeconds() + " s, is "
                        + c.state().health() + ": " + c.state().detail());
            }
            Thread.sleep(100);
        }
    }
}
