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
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.RunService;
import io.streamdesk.testing.FakeLocalCluster;
import io.streamdesk.testing.InMemoryAlarmStore;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
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
 * the real planner, checker and submitter, the cluster registry with the real {@link RemoteSessionConnector}): add
 * the cluster, create a job on it, publish, run, savepoint, stop with savepoint, run from it, cancel.
 */
final class RemoteSessionScenario {

    static final String SQL = """
            CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
            CREATE TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT id FROM src;
            """;

    final InMemoryJobStore jobStore = new InMemoryJobStore();
    final InMemoryVersionStore versionStore = new InMemoryVersionStore();
    final InMemorySecretStore secrets = new InMemorySecretStore();
    final ServiceGraph graph;
    /** The id the registry gave the remote cluster once {@link #add} registered it. */
    String clusterId;

    /**
     * The services with the remote session connector: a cluster is added through the registry ({@code addRemote},
     * its password kept in the secret store) and connected by {@link RemoteSessionConnector}. The graph's local
     * cluster is a fake that nothing here uses.
     */
    RemoteSessionScenario(Path dir) {
        Duration wait = Duration.ofSeconds(60);
        this.graph = ServiceGraph.build(ServiceGraph.adapters()
                .jobForms(new io.streamdesk.testing.InMemoryJobFormStore())
                .stores(jobStore, versionStore, new InMemoryRunStore(), new InMemoryEventStore())
                .monitoringStores(new InMemoryMetricStore(), new InMemoryCheckpointStore(), new InMemoryAlarmStore())
                .settings(new InMemorySettingsStore(), new InMemorySmtpSettingsStore(), secrets)
                .cluster(new FakeLocalCluster(), FlinkVersions.bundled())
                .clusterDefinitions(new InMemoryClusterDefinitionStore())
                .variables(new io.streamdesk.testing.InMemoryVariableStore())
                .dependencies(new io.streamdesk.testing.InMemoryDependencyStore(jobStore, versionStore),
                        new io.streamdesk.store.DependencyFiles(dir.resolve("dependencies")))
                .connectors(List.of(new RemoteSessionConnector(Duration.ofMillis(500))))
                .metadata(new io.streamdesk.testing.InMemoryMetadataStore(), new io.streamdesk.flink.sql.FlinkTableDdlParser())
                .sql(new FlinkSqlChecker(), new FlinkSqlSubmitter(), new FlinkSqlSubmitter(),
                        new FlinkSavepointInspector(), new FlinkConfigOptionCatalog())
                .lineage(new io.streamdesk.testing.InMemoryLineageStore(), new io.streamdesk.testing.FakeLineageExtractor())
                .clock(Clock.systemUTC())
                .user("tester", new RunService.RunTimeouts(Duration.ofSeconds(20), wait, wait))
                .paths(dir.resolve("savepoints"), dir.resolve("run-logs"))
                .series((job, metric, from, to) -> List.of()));
    }

    static ClusterDefinition definition(String id, RemoteEndpoint endpoint, Path savepoints) {
        return new ClusterDefinition(id, "Remote " + id, ClusterKind.REMOTE_SESSION, endpoint,
                savepoints.toUri().toString(), Instant.now());
    }

    /** Adds the cluster through the registry and waits until its first probe decided. */
    ClusterState add(String name, RemoteEndpoint endpoint, String password, Path savepoints) throws InterruptedException {
        ClusterDefinition added = graph.clusters().addRemote(name, endpoint, password, savepoints.toUri().toString());
        clusterId = added.id();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (state().health() == ClusterHealth.STARTING || state().health() == ClusterHealth.STOPPED) {
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(50);
        }
        return state();
    }

    ClusterState state() {
        return graph.clusters().state(clusterId);
    }

    io.streamdesk.service.port.ClusterGateway gateway() {
        return graph.clusters().currentGateway(clusterId);
    }

