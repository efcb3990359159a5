package io.streamdesk.flink.local;

import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.LocalCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded local cluster (R1) as a supervised child JVM running {@link LocalClusterMain}. A job that eats all
 * memory kills the child, never the app; the child dies with the app because it exits when its stdin closes.
 *
 * <p>States: STOPPED -> STARTING -> RUNNING; RUNNING <-> UNREACHABLE while the child lives but REST does not answer;
 * FAILED when the child exits on its own, does not come up, or runs another Flink minor version. {@link #start()}
 * after FAILED or STOPPED launches a new child.
 */
public final class LocalClusterProcess implements LocalCluster {

    private static final Logger LOG = LoggerFactory.getLogger(LocalClusterProcess.class);

    /** What Flink needs opened on Java 17; mirrors {@code flink.jvm.opens} in pom.xml. */
    static final List<String> FLINK_JVM_OPENS = List.of(
            "java.base/java.lang", "java.base/java.util", "java.base/java.lang.reflect", "java.base/java.io",
            "java.base/java.nio", "java.base/sun.nio.ch", "java.base/java.net", "java.base/java.text",
            "java.base/java.time", "java.base/java.util.concurrent", "java.base/java.util.concurrent.atomic",
            "java.base/java.math");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Path workDir;
    private final Path logFile;
    private final String heap;
    private final Duration pollInterval;
    private final String expectedVersion;
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    /** One thread keeps listener calls in order and off the caller's thread. */
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(daemon("local-cluster-events"));
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(daemon("local-cluster-supervisor"));

    private final Object lock = new Object();
    private ClusterState state;
    private Child child; // guarded by lock; the current child or null

    /**
     * @param workDir data of the cluster (checkpoints, savepoints, uploads, tmp, rest.url); created when missing
     * @param logFile the child's log file; its stdout/stderr go next to it ({@code <log>.out})
     * @param heap    the child's -Xmx, e.g. {@code 1g}
     */
    public LocalClusterProcess(Path workDir, Path logFile, String heap) {
        this(workDir, logFile, heap, Duration.ofSeconds(1));
    }

    public LocalClusterProcess(Path workDir, Path logFile, String heap, Duration pollInterval) {
        this(workDir, logFile, heap, pollInterval, FlinkVersions.bundled());
    }

    /** {@code expectedVersion} is the bundled Flink version; tests pass another one to see the refusal. */
    LocalClusterProcess(Path workDir, Path logFile, String heap, Duration pollInterval, String expectedVersion) {
        this.expectedVersion = Objects.requireNonNull(expectedVersion, "expectedVersion");
        this.workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath();
        this.logFile = Objects.requireNonNull(logFile, "logFile").toAbsolutePath();
        this.heap = Objects.requireNonNull(heap, "heap");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.state = ClusterState.stopped(CLUSTER_ID, Instant.now());
        long millis = pollInterval.toMillis();
        supervisor.scheduleWithFixedDelay(this::supervise, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (child != null && child.process.isAlive()
                    && state.health() != ClusterHealth.FAILED && state.health() != ClusterHealth.STOPPED) {
                return; // already starting or running
            }
            if (child != null) {
                child.discard(); // a FAILED child that still lives (e.g. version refused)
            }
            try {
                child = launch();
            } catch (IOException e) {
                child = null;
                setState(ClusterHealth.FAILED, null, null, "Could not start the local cluster: " + e.getMessage());
                return;
            }
            setState(ClusterHealth.STARTING, null, null, "Starting (pid " + child.process.pid() + ")");
            Child started = child;
            Thread waiter = new Thread(() -> awaitStartup(started), "local-cluster-startup");
            waiter.setDaemon(true);
            waiter.start();
        }
    }

    private Child launch() throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(logFile.getParent());
        Files.deleteIfExists(workDir.resolve(LocalClusterMain.REST_URL_FILE)); // a stale URL from a previous child
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC"); // small footprint; the child is one process on a desktop
        for (String open : FLINK_JVM_OPENS) {
            command.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(workDir.resolve("tmp")));
        command.add("-D" + LocalClusterMain.LOG_FILE_PROPERTY + "=" + logFile);
        command.add("-Dlog4j2.configurationFile=" + LocalClusterMain.LOG_CONFIG_RESOURCE);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LocalClusterMain.class.getName());
        command.add(workDir.toString());
        command.add(logFile.toString());
        Path out = logFile.resolveSibling(logFile.getFileName() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        long t0 = System.nanoTime();
        Process process = builder.start();
        LOG.info("Started local cluster child pid {} (work dir {}, log {})", process.pid(), workDir, logFile);
        Child started = new Child(process, t0);
        process.onExit().thenRun(() -> onChildExit(started));
        return started;
    }

    /** Waits for the child to publish its REST URL, then until REST answers; RUNNING or FAILED. */
    private void awaitStartup(Child started) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Path urlFile = workDir.resolve(LocalClusterMain.REST_URL_FILE);
        try {
            String url = null;
            while (url == null) {
                if (!isCurrent(started) || !started.process.isAlive()) {
                    return; // onChildExit reports the failure
                }
                try {
                    String text = Files.readString(urlFile, StandardCharsets.UTF_8).strip();
                    url = text.isEmpty() ? null : text;
                } catch (NoSuchFileException e) {
                    // not published yet
                } catch (IOException e) {
                    LOG.debug("Reading {} failed; retrying", urlFile, e);
                }
                checkDeadline(deadline);
                if (url == null) {
                    Thread.sleep(100);
                }
            }
            FlinkRestClient client = new FlinkRestClient(url, PROBE_TIMEOUT, PROBE_TIMEOUT, null, null);
            String version = null;
            while (version == null) {
                if (!isCurrent(started) || !started.process.isAlive()) {
                    return;
                }
                try {
                    version = client.flinkVersion();
                } catch (RuntimeException e) {
                    checkDeadline(deadline);
                    Thread.sleep(200);
                }
            }
            String bundled = expectedVersion;
            synchronized (lock) {
                if (!isCurrent(started)) {
                    return;
                }
                started.gateway = new FlinkRestClient(url);
                started.probe = client;
                if (!FlinkVersions.sameMinor(version, bundled)) {
                    setState(ClusterHealth.FAILED, url, version, "The local cluster runs Flink " + version
                            + " but the app bundles Flink " + bundled + "; the versions must have the same major.minor");
                    started.discard();
                    return;
                }
                long ms = (System.nanoTime() - started.launchedNanos) / 1_000_000;
                LOG.info("Local cluster RUNNING at {} (Flink {}) {} ms after launch", url, version, ms);
                setState(ClusterHealth.RUNNING, url, version, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StartupTimeout e) {
            synchronized (lock) {
                if (isCurrent(started)) {
                    setState(ClusterHealth.FAILED, null, null, "The local cluster did not answer within "
                            + STARTUP_TIMEOUT.toSeconds() + " s; see " + logFile);
                    started.discard();
                }
            }
        }
    }

    private static void checkDeadline(long deadline) throws StartupTimeout {
        if (System.nanoTime() > deadline) {
            throw new StartupTimeout();
        }
    }

    private void onChildExit(Child exited) {
        synchronized (lock) {
            if (!isCurrent(exited) || exited.discarded) {
                return; // a deliberate stop or a replaced child
            }
            int code = exited.process.exitValue();
            LOG.warn("Local cluster child pid {} exited with code {}", exited.process.pid(), code);
            setState(ClusterHealth.FAILED, null, state.flinkVersion(),
                    "The local cluster process exited unexpectedly (exit code " + code + "); see " + logFile);
        }
    }

    /** Periodic check: process liveness (backs up onExit) and whether REST still answers. */
    private void supervise() {
        try {
            Child current;
            ClusterHealth health;
            synchronized (lock) {
                current = child;
                health = state.health();
            }
            if (current == null || current.discarded) {
                return;
            }
            if (!current.process.isAlive()) {
                onChildExit(current);
                return;
            }
            if (health != ClusterHealth.RUNNING && health != ClusterHealth.UNREACHABLE) {
                return;
            }
            boolean answers;
            try {
                current.probe.flinkVersion();
                answers = true;
            } catch (RuntimeException e) {
                answers = false;
            }
            synchronized (lock) {
                if (!isCurrent(current) || current.discarded) {
                    return;
                }
                if (answers && state.health() == ClusterHealth.UNREACHABLE) {
                    setState(ClusterHealth.RUNNING, state.restUrl(), state.flinkVersion(), null);
                } else if (!answers && state.health() == ClusterHealth.RUNNING) {
                    setState(ClusterHealth.UNREACHABLE, state.restUrl(), state.flinkVersion(),
                            "The local cluster process lives but its REST API does not answer");
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Supervising the local cluster failed", e);
        }
    }

    @Override
    public ClusterState awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (state.health() == ClusterHealth.STARTING) {
                long waitMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (waitMillis <= 0) {
                    break;
                }
                try {
                    lock.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return state;
        }
    }

    @Override
    public ClusterState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public ClusterGateway gateway() {
        synchronized (lock) {
            ClusterHealth health = state.health();
            if (child == null || child.gateway == null
                    || (health != ClusterHealth.RUNNING && health != ClusterHealth.UNREACHABLE)) {
                throw new ClusterUnreachableException("The local cluster is not running (" + health.label()
                        + (state.detail() == null ? "" : ": " + state.detail()) + ")", null);
            }
            return child.gateway;
        }
    }

    /** The child's process while there is one; for diagnostics (RSS) and tests that kill it. */
    public Optional<ProcessHandle> processHandle() {
        synchronized (lock) {
            return child == null ? Optional.empty() : Optional.of(child.process.toHandle());
        }
    }

    @Override
    public void stop(Duration timeout) {
        Child stopping;
        synchronized (lock) {
            stopping = child;
            if (stopping == null) {
                return;
            }
            stopping.discarded = true; // its exit is expected now
        }
        stopping.closeStdin();
        try {
            if (!stopping.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Local cluster pid {} did not stop within {}; killing it", stopping.process.pid(), timeout);
                stopping.process.destroyForcibly();
                stopping.process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.process.destroyForcibly();
        }
        synchronized (lock) {
            if (child == stopping) {
                child = null;
                setState(ClusterHealth.STOPPED, null, null, null);
            }
        }
    }

    /** Stops the child and the supervisor threads; the instance is unusable afterwards. */
    public void close(Duration timeout) {
        stop(timeout);
        supervisor.shutdownNow();
        notifier.shutdown();
    }

    @Override
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Caller holds the lock. */
    private void setState(ClusterHealth health, String restUrl, String version, String detail) {
        ClusterState next = new ClusterState(CLUSTER_ID, health, restUrl, version, Instant.now(), detail);
        state = next;
        lock.notifyAll();
        if (!notifier.isShutdown()) {
            notifier.execute(() -> listeners.forEach(l -> {
                try {
                    l.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("A local cluster listener failed", e);
                }
            }));
        }
    }

    private boolean isCurrent(Child c) {
        synchronized (lock) {
            return child == c;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One launched child JVM. */
    private static final class Child {
        final Process process;
        final long launchedNanos;
        volatile FlinkRestClient gateway;
        /** Short timeouts: the supervisor must notice a stuck cluster within a poll or two. */
        volatile FlinkRestClient probe;
        /** Set when the app ends this child on purpose: its exit is not a failure. */
        volatile boolean discarded;

        Child(Process process, long launchedNanos) {
            this.process = process;
            this.launchedNanos = launchedNanos;
        }

        void closeStdin() {
            try {
                OutputStream stdin = process.getOutputStream();
                stdin.close();
            } catch (IOException e) {
                LOG.debug("Closing the child's stdin failed", e);
            }
        }

        /** Ends a child the app gave up on: ask politely, then kill it off the caller's thread. */
        void discard() {
            discarded = true;
            closeStdin();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> {
                process.destroyForcibly();
                return null;
            });
        }
    }

    private static final class StartupTimeout extends Exception {
        StartupTimeout() {
            super(null, null, false, false);
        }
    }
}
