package io.streamdesk.flink.local;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A MiniCluster in this JVM with the local cluster's configuration but more slots, for benchmarks. */
public final class BenchClusters {
    private BenchClusters() {
    }

    public interface Running extends AutoCloseable {
        String restUrl();

        @Override
        void close() throws Exception;
    }

    public static Running start(Path workDir, int slots) throws Exception {
        Configuration config = LocalClusterMain.configuration(workDir);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config).setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build());
        cluster.start();
        String url = cluster.getRestAddress().get(60, TimeUnit.SECONDS).toString();
        return new Running() {
            @Override
            public String restUrl() {
                return url;
            }

            @Override
            public void close() throws Exception {
                cluster.closeAsync().get(30, TimeUnit.SECONDS);
            }
        };
    }
}