    /** A SQL job placed on the remote cluster, with a published version 1. */
    JobId createJob(String name) {
        Job job = graph.jobs().createSqlJob(name, "/remote", clusterId);
        assertThat(job.clusterId()).isEqualTo(clusterId);
        graph.jobs().saveDraft(job.id(), SQL);
        graph.jobs().publish(job.id(), "first");
        return job.id();
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
        assertThat(gateway().jobDetails(first).state()).isEqualTo("RUNNING");
        assertThat(gateway().jobDetails(first).name()).contains(id.value());

        var savepoint = graph.checkpoints().triggerSavepoint(id, "before the upgrade");
        // where the cluster's definition says its savepoints go, not the desktop's data directory
        String under = java.net.URI.create(graph.clusters().savepointTarget(clusterId, id.value())).getPath() + "/savepoint-";
        assertThat(java.net.URI.create(savepoint.location()).getPath()).startsWith(under);

        Job stopped = runs.stop(id, true);
        assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
        String stopSavepoint = runs.latestSavepoint(id).orElseThrow().location();
        assertThat(stopSavepoint).isNotEqualTo(savepoint.location());
        assertThat(java.net.URI.create(stopSavepoint).getPath()).startsWith(under);
        // on loopback the cluster's file: savepoints are readable here: offered, and their state is compared (R6; the
        // unreadable case, another host's path or an object store, is RemoteRestorePointsTest over the fakes)
        assertThat(runs.notReadableFromDesktop(id, stopSavepoint)).isFalse();
        assertThat(runs.restorePoints(id)).extracting(io.streamdesk.model.CheckpointRecord::location).contains(stopSavepoint);
        var plan = graph.versionRuns().plan(id, 1, RestoreChoice.path(stopSavepoint));
        assertThat(plan.problem()).isNull();
        assertThat(plan.state()).isPresent();

        Job again = runs.run(id, 1, RestoreChoice.path(stopSavepoint));
        assertThat(again.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(again.flinkJobId()).isNotEqualTo(first);
        assertThat(runs.runs(id)).filteredOn(r -> again.flinkJobId().equals(r.flinkJobId()))
                .singleElement().extracting(io.streamdesk.model.JobRun::restoredFrom).isEqualTo(stopSavepoint);

        Job cancelled = runs.stop(id, false);
        assertThat(cancelled.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(gateway().jobDetails(again.flinkJobId()).state()).isEqualTo("CANCELED");
    }

    /**
     * DP3 on a cluster that is not the app's child: a UDF jar compiled here (on no cluster's class path) is uploaded
     * as a dependency, the job uses it, and its tasks reach RUNNING only if the jar went with the job; then cancelled.
     */
    void runJobWithAUdfJar(Path workDir) throws java.io.IOException {
        Path jar = io.streamdesk.testing.TestJars.compile(workDir.resolve("udf-build"), workDir.resolve("shout-udf.jar"),
                java.util.Map.of("udf.Shout", """
                        package udf;
                        public class Shout extends org.apache.flink.table.functions.ScalarFunction {
                            public String eval(Long v) { return "id-" + v + "!"; }
                        }
                        """));
        var dependency = graph.dependencies().add(jar, "a UDF the remote cluster does not have");
        Job job = graph.jobs().createSqlJob("udf-on-remote", "/remote", clusterId);
        graph.dependencies().useInDraft(job.id(), List.of(new io.streamdesk.model.dependency.DependencyRef(
                dependency.name(), dependency.version(), null)));
        graph.jobs().saveDraft(job.id(), """
                CREATE TEMPORARY FUNCTION shout AS 'udf.Shout';
                CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
                CREATE TABLE snk (s STRING) WITH ('connector' = 'blackhole');
                INSERT INTO snk SELECT shout(id) FROM src;
                """);
        int version = graph.jobs().publish(job.id(), "with a UDF").number();
        Job running = graph.runs().run(job.id(), version, RestoreChoice.fresh());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        var details = gateway().jobDetails(running.flinkJobId());
        assertThat(details.state()).isEqualTo("RUNNING");
        assertThat(graph.runs().stop(job.id(), false).status()).isEqualTo(JobStatus.STOPPED);
    }

    void close() {
        graph.clusters().closeConnections();
    }

    void awaitHealth(ClusterHealth health, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state().health() != health) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + health + " within " + timeout.toSeconds() + " s, is "
                        + state().health() + ": " + state().detail());
            }
            Thread.sleep(100);
        }
    }
}
