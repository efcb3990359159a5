package io.streamdesk.flink.remote;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.StandaloneFlinkCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real standalone Flink 2.3.0 session cluster on loopback over plain HTTP (separate JobManager and TaskManager
 * JVMs): the whole job path through the services, then a JobManager that stops and comes back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteSessionHttpIntegrationTest {

    @TempDir
    static Path dir;
    static StandaloneFlinkCluster cluster;
    static RemoteSessionScenario scenario;

    @BeforeAll
    static void startCluster() throws Exception {
        long t0 = System.nanoTime();
        cluster = StandaloneFlinkCluster.start(dir.resolve("flink"), null);
        System.out.println("standalone cluster ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        scenario = new RemoteSessionScenario(dir);
    }

    @AfterAll
    static void stopCluster() {
        if (scenario != null) {
            scenario.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void addsTheClusterAndReadsItsProfileFromIt() throws Exception {
        ClusterState state = scenario.add("Shared plain", RemoteEndpoint.of(cluster.restUrl()), null, dir.resolve("savepoints"));
        assertThat(state.health()).as(String.valueOf(state.detail())).isEqualTo(ClusterHealth.RUNNING);
        assertThat(state.flinkVersion()).isEqualTo("2.3.0");
        assertThat(state.lastSeen()).isNotNull();
        assertThat(scenario.graph.clusters().profile(scenario.clusterId).orElseThrow().defaultFlinkVersion()).isEqualTo("2.3.0");
        assertThat(scenario.graph.clusters().savepointTarget(scenario.clusterId, "job-1"))
                .isEqualTo(dir.resolve("savepoints").toUri().toString().replaceAll("/$", "") + "/job-1");
        // the TaskManager's slots, as the REST API reports them (a TaskManager that re-registers after a missed
        // heartbeat on a loaded machine shows 0 for a moment)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (scenario.gateway().overview().slotsTotal() != 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(scenario.gateway().overview().slotsTotal()).isEqualTo(2);

        // the connection itself, as the connector makes it
        RemoteSessionConnection c = (RemoteSessionConnection) new RemoteSessionConnector().connect(
                RemoteSessionScenario.definition("direct", RemoteEndpoint.of(cluster.restUrl()), dir), id -> null);
        try {
            c.start();
            assertThat(c.awaitRunning(Duration.ofSeconds(10)).health()).isEqualTo(ClusterHealth.RUNNING);
            assertThat(c.profile().name()).isEqualTo("Remote direct");
            assertThat(c.profile().flinkVersions()).containsExactly("2.3.0");
            assertThat(c.profile().fineGrainedResources()).isFalse();
            assertThat(c.profile().shared()).isTrue();
            assertThat(c.keepsJobsWhenItFails()).isTrue();
            assertThat(c.restartsAutomatically()).isFalse();
            assertThat(c.processLog()).isEmpty();
            c.stop(Duration.ZERO);
            assertThat(c.state().health()).isEqualTo(ClusterHealth.STOPPED);
            c.restart();
            assertThat(c.awaitRunning(Duration.ofSeconds(10)).health()).isEqualTo(ClusterHealth.RUNNING);
        } finally {
            c.close();
        }
    }

    @Test
    @Order(2)
    void runsSavepointsStopsRestoresAndCancelsAJob() {
        long t0 = System.nanoTime();
        scenario.runSavepointStopRestoreCancel(scenario.createJob("orders-plain"));
        System.out.println("job path on the plain cluster in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    @Order(3)
    void shipsTheJobsDependencyJarsToTheRemoteCluster() throws Exception {
        scenario.runJobWithAUdfJar(dir);
    }

    @Test
    @Order(4)
    void aStoppedJobManagerIsUnreachableAndTheConnectionRecoversByItself() throws Exception {
        cluster.stopJobManager();
        long t0 = System.nanoTime();
        scenario.awaitHealth(ClusterHealth.UNREACHABLE, Duration.ofSeconds(15));
        long unreachableAfter = (System.nanoTime() - t0) / 1_000_000;
        assertThat(scenario.state().detail()).contains(cluster.restUrl()).contains("refused the connection");
        assertThat(unreachableAfter).as("three failed probes in a row, not one").isGreaterThanOrEqualTo(900);
        // a submission says why, without trying to upload
        assertThatThrownBy(() -> scenario.graph.runs().run(scenario.createJob("while-down"), 1,
                io.streamdesk.service.RestoreChoice.fresh()))
                .hasMessageContaining("refused the connection");

        cluster.startJobManager();
        scenario.awaitHealth(ClusterHealth.RUNNING, Duration.ofSeconds(20));
        assertThat(scenario.state().detail()).isNull();
        System.out.println("unreachable after " + unreachableAfter + " ms; back to RUNNING "
                + (System.nanoTime() - t0) / 1_000_000 + " ms after the JobManager was stopped");
    }

    @Test
    @Order(5)
    void savepointTargetIsRefusedWithoutADirectory() {
        RemoteSessionConnection bare = (RemoteSessionConnection) new RemoteSessionConnector().connect(
                new io.streamdesk.model.cluster.ClusterDefinition("bare", "Bare", io.streamdesk.model.cluster.ClusterKind.REMOTE_SESSION,
                        RemoteEndpoint.of(cluster.restUrl()), null, java.time.Instant.now()), id -> null);
        try {
            assertThatThrownBy(() -> bare.savepointTarget("j")).hasMessageContaining("set a savepoint directory the cluster can write");
        } finally {
            bare.close();
        }
    }

    /**
     * Logs come through the REST API (the registry's gateway of the remote cluster) and are kept per run, so they are
     * still there after the cluster is gone. Last: it ends the cluster.
     */
    @Test
    @Order(6)
    void theLogsOfARunAreKeptAndStayReadableAfterTheClusterIsGone() throws Exception {
        scenario.awaitHealth(ClusterHealth.RUNNING, Duration.ofSeconds(20));
        io.streamdesk.model.JobId id = scenario.createJob("logs-plain");
        io.streamdesk.model.Job running = scenario.graph.runs().run(id, 1, io.streamdesk.service.RestoreChoice.fresh());
        int instance = running.runInstance();
        io.streamdesk.service.logs.LogService logs = scenario.graph.logs();

        io.streamdesk.service.logs.LogService.FetchResult fetched = logs.fetch(id, instance, scenario.clusterId);

        assertThat(fetched.problems()).isEmpty();
        assertThat(fetched.files()).contains("jobmanager.log").anyMatch(f -> f.startsWith("taskmanager-"));
        assertThat(fetched.files()).doesNotContain("cluster-process.log"); // the app runs no process of a remote cluster
        String jobManagerLog = logs.read(id, instance, "jobmanager.log");
        assertThat(jobManagerLog).contains(running.flinkJobId());
        String taskManagerFile = fetched.files().stream().filter(f -> f.startsWith("taskmanager-")).findFirst().orElseThrow();
        String taskManagerLog = logs.read(id, instance, taskManagerFile);
        assertThat(taskManagerLog).contains(running.flinkJobId());
        scenario.graph.runs().stop(id, false);

        cluster.close();
        scenario.awaitHealth(ClusterHealth.UNREACHABLE, Duration.ofSeconds(15));

        assertThat(logs.files(id, instance)).containsExactlyInAnyOrderElementsOf(fetched.files());
        assertThat(logs.read(id, instance, "jobmanager.log")).isEqualTo(jobManagerLog);
        assertThat(logs.readAll(id, instance)).contains("===== jobmanager.log =====", running.flinkJobId());
        // a fetch while the cluster is gone says so and keeps the copies it has
        io.streamdesk.service.logs.LogService.FetchResult again = logs.fetch(id, instance, scenario.clusterId);
        assertThat(again.files()).isEmpty();
        assertThat(again.problems()).isNotEmpty();
        assertThat(logs.read(id, instance, "jobmanager.log")).isEqualTo(jobManagerLog);
        assertThat(logs.read(id, instance, taskManagerFile)).isEqualTo(taskManagerLog);
    }
}
