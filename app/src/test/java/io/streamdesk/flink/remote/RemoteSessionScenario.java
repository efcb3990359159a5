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

    final InMemoryJobStore jobStore = new InMemoryJobStore();
    final InMemorySecretStore secrets = new InMemorySecretStore();
    final RemoteSessionConnection connection;
    final ServiceGraph graph;

    RemoteSessionScenario(Path dir, ClusterDefinition definition, InMemorySecretStore secretStore) {
        this.connection = (RemoteSessionConnection) new RemoteSessionConnector(Duration.ofMillis(500))
                .connect(definition, id -> secretStore.get(id).orElse(null));
        Duration wait = Duration.ofSeconds(60);
        this.graph = ServiceGraph.build(ServiceGraph.adapters()
                .stores(jobStore, new InMemoryVersionStore(), new InMemoryRunStore(), new InMemoryEventStore())
                .monitoringStores(new InMemoryMetricStore(), new InMemoryCheckpointStore(), new InMemoryAlarmStore())
                .settings(new InMemorySettingsStore(), new InMemorySmtpSettingsStore(), secrets)
                .cluster(connection, FlinkVersions.bundled())
                .sql(new FlinkSqlChecker(), new FlinkSqlSubmitter(), new FlinkSqlSubmitter(),
                        new FlinkSavepointInspector(), new FlinkConfigOptionCatalog())
                .clock(Clock.systemUTC())
                .user("tester", new RunService.RunTimeouts(Duration.ofSeconds(20), wait, wait))
                .paths(dir.resolve("savepoints"), dir.resolve("run-logs"))
                .series((job, metric, from, to) -> List.of()));
    }

    static ClusterDefinition definition(String id, RemoteEndpoint endpoint, Path savepoints) {
        return new ClusterDefinition(id, "Remote " + id, ClusterKind.REMOTE_SESSION, endpoint,
                savepoints.toUri().toString(), Instant.now());
    }

    ClusterState connect() {
        connection.start();
        return connection.awaitRunning(Duration.ofSeconds(20));
    }

    /** A SQL job placed on this cluster (the registry's createSqlJob(..., clusterId) lands with issue 11's registry). */
    JobId createJob(String name) {
        Job draft = graph.jobs().createSqlJob(name, "/remote");
        Job onRemote = new Job(draft.id(), draft.name(), draft.folder(), JobType.SQL, connection.id(), draft.status(),
                null, draft.createdAt(), Duration.ZERO, null, 0, null, null);
        jobStore.put(onRemote);
        graph.jobs().saveDraft(draft.id(), SQL);
        graph.jobs().publish(draft.id(), "first");
        return draft.id();
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
