package io.streamdesk.flink.local;

import io.streamdesk.flink.sql.FlinkSqlSubmitter;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.JobControl.SavepointOperation;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.SqlSubmitException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the real local cluster (a child JVM with Flink 2.3.0's MiniCluster) once for the whole class: the machine
 * has two cores, so the tests share it and run in order (submit, savepoint, restore, then the crash test last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIntegrationTest {

    private static final String SCRIPT = """
            -- generated rows into a sink that drops them
            CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
            CREATE TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT id FROM src;
            """;

    @TempDir
    static Path temp;

    private static LocalClusterProcess cluster;
    private static final List<ClusterState> seen = new CopyOnWriteArrayList<>();
    private static final FlinkSqlSubmitter submitter = new FlinkSqlSubmitter();
    private static String savepointLocation;

    @BeforeAll
    static void startCluster() {
        cluster = new LocalClusterProcess(temp.resolve("cluster"), temp.resolve("logs/local-cluster.log"), "512m");
        cluster.addListener(seen::add);
        long t0 = System.nanoTime();
        cluster.start();
        ClusterState state = cluster.awaitRunning(Duration.ofSeconds(90));
        System.out.printf("FIGURE cluster RUNNING after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(state.health()).as("state %s", state).isEqualTo(ClusterHealth.RUNNING);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close(Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(1)
    void runsTheBundledFlinkVersionOnLoopbackWithItsFilesInTheWorkDir() throws Exception {
        ClusterState state = cluster.state();
        assertThat(state.flinkVersion()).isEqualTo("2.3.0");
        assertThat(state.restUrl()).startsWith("http://127.0.0.1:");
        assertThat(cluster.gateway().flinkVersion()).isEqualTo("2.3.0");
        ClusterGateway.ClusterOverview overview = cluster.gateway().overview();
        assertThat(overview.taskManagers()).isEqualTo(1);
        assertThat(overview.slotsTotal()).isEqualTo(4);
        assertThat(Files.readString(temp.resolve("cluster/rest.url"))).isEqualTo(state.restUrl());
        assertThat(temp.resolve("logs/local-cluster.log")).isNotEmptyFile();
        assertThat(temp.resolve("cluster/web-upload")).isNotEmptyDirectory(); // not under the system temp dir
        assertThat(seen).extracting(ClusterState::health).containsSubsequence(ClusterHealth.STARTING, ClusterHealth.RUNNING);
        cluster.processHandle().ifPresent(p -> System.out.println("FIGURE child " + rss(p.pid())));
    }

    @Test
    @Order(2)
    void submitsStopsWithSavepointAndRestores() throws Exception {
        ClusterGateway gateway = cluster.gateway();
        long t0 = System.nanoTime();
        String jobId = submitter.submit(gateway, "datagen-to-blackhole", SCRIPT, null);
        FlinkJobSummary job = await("all tasks running", Duration.ofSeconds(60),
                () -> gateway.job(jobId).filter(FlinkJobSummary::allTasksRunning).orElse(null));
        System.out.printf("FIGURE submit to all tasks running %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(job.name()).isEqualTo("datagen-to-blackhole");
        assertThat(gateway.jobDetails(jobId).state()).isEqualTo("RUNNING");
        cluster.processHandle().ifPresent(p -> System.out.println("FIGURE child with a job " + rss(p.pid())));

        Path savepoints = Files.createDirectories(temp.resolve("savepoints"));
        String requestId = gateway.stopWithSavepoint(jobId, savepoints.toUri().toString());
        SavepointOperation operation = await("savepoint completed", Duration.ofSeconds(60), () -> {
            SavepointOperation op = gateway.savepointStatus(jobId, requestId);
            return op.completed() ? op : null;
        });
        assertThat(operation.succeeded()).as("savepoint %s", operation).isTrue();
        savepointLocation = operation.location();
        assertThat(Path.of(URI.create(savepointLocation)).resolve("_metadata")).isRegularFile();
        await("job finished", Duration.ofSeconds(30),
                () -> gateway.job(jobId).filter(FlinkJobSummary::isTerminal).orElse(null));
        assertThat(gateway.checkpoints(jobId).latestSavepointPath()).isEqualTo(savepointLocation);

        long t1 = System.nanoTime();
        String restored = submitter.submit(gateway, "datagen-to-blackhole", SCRIPT, savepointLocation);
        assertThat(restored).isNotEqualTo(jobId);
        await("restored job running", Duration.ofSeconds(60),
                () -> gateway.job(restored).filter(FlinkJobSummary::allTasksRunning).orElse(null));
        System.out.printf("FIGURE warm submit (restore) to all tasks running %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        assertThat(gateway.checkpoints(restored).completed()).isGreaterThanOrEqualTo(0);

        gateway.cancel(restored);
        FlinkJobSummary cancelled = await("cancelled", Duration.ofSeconds(30),
                () -> gateway.job(restored).filter(FlinkJobSummary::isTerminal).orElse(null));
        assertThat(cancelled.state()).isEqualTo("CANCELED");
    }

    @Test
    @Order(3)
    void submitterRejectsScriptsWithoutInsertAndUnknownConnectors() {
        ClusterGateway restUrl = cluster.gateway();
        assertThatThrownBy(() -> submitter.submit(restUrl, "no-insert",
                "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen');", null))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageContaining("The script has no INSERT statement");
        assertThatThrownBy(() -> submitter.submit(restUrl, "bad-connector",
                "CREATE TABLE s (id BIGINT) WITH ('connector' = 'nope');"
                        + "CREATE TABLE k (id BIGINT) WITH ('connector' = 'blackhole');"
                        + "INSERT INTO k SELECT id FROM s;", null))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageContaining("nope");
    }

    @Test
    @Order(4)
    void restApiErrorsCarryFlinksText() {
        assertThatThrownBy(() -> cluster.gateway().jobDetails("00000000000000000000000000000000"))
                .isInstanceOf(io.streamdesk.service.port.ClusterCallException.class)
                .satisfies(e -> assertThat(((io.streamdesk.service.port.ClusterCallException) e).status()).isEqualTo(404))
                .hasMessageContaining("00000000000000000000000000000000");
    }

    @Test
    @Order(6)
    void aSecondInstanceOnTheSameWorkDirAttachesInsteadOfSpawningAndCanLetGo() {
        ProcessHandle child = cluster.processHandle().orElseThrow();
        LocalClusterProcess other = new LocalClusterProcess(temp.resolve("cluster"), temp.resolve("logs/other.log"), "512m");
        try {
            other.start();
            ClusterState attached = other.awaitRunning(Duration.ofSeconds(30));
            assertThat(attached.health()).as("state %s", attached).isEqualTo(ClusterHealth.RUNNING);
            assertThat(attached.restUrl()).isEqualTo(cluster.state().restUrl());
            assertThat(other.processHandle().orElseThrow().pid()).isEqualTo(child.pid());
            assertThat(ProcessHandle.current().children().filter(p -> p.pid() != child.pid())
                    .filter(p -> LocalClusterProcess.commandLine(p).orElse("")
                            .contains(LocalClusterMain.class.getName())).count()).isZero();
            assertThat(temp.resolve("logs/other.log")).doesNotExist();
        } finally {
            other.detach();
            other.close(Duration.ofSeconds(5)); // after detach() this stops nothing
        }
        assertThat(child.isAlive()).isTrue();
        assertThat(cluster.state().health()).isEqualTo(ClusterHealth.RUNNING);
    }

    @Test
    @Order(7)
    void anAttachedClusterOfAnotherFlinkVersionIsRefusedButLeftRunning() {
        ProcessHandle child = cluster.processHandle().orElseThrow();
        LocalClusterProcess other = new LocalClusterProcess(temp.resolve("cluster"), temp.resolve("logs/other.log"),
                "512m", Duration.ofSeconds(1), "1.20.1");
        try {
            other.start();
            ClusterState refused = other.awaitRunning(Duration.ofSeconds(30));
            assertThat(refused.health()).isEqualTo(ClusterHealth.FAILED);
            assertThat(refused.detail()).contains("pid " + child.pid()).contains("another StreamDesk process")
                    .contains("major.minor");
        } finally {
            other.detach();
        }
        assertThat(child.isAlive()).isTrue();
        assertThat(cluster.state().health()).isEqualTo(ClusterHealth.RUNNING);
    }

    @Test
    @Order(10)
    void aKilledChildIsReportedFailedAndStartBringsItBack() throws Exception {
        ProcessHandle child = cluster.processHandle().orElseThrow();
        Path pidFile = temp.resolve("cluster").resolve(LocalClusterMain.PID_FILE);
        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(child.pid()));
        long t0 = System.nanoTime();
        child.destroyForcibly();
        ClusterState failed = await("FAILED", Duration.ofSeconds(5),
                () -> cluster.state().health() == ClusterHealth.FAILED ? cluster.state() : null);
        System.out.printf("FIGURE kill to FAILED %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(failed.detail()).contains("exit code");
        await("listener saw FAILED", Duration.ofSeconds(2),
                () -> seen.stream().anyMatch(s -> s.health() == ClusterHealth.FAILED) ? true : null);
        assertThatThrownBy(cluster::gateway).isInstanceOf(ClusterUnreachableException.class);

        // A killed child cannot remove its files: start() finds the stale pid dead and spawns a fresh child.
        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(child.pid()));
        String staleUrl = Files.readString(temp.resolve("cluster/rest.url"));
        cluster.start();
        ClusterState again = cluster.awaitRunning(Duration.ofSeconds(90));
        assertThat(again.health()).isEqualTo(ClusterHealth.RUNNING);
        long fresh = cluster.processHandle().orElseThrow().pid();
        assertThat(fresh).isNotEqualTo(child.pid());
        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(fresh));
        assertThat(Files.readString(temp.resolve("cluster/rest.url"))).isEqualTo(again.restUrl()).isNotEqualTo(staleUrl);
        assertThat(cluster.gateway().flinkVersion()).isEqualTo("2.3.0");
    }

    @Test
    @Order(5)
    void aFrozenChildIsUnreachableAndRecoversByItself() throws Exception {
        long pid = cluster.processHandle().orElseThrow().pid();
        signal("STOP", pid); // the process lives but answers nothing, like a cluster behind a broken network
        try {
            ClusterState unreachable = await("UNREACHABLE", Duration.ofSeconds(10),
                    () -> cluster.state().health() == ClusterHealth.UNREACHABLE ? cluster.state() : null);
            assertThat(unreachable.restUrl()).isNotNull();
            assertThatThrownBy(() -> cluster.gateway().overview()).isInstanceOf(ClusterUnreachableException.class)
                    .hasMessageContaining(unreachable.restUrl());
        } finally {
            signal("CONT", pid);
        }
        await("RUNNING again", Duration.ofSeconds(10),
                () -> cluster.state().health() == ClusterHealth.RUNNING ? true : null);
    }

    @Test
    @Order(11)
    void stopClosesStdinAndTheChildShutsDownByItself() throws Exception {
        ProcessHandle child = cluster.processHandle().orElseThrow();
        cluster.stop(Duration.ofSeconds(30));
        assertThat(child.isAlive()).isFalse();
        assertThat(cluster.state().health()).isEqualTo(ClusterHealth.STOPPED);
        assertThat(cluster.processHandle()).isEmpty();
        assertThat(Files.readString(temp.resolve("logs/local-cluster.log"))).contains("stdin closed");
        assertThat(temp.resolve("cluster").resolve(LocalClusterMain.PID_FILE)).doesNotExist();
        assertThat(temp.resolve("cluster/rest.url")).doesNotExist();
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what, last);
    }

    private static String rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS unknown");
        } catch (Exception e) {
            return "VmRSS unknown";
        }
    }
}
