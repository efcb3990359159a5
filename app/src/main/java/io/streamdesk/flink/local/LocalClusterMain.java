package io.streamdesk.flink.local;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Main class of the local cluster's child JVM (R1): Flink's MiniCluster with REST and the web dashboard on a free
 * loopback port. Everything it writes stays under the work directory. It publishes its REST URL in
 * {@code <workdir>/rest.url} and lives exactly as long as its stdin is open, so it cannot outlive the app.
 *
 * <p>Arguments: {@code <workdir> [<log file>]}; the log file defaults to {@code <workdir>/../logs/local-cluster.log}.
 */
public final class LocalClusterMain {

    public static final String REST_URL_FILE = "rest.url";
    static final String LOG_FILE_PROPERTY = "streamdesk.cluster.log";
    static final String LOG_CONFIG_RESOURCE = "streamdesk-local-cluster-log4j2.properties";

    private static final int TASK_SLOTS = 4;

    private LocalClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LocalClusterMain <workdir> [<log file>]");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]).toAbsolutePath();
        Path logFile = args.length > 1 ? Path.of(args[1]).toAbsolutePath()
                : workDir.resolveSibling("logs").resolve("local-cluster.log");
        Files.createDirectories(logFile.getParent());
        // Before the first logger exists: log4j reads its configuration once.
        System.setProperty(LOG_FILE_PROPERTY, logFile.toString());
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG_RESOURCE);
        }
        new LocalClusterMain().run(workDir);
    }

    private void run(Path workDir) throws Exception {
        Logger log = LoggerFactory.getLogger(LocalClusterMain.class);
        Files.createDirectories(workDir);
        Configuration config = configuration(workDir);
        MiniClusterConfiguration clusterConfig = new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(TASK_SLOTS)
                .build();
        MiniCluster cluster = new MiniCluster(clusterConfig);
        CountDownLatch stopped = new CountDownLatch(1);
        watchStdin(cluster, stopped, log);
        long t0 = System.nanoTime();
        try {
            cluster.start();
            URI restAddress = cluster.getRestAddress().get(60, TimeUnit.SECONDS);
            publishRestUrl(workDir, restAddress);
            log.info("Local cluster up in {} ms, REST at {}", (System.nanoTime() - t0) / 1_000_000, restAddress);
        } catch (Exception | Error e) {
            // A half-started MiniCluster keeps non-daemon threads alive: end the JVM so the parent sees the exit.
            log.error("The local cluster could not start", e);
            Runtime.getRuntime().halt(1);
        }
        stopped.await(); // the stdin watcher ends the JVM
    }

    static Configuration configuration(Path workDir) throws IOException {
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Path uploads = Files.createDirectories(workDir.resolve("web-upload"));
        Path checkpoints = Files.createDirectories(workDir.resolve("checkpoints"));
        Path savepoints = Files.createDirectories(workDir.resolve("savepoints"));
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_PORT, "0");
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, TASK_SLOTS);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        config.set(WebOptions.UPLOAD_DIR, uploads.toString());
        config.set(CoreOptions.TMP_DIRS, tmp.toString());
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        config.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints.toUri().toString());
        // The default of 10 s makes fresh metrics look stuck in the app.
        config.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(2000));
        return config;
    }

    /** Written to a temporary name first so the parent never reads half a URL. */
    private static void publishRestUrl(Path workDir, URI restAddress) throws IOException {
        Path tmp = workDir.resolve(REST_URL_FILE + ".tmp");
        Files.writeString(tmp, restAddress.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, workDir.resolve(REST_URL_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** EOF on stdin means the parent closed it or died: shut down rather than linger as an orphan. */
    private static void watchStdin(MiniCluster cluster, CountDownLatch stopped, Logger log) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // the parent sends nothing; only the end of the stream matters
                }
            } catch (IOException e) {
                log.warn("Reading stdin failed; treating it as closed", e);
            }
            log.info("stdin closed: shutting down the local cluster");
            try {
                cluster.closeAsync().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Local cluster did not shut down cleanly", e);
            }
            stopped.countDown();
            Runtime.getRuntime().halt(0); // do not wait for non-daemon threads Flink may have left behind
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
