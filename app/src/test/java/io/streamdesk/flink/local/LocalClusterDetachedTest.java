package io.streamdesk.flink.local;

import io.streamdesk.flink.local.LocalClusterProcess.Lifetime;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CLI-style cluster: spawned DETACHED by one instance that then lets go of it, attached to and stopped by another
 * instance, as a second StreamDesk process on the same data directory would.
 */
class LocalClusterDetachedTest {

    @Test
    void aDetachedClusterOutlivesItsSupervisorAndIsAttachedToAndStoppedByTheNext(@TempDir Path temp) throws Exception {
        Path workDir = temp.resolve("cluster");
        Path log = temp.resolve("logs/local-cluster.log");
        LocalClusterProcess first = new LocalClusterProcess(workDir, log, "384m", Lifetime.DETACHED);
        // Which of first and racer spawns is up to the race; the one that did has the Process, both the pid.
        LocalClusterProcess racer = new LocalClusterProcess(workDir, log, "384m", Lifetime.DETACHED);
        LocalClusterProcess second = null;
        ProcessHandle child = null;
        try {
            // Two instances starting at once on a fresh work dir: one spawns, the other attaches to that child.
            Thread racing = new Thread(racer::start);
            racing.start();
            first.start();
            racing.join();
            ClusterState running = first.awaitRunning(Duration.ofSeconds(90));
            assertThat(running.health()).as("state %s", running).isEqualTo(ClusterHealth.RUNNING);
            child = first.processHandle().orElseThrow();
            assertThat(racer.awaitRunning(Duration.ofSeconds(30)).restUrl()).isEqualTo(running.restUrl());
            assertThat(racer.processHandle().orElseThrow().pid()).isEqualTo(child.pid());
            racer.detach();
            assertThat(LocalClusterProcess.commandLine(child)).hasValueSatisfying(
                    c -> assertThat(c).contains(LocalClusterMain.class.getName()).endsWith(LocalClusterMain.DETACHED_ARG));
            Path stdin = Path.of("/proc/" + child.pid() + "/fd/0");
            if (Files.exists(stdin)) { // Linux: no pipe from this JVM whose EOF could end the child
                assertThat(Files.readSymbolicLink(stdin)).isEqualTo(Path.of("/dev/null"));
            }
            assertThat(Files.readString(workDir.resolve(LocalClusterMain.PID_FILE)).strip())
                    .isEqualTo(Long.toString(child.pid()));

            first.detach();
            Thread.sleep(1500); // more than a supervisor poll: nothing may end the child now
            assertThat(child.isAlive()).isTrue();

            second = new LocalClusterProcess(workDir, log, "384m", Lifetime.DETACHED);
            second.start();
            ClusterState attached = second.awaitRunning(Duration.ofSeconds(30));
            assertThat(attached.health()).as("state %s", attached).isEqualTo(ClusterHealth.RUNNING);
            assertThat(attached.restUrl()).isEqualTo(running.restUrl());
            assertThat(second.processHandle().orElseThrow().pid()).isEqualTo(child.pid());
            assertThat(second.gateway().overview().taskManagers()).isEqualTo(1);
            assertThat(localClusterChildren()).as("local cluster JVMs spawned by this JVM").hasSize(1);

            second.stop(Duration.ofSeconds(30));
            assertThat(child.isAlive()).isFalse();
            assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(second.state().health()).isEqualTo(ClusterHealth.STOPPED);
            assertThat(workDir.resolve(LocalClusterMain.PID_FILE)).doesNotExist();
            assertThat(workDir.resolve(LocalClusterMain.REST_URL_FILE)).doesNotExist();
            assertThat(Files.readString(log)).contains("Shutting down the local cluster (shutdown hook)")
                    .contains("Local cluster stopped");

            // Nothing left to attach to: attach() finds nothing and does not spawn.
            LocalClusterProcess third = new LocalClusterProcess(workDir, log, "384m", Lifetime.DETACHED);
            try {
                assertThat(third.attach()).isFalse();
                assertThat(third.processHandle()).isEmpty();
                assertThat(third.state().health()).isEqualTo(ClusterHealth.STOPPED);
            } finally {
                third.close(Duration.ofSeconds(5));
            }
        } finally {
            if (second != null) {
                second.close(Duration.ofSeconds(30));
            }
            racer.close(Duration.ofSeconds(5)); // detached: no longer stops anything
            first.close(Duration.ofSeconds(5));
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static List<ProcessHandle> localClusterChildren() {
        return ProcessHandle.current().children()
                .filter(p -> LocalClusterProcess.commandLine(p).orElse("").contains(LocalClusterMain.class.getName()))
                .toList();
    }
}
