package io.streamdesk.flink.local;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.service.port.ClusterUnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cluster whose Flink minor version differs from the bundled one is refused (the app pretends to bundle 1.20). */
class LocalClusterVersionRefusalTest {

    @Test
    void clusterOfAnotherMinorVersionIsRefusedAndItsChildEnds(@TempDir Path temp) throws Exception {
        LocalClusterProcess cluster = new LocalClusterProcess(temp.resolve("cluster"), temp.resolve("logs/lc.log"),
                "384m", Duration.ofSeconds(1), "1.20.1");
        try {
            cluster.start();
            ClusterState state = cluster.awaitRunning(Duration.ofSeconds(90));
            assertThat(state.health()).isEqualTo(ClusterHealth.FAILED);
            assertThat(state.flinkVersion()).isEqualTo("2.3.0");
            assertThat(state.detail()).contains("2.3.0").contains("1.20.1").contains("major.minor");
            assertThatThrownBy(cluster::gateway).isInstanceOf(ClusterUnreachableException.class)
                    .hasMessageContaining("1.20.1");
            ProcessHandle child = cluster.processHandle().orElseThrow();
            assertThat(child.onExit().get(40, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
            Thread.sleep(1500); // a supervisor poll: the refused child's exit must not turn into another state
            assertThat(cluster.state().detail()).contains("major.minor");
        } finally {
            cluster.close(Duration.ofSeconds(30));
        }
    }
}
