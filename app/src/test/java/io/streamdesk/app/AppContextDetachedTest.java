package io.streamdesk.app;

import io.streamdesk.flink.local.LocalClusterMain;
import io.streamdesk.flink.local.LocalClusterProcess.Lifetime;
import io.streamdesk.model.ClusterHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's context: opening and closing it with no cluster running spawns nothing. */
class AppContextDetachedTest {

    @Test
    void aCliContextWithoutARunningClusterNeitherSpawnsNorStopsOne(@TempDir Path dataDir) {
        long childrenBefore = ProcessHandle.current().children().count();
        try (AppContext cli = AppContext.open(dataDir, AppOptions.forTests().withClusterLifetime(Lifetime.DETACHED))) {
            assertThat(cli.clusters().state("local").health()).isEqualTo(ClusterHealth.STOPPED);
        }
        assertThat(ProcessHandle.current().children().count()).isEqualTo(childrenBefore);
        assertThat(dataDir.resolve("cluster").resolve(LocalClusterMain.PID_FILE)).doesNotExist();
    }
}
