package io.streamdesk.flink.local;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Main class of the local cluster's child JVM (R1): Flink's MiniCluster with REST and the web dashboard on a free
 * loopback port. Everything it writes stays under the work directory. It publishes its pid in {@code <workdir>/pid}
 * and its REST URL in {@code <workdir>/rest.url} (each by atomic rename) and deletes both when it shuts down.
 *
 * <p>Two lifetimes: by default it lives exactly as long as its stdin is open, so it cannot outlive the process that
 * started it (the desktop app). With {@code --detached} it ignores stdin, SIGINT and SIGHUP (a CLI's Ctrl-C or closed
 * terminal) and runs until it gets SIGTERM; a shutdown hook then closes the MiniCluster and deletes its files.
 *
 * <p>Arguments: {@code <workdir> [<log file>] [--detached]}; the log file defaults to
 * {@code <workdir>/../logs/local-cluster.log}.
 */
public final class LocalClusterMain {
    /** Checkpoints Flink keeps per job (P3), for the Checkpoints page and "run from the latest checkpoint". */
    static final int RETAINED_CHECKPOINTS = 5;

    public static final String REST_URL_FILE = "rest.url";
    /** The child's pid, next to {@link #REST_URL_FILE}; present while the child lives. */
    public static final String PID_FILE = "pid";
    static final String DETACHED_ARG = "--detached";
    static final String LOG_FILE_PROPERTY = "streamdesk.cluster.log";
    static final String LOG_CONFIG_RESOURCE = "streamdesk-local-cluster-log4j2.properties";

    /** The child's task slots come in this system property (the {@code clusters.local.task-slots} setting). */
    public static final String TASK_SLOTS_PROPERTY = "streamdesk.cluster.task-slots";
    public static final int DEFAULT_TASK_SLOTS = 4;
    public static final int MIN_TASK_SLOTS = 1;
    public static final int MAX_TASK_SLOTS = 64;
    private static final String LOOPBACK = "127.0.0.1";

    private LocalClusterMain() {
    }

    private final Object shutdownLock = new Object();
    private boolean shutDown; // guarded by shutdownLock

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(List.of(args));
        boolean detached = positional.remove(DETACHED_ARG);
        if (positional.isEmpty() || positional.size() > 2) {
            System.err.println("usage: LocalClusterMain <workdir> [<log file>] [" + DETACHED_ARG + "]");
            System.exit(2);
        }
        Path workDir = Path.of(positional.get(0)).toAbsolutePath();
        Path logFile = positional.size() > 1 ? Path.of(positional.get(1)).toAbsolutePath()
                : workDir.resolveSibling("logs").resolve("local-cluster.log");
        Files.createDirectories(logFile.getParent());
        // Before the first logger exists: log4j reads its configuration once.
        System.setProperty(LOG_FILE_PROPERTY, logFile.toString());
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG_RESOURCE);
        }
        new LocalClusterMain().run(workDir, detached);
    }

    private void run(Path workDir, boolean detached) throws Exception {
        Logger log = LoggerFactory.getLogger(LocalClusterMain.class);
        Files.createDirectories(workDir);
        long pid = ProcessHandle.current().pid();
        writeAtomically(workDir.resolve(PID_FILE), Long.toString(pid)); // the parent wrote it too when it spawned us
        int slots = taskSlots(System.getProperty(TASK_SLOTS_PROPERTY), log);
        log.info("Local cluster with {} task slots", slots);
        Configuration config = configuration(workDir, slots);
        MiniClusterConfiguration clusterConfig = new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build();
        MiniCluster cluster = new MiniCluster(clusterConfig);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM (ProcessHandle.destroy) or a normal exit: close the cluster and remove our files.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(cluster, workDir, log, "shutdown hook"),
                "local-cluster-shutdown"));
        if (detached) {
            ignoreTerminalSignals(log);
            log.info("Local cluster pid {} runs detached: it stops on SIGTERM only", pid);
        } else {
            watchStdin(cluster, workDir, log);
        }
        long t0 = System.nanoTime();
        try {
            cluster.start();
            URI restAddress = cluster.getRestAddress().get(60, TimeUnit.SECONDS);
            writeAtomically(workDir.resolve(REST_URL_FILE), restAddress.toString());
            log.info("Local cluster up in {} ms, REST at {}", (System.nanoTime() - t0) / 1_000_000, restAddress);
        } catch (Exception | Error e) {
            // A half-started MiniCluster keeps non-daemon threads alive: end the JVM so the parent sees the exit.
            log.error("The local cluster could not start", e);
            deleteOwnFiles(workDir, log);
            Runtime.getRuntime().halt(1);
        }
        stopped.await(); // never counts down: the stdin watcher or a signal ends the JVM
    }

    /** The slots the property asks for, or the default when it is missing or outside 1..64 (logged). */
    static int taskSlots(String property, Logger log) {
        if (property == null || property.isBlank()) {
            return DEFAULT_TASK_SLOTS;
        }
        try {
            int slots = Integer.parseInt(property.strip());
            if (slots >= MIN_TASK_SLOTS && slots <= MAX_TASK_SLOTS) {
                return slots;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("Ignoring {}={} (allowed {}..{}); using {} task slots", TASK_SLOTS_PROPERTY, property,
                MIN_TASK_SLOTS, MAX_TASK_SLOTS, DEFAULT_TASK_SLOTS);
        return DEFAULT_TASK_SLOTS;
    }

    /** Closes the cluster once, whoever asks first (stdin watcher or shutdown hook), then deletes our files. */
    private void shutdown(MiniCluster cluster, Path workDir, Logger log, String why) {
        synchronized (shutdownLock) {
            if (shutDown) {
                return;
            }
            shutDown = true;
            log.info("Shutting down the local cluster ({})", why);
            try {
                cluster.closeAsync().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Local cluster did not shut down cleanly", e);
            }
            deleteOwnFiles(workDir, log);
            log.info("Local cluster stopped");
        }
    }

    /** Deletes rest.url and pid unless the pid file names another process (a newer child of the same work dir). */
    static void deleteOwnFiles(Path workDir, Logger log) {
        Path pidFile = workDir.resolve(PID_FILE);
        try {
            String owner = Files.readString(pidFile, StandardCharsets.UTF_8).strip();
            if (!owner.equals(Long.toString(ProcessHandle.current().pid()))) {
                return;
            }
        } catch (NoSuchFileException e) {
            // already gone; still remove a URL we published
        } catch (IOException e) {
            log.warn("Reading {} failed", pidFile, e);
            return;
        }
        try {
            Files.deleteIfExists(workDir.resolve(REST_URL_FILE));
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not delete the local cluster's files in {}", workDir, e);
        }
    }

    /** A detached child must not die with the terminal or a Ctrl-C of the CLI that started it. */
    @SuppressWarnings("restriction")
    private static void ignoreTerminalSignals(Logger log) {
        for (String name : List.of("INT", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.warn("Cannot ignore SIG{}: {}", name, e.toString());
            }
        }
    }

    static Configuration configuration(Path workDir) throws IOException {
        return configuration(workDir, DEFAULT_TASK_SLOTS);
    }

    static Configuration configuration(Path workDir, int taskSlots) throws IOException {
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Path uploads = Files.createDirectories(workDir.resolve("web-upload"));
        Path checkpoints = Files.createDirectories(workDir.resolve("checkpoints"));
        Path savepoints = Files.createDirectories(workDir.resolve("savepoints"));
        Configuration config = new Configuration();
        bindToLoopback(config);
        config.set(RestOptions.BIND_PORT, "0");
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, taskSlots);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        config.set(WebOptions.UPLOAD_DIR, uploads.toString());
        config.set(CoreOptions.TMP_DIRS, tmp.toString());
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        config.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints.toUri().toString());
        // P3 keeps 5 checkpoints. The session cluster's JobMaster reads this from the cluster's configuration, not the
        // job's (a job-level value had no effect: Flink kept 1), so the local cluster sets it for every job.
        config.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, RETAINED_CHECKPOINTS);
        // The default of 10 s makes fresh metrics look stuck in the app.
        config.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(2000));
        return config;
    }

    /**
     * S4: every port of the cluster listens on 127.0.0.1 only. Flink binds to all interfaces unless told: the BLOB
     * server takes {@code jobmanager.bind-host}, the TaskManager's netty shuffle server {@code taskmanager.bind-host}
     * (it exists only with more than one TaskManager), and pekko RPC the job- and taskmanager addresses when the
     * MiniCluster runs dedicated (remote) RPC services instead of its default shared local one.
     * LoopbackOnlyTest lists the child's sockets from /proc to check it.
     */
    static void bindToLoopback(Configuration config) {
        config.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        config.set(RestOptions.ADDRESS, LOOPBACK);
        config.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        config.set(JobManagerOptions.ADDRESS, LOOPBACK);
        config.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        config.set(TaskManagerOptions.HOST, LOOPBACK);
    }

    /** Written to a temporary name first so a reader never sees half a file. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** EOF on stdin means the parent closed it or died: shut down rather than linger as an orphan. */
    private void watchStdin(MiniCluster cluster, Path workDir, Logger log) {
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
            shutdown(cluster, workDir, log, "stdin closed");
            Runtime.getRuntime().halt(0); // do not wait for non-daemon threads Flink may have left behind
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
