package io.streamdesk.flink.local;

import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The embedded local cluster (R1) as a supervised child JVM running {@link LocalClusterMain}. A job that eats all
 * memory kills the child, never the app.
 *
 * <p>One cluster per work directory, shared by every StreamDesk process on the same data directory (the desktop app
 * and CLI invocations). {@link #start()} first looks for a live cluster of the work directory (its {@code pid} and
 * {@code rest.url} files) and attaches to it; only when there is none does it spawn a child, under a file lock
 * ({@code spawn.lock}) so two processes never spawn two clusters. How long a spawned child lives is the
 * {@link Lifetime}: tied to this process (the app) or detached (the CLI).
 *
 * <p>Ownership: {@link #stop(Duration)} and {@link #close(Duration)} stop the cluster whether this instance spawned
 * it or attached to it. So a desktop app that attached to a cluster a CLI started stops that cluster when it closes:
 * while the app runs it owns the local cluster. {@link #detach()} instead leaves the cluster running and only ends
 * this instance's supervision; the CLI calls it on exit.
 *
 * <p>States: STOPPED -> STARTING -> RUNNING; RUNNING -> UNREACHABLE after {@link #FAILED_PROBES_FOR_UNREACHABLE}
 * failed probes in a row while the child lives (one slow answer is no outage), and back to RUNNING on the first good
 * probe; FAILED when the child exits on its own, does not come up, or runs another Flink minor version.
 * {@link #start()} after FAILED or STOPPED attaches or launches again; {@link #restart()} works from every state.
 *
 * <p>The local cluster has no high availability: when the child dies its jobs are gone
 * ({@link #keepsJobsWhenItFails()} is false), and the app restarts it by itself.
 */
public final class LocalClusterProcess implements ClusterConnection {

    /** The id jobs on the embedded cluster carry. */
    public static final String CLUSTER_ID = DEFAULT_CLUSTER_ID;

    /** Probes that must fail in a row before the cluster counts as unreachable. */
    public static final int FAILED_PROBES_FOR_UNREACHABLE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(LocalClusterProcess.class);

    /** How long a child spawned by this instance lives. An attached cluster keeps the lifetime it was spawned with. */
    public enum Lifetime {
        /** The child exits when this process's end of its stdin pipe closes: when this JVM ends. The desktop app. */
        TIED_TO_THIS_PROCESS,
        /**
         * The child survives this process (stdin from /dev/null, output to the {@code .out} file, SIGINT and SIGHUP
         * ignored) and runs until someone stops it (SIGTERM). The CLI.
         */
        DETACHED
    }

    /** What Flink needs opened on Java 17; mirrors {@code flink.jvm.opens} in pom.xml. */
    static final List<String> FLINK_JVM_OPENS = List.of(
            "java.base/java.lang", "java.base/java.util", "java.base/java.lang.reflect", "java.base/java.io",
            "java.base/java.nio", "java.base/sun.nio.ch", "java.base/java.net", "java.base/java.text",
            "java.base/java.time", "java.base/java.util.concurrent", "java.base/java.util.concurrent.atomic",
            "java.base/java.math");

    /**
     * The class path of the child when it is not this JVM's: the app's runtime class path. The build sets it for the
     * tests (target/classes and the runtime-scoped jars), so that test classes and test-scoped jars (a Kafka client, a
     * JDBC driver) never reach jobs: a job gets user code only from the jars shipped with it. The installed app has
     * no such jars, and its class path (the app jar and lib/, with Flink, the filesystem connector and the csv and
     * json formats, as Flink's distribution has them) is the child's.
     */
    public static final String CHILD_CLASS_PATH_PROPERTY = "streamdesk.cluster.classpath";

    /** {@link #CHILD_CLASS_PATH_PROPERTY} when set, else this JVM's class path. */
    public static String childClassPath() {
        String configured = System.getProperty(CHILD_CLASS_PATH_PROPERTY);
        return configured == null || configured.isBlank() || configured.contains("${")
                ? System.getProperty("java.class.path") : configured;
    }

    /** The child's footprint options after -Xmx (see {@link #launch}). */
    static final List<String> CHILD_FOOTPRINT_OPTIONS = List.of("-Xms48m", "-XX:MaxHeapFreeRatio=30",
            "-XX:MinHeapFreeRatio=10");

    static final String SPAWN_LOCK_FILE = "spawn.lock";
    /** A FileChannel lock is per JVM: instances of one JVM take this monitor first. */
    private static final Object SPAWN_MONITOR = new Object();

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Path workDir;
    private final Path logFile;
    private final String heap;
    private final Duration pollInterval;
    private final String expectedVersion;
    private final Lifetime lifetime;
    private volatile Path savepointDirectory;
    /** The task slots of the next child this spawns ({@code clusters.local.task-slots}). */
    private volatile int taskSlots = LocalClusterMain.DEFAULT_TASK_SLOTS;
    /** When REST last answered (a probe or the start-up check); null before it ever did. */
    private volatile Instant lastSeen;
    /** Failed probes in a row of the current child; guarded by lock. */
    private int failedProbes;
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    /** One thread keeps listener calls in order and off the caller's thread. */
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(daemon("local-cluster-events"));
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(daemon("local-cluster-supervisor"));

    private final Object lock = new Object();
    /** Written under lock; read without it so that a per-second UI refresh never waits for a spawn. */
    private volatile ClusterState state;
    private Child child; // guarded by lock; the current child or null
    private boolean closed; // guarded by lock; after close() or detach()

    /**
     * A cluster tied to this process (the desktop app).
     *
     * @param workDir data of the cluster (checkpoints, savepoints, uploads, tmp, rest.url, pid); created when missing
     * @param logFile the child's log file; its stdout/stderr go next to it ({@code <log>.out})
     * @param heap    the child's -Xmx, e.g. {@code 1g}
     */
    public LocalClusterProcess(Path workDir, Path logFile, String heap) {
        this(workDir, logFile, heap, Lifetime.TIED_TO_THIS_PROCESS);
    }

    /** {@code new LocalClusterProcess(dir, log, heap, Lifetime.DETACHED)} for the CLI. */
    public LocalClusterProcess(Path workDir, Path logFile, String heap, Lifetime lifetime) {
        this(workDir, logFile, heap, Duration.ofSeconds(1), lifetime);
    }

    public LocalClusterProcess(Path workDir, Path logFile, String heap, Duration pollInterval) {
        this(workDir, logFile, heap, pollInterval, Lifetime.TIED_TO_THIS_PROCESS);
    }

    public LocalClusterProcess(Path workDir, Path logFile, String heap, Duration pollInterval, Lifetime lifetime) {
        this(workDir, logFile, heap, pollInterval, FlinkVersions.bundled(), lifetime);
    }

    /** {@code expectedVersion} is the bundled Flink version; tests pass another one to see the refusal. */
    LocalClusterProcess(Path workDir, Path logFile, String heap, Duration pollInterval, String expectedVersion) {
        this(workDir, logFile, heap, pollInterval, expectedVersion, Lifetime.TIED_TO_THIS_PROCESS);
    }

    LocalClusterProcess(Path workDir, Path logFile, String heap, Duration pollInterval, String expectedVersion,
                        Lifetime lifetime) {
        this.expectedVersion = Objects.requireNonNull(expectedVersion, "expectedVersion");
        this.workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath();
        this.logFile = Objects.requireNonNull(logFile, "logFile").toAbsolutePath();
        this.heap = Objects.requireNonNull(heap, "heap");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.savepointDirectory = this.workDir.resolve("savepoints");
        this.state = ClusterState.stopped(CLUSTER_ID, Instant.now());
        long millis = pollInterval.toMillis();
        supervisor.scheduleWithFixedDelay(this::supervise, millis, millis, TimeUnit.MILLISECONDS);
    }

    public Lifetime lifetime() {
        return lifetime;
    }

    /** Savepoints go under {@code directory} (the data directory's savepoints folder) instead of the work dir. */
    @Override
    public java.util.Optional<Path> processLog() {
        return java.util.Optional.of(logFile);
    }

    /** The children this spawns get {@code slots} task slots (1..64). */
    public LocalClusterProcess withTaskSlots(int slots) {
        this.taskSlots = checkedSlots(slots);
        return this;
    }

    public int taskSlots() {
        return taskSlots;
    }

    private static int checkedSlots(int slots) {
        if (slots < io.streamdesk.service.port.ClusterScaling.MIN_SLOTS
                || slots > io.streamdesk.service.port.ClusterScaling.MAX_SLOTS) {
            throw new IllegalArgumentException("Task slots must be " + io.streamdesk.service.port.ClusterScaling.MIN_SLOTS
                    + ".." + io.streamdesk.service.port.ClusterScaling.MAX_SLOTS + ", not " + slots);
        }
        return slots;
    }

    /** The app's own child can be scaled: a restart with the new slot count. A CLI visitor does not scale it. */
    @Override
    public java.util.Optional<io.streamdesk.service.port.ClusterScaling> scaling() {
        if (lifetime != Lifetime.TIED_TO_THIS_PROCESS) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new io.streamdesk.service.port.ClusterScaling() {
            @Override
            public int taskSlots() {
                return taskSlots;
            }

            @Override
            public void scaleTo(int slots) {
                taskSlots = checkedSlots(slots);
                LOG.info("Scaling the local cluster to {} task slots: restarting it", slots);
                restart();
            }
        });
    }

    public LocalClusterProcess withSavepointsUnder(Path directory) {
        this.savepointDirectory = directory.toAbsolutePath();
        return this;
    }

    @Override
    public String id() {
        return CLUSTER_ID;
    }

    /**
     * The cluster declares its CUs from its slots and memory, so per-job JM/TM specs apply (P5); all its jobs share
     * one JVM, so a per-job log level cannot (P6). It runs the bundled Flink version.
     */
    @Override
    public ClusterProfile profile() {
        return new ClusterProfile(CLUSTER_ID, "Local cluster", List.of(expectedVersion), expectedVersion, true, true);
    }

    @Override
    public String savepointTarget(String jobDirectory) {
        return savepointDirectory.resolve(jobDirectory).toUri().toString();
    }

    @Override
    public boolean keepsJobsWhenItFails() {
        return false; // a MiniCluster in one child JVM: no HA, its jobs die with it
    }

    @Override
    public boolean restartsAutomatically() {
        // the app supervises its cluster; a CLI command only visits one and must not bring it back behind the app
        return lifetime == Lifetime.TIED_TO_THIS_PROCESS;
    }

    @Override
    public Duration probeTimeout() {
        return PROBE_TIMEOUT;
    }

    /** Attaches to the live cluster of the work directory, or spawns one; returns at once. */
    @Override
    public void start() {
        begin(true);
    }

    /**
     * Attaches to the live cluster of the work directory if there is one, never spawning; returns at once. Then
     * {@link #awaitRunning(Duration)} tells whether it answers. For CLI commands that must not start a cluster
     * ({@code cluster status}, {@code job stop}).
     *
     * @return whether a live cluster was found (or this instance already supervises one)
     */
    public boolean attach() {
        return begin(false);
    }

    private boolean begin(boolean spawnIfNone) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("This LocalClusterProcess was closed or detached");
            }
            if (child != null && child.handle.isAlive()
                    && state.health() != ClusterHealth.FAILED && state.health() != ClusterHealth.STOPPED) {
                return true; // already starting or running
            }
            if (child != null) {
                // A FAILED child that still lives: ours (refused, timed out) is ended; an attached one is only left.
                if (child.spawned) {
                    child.discard();
                } else {
                    child.release();
                }
                child = null;
            }
            Child next;
            try {
                next = attachOrLaunch(spawnIfNone);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not start the local cluster", e);
                setState(ClusterHealth.FAILED, null, null, "Could not start the local cluster: " + e.getMessage());
                return false;
            }
            if (next == null) {
                return false; // nothing to attach to and not asked to spawn
            }
            child = next;
            failedProbes = 0;
            setState(ClusterHealth.STARTING, null, null, next.spawned
                    ? "Starting (pid " + next.handle.pid() + ")"
                    : ATTACHING_DETAIL + " to the running local cluster (pid " + next.handle.pid() + ")");
            Thread waiter = new Thread(() -> awaitStartup(next), "local-cluster-startup");
            waiter.setDaemon(true);
            waiter.start();
            return true;
        }
    }

    /** Under the spawn lock: the live cluster of the work dir, else a new child (or null when not spawning). */
    private Child attachOrLaunch(boolean spawnIfNone) throws IOException {
        Files.createDirectories(workDir);
        synchronized (SPAWN_MONITOR) {
            try (FileChannel channel = FileChannel.open(workDir.resolve(SPAWN_LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<ProcessHandle> live = liveCluster();
                if (live.isPresent()) {
                    LOG.info("Attaching to the local cluster pid {} of {}", live.get().pid(), workDir);
                    Child attached = new Child(null, live.get(), false, System.nanoTime());
                    live.get().onExit().thenRun(() -> onChildExit(attached));
                    return attached;
                }
                removeStaleFiles();
                if (!spawnIfNone) {
                    return null;
                }
                Child launched = launch();
                // Before the lock is released, so a process that looks next sees this child even before it runs.
                LocalClusterMain.writeAtomically(workDir.resolve(LocalClusterMain.PID_FILE),
                        Long.toString(launched.handle.pid()));
                return launched;
            }
        }
    }

    /** The process named by the pid file if it lives and is a local cluster; empty when there is none. */
    private Optional<ProcessHandle> liveCluster() throws IOException {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(workDir.resolve(LocalClusterMain.PID_FILE), StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring a malformed {} in {}", LocalClusterMain.PID_FILE, workDir);
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        // The pid may have been reused by an unrelated process since the cluster died.
        Optional<String> commandLine = commandLine(handle.get());
        if (commandLine.isPresent() && !commandLine.get().contains(LocalClusterMain.class.getName())) {
            LOG.info("pid {} of {} is no longer a local cluster", pid, workDir);
            return Optional.empty();
        }
        return handle;
    }

    /**
     * A process's command line when the OS tells it. On Linux the JDK leaves {@code info().arguments()} empty for
     * a command line as long as the child's class path, so /proc is read first.
     */
    static Optional<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                String text = Files.readString(proc, StandardCharsets.UTF_8).replace('\0', ' ').strip();
                if (!text.isEmpty()) {
                    return Optional.of(text);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Reading {} failed", proc, e);
        }
        return process.info().commandLine();
    }

    /** Caller holds the spawn lock and found no live cluster: its files are left over from a dead one. */
    private void removeStaleFiles() throws IOException {
        if (Files.deleteIfExists(workDir.resolve(LocalClusterMain.PID_FILE))) {
            LOG.info("Removed the stale pid file of a dead local cluster in {}", workDir);
        }
        Files.deleteIfExists(workDir.resolve(LocalClusterMain.REST_URL_FILE));
    }

    private Child launch() throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC"); // small footprint; the child is one process on a desktop
        // idle footprint (issue 14, ADR 0015): the heap starts small and grows with the jobs instead of starting at
        // 1/64 of the machine's memory, and gives memory back after a collection leaves most of it free
        command.addAll(CHILD_FOOTPRINT_OPTIONS);
        // a child out of memory is half dead (threads gone, REST maybe answering): let it exit so it is restarted
        command.add("-XX:+ExitOnOutOfMemoryError");
        for (String open : FLINK_JVM_OPENS) {
            command.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(workDir.resolve("tmp")));
        command.add("-D" + LocalClusterMain.LOG_FILE_PROPERTY + "=" + logFile);
        command.add("-Dlog4j2.configurationFile=" + LocalClusterMain.LOG_CONFIG_RESOURCE);
        command.add("-D" + LocalClusterMain.TASK_SLOTS_PROPERTY + "=" + taskSlots);
        command.add("-cp");
        command.add(childClassPath());
        command.add(LocalClusterMain.class.getName());
        command.add(workDir.toString());
        command.add(logFile.toString());
        boolean detached = lifetime == Lifetime.DETACHED;
        if (detached) {
            command.add(LocalClusterMain.DETACHED_ARG);
        }
        Path out = logFile.resolveSibling(logFile.getFileName() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        // glibc gives every thread that mallocs its own 64 MiB arena; Flink's many threads leave resident pieces of
        // each: two arenas are plenty for a process that allocates almost everything on the Java heap
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        if (detached) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File(
                    System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null")));
        }
        long t0 = System.nanoTime();
        Process process = builder.start();
        LOG.info("Started local cluster child pid {} ({}, work dir {}, log {})", process.pid(), lifetime, workDir, logFile);
        Child started = new Child(process, process.toHandle(), !detached, t0);
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
                if (!isCurrent(started) || started.discarded || !started.handle.isAlive()) {
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
            int failures = 0;
            while (version == null) {
                if (!isCurrent(started) || started.discarded || !started.handle.isAlive()) {
                    return;
                }
                try {
                    version = client.flinkVersion();
                } catch (RuntimeException e) {
                    if (!started.spawned && ++failures == FAILED_PROBES_FOR_UNREACHABLE) {
                        // a cluster another process started lives but does not answer: that is no start-up
                        synchronized (lock) {
                            if (isCurrent(started) && !started.discarded) {
                                started.gateway = new FlinkRestClient(url);
                                setState(ClusterHealth.UNREACHABLE, url, null, "The running local cluster (pid "
                                        + started.handle.pid() + ") lives but its REST API did not answer "
                                        + failures + " probes in a row");
                            }
                        }
                    }
                    checkDeadline(deadline);
                    Thread.sleep(200);
                }
            }
            String bundled = expectedVersion;
            synchronized (lock) {
                if (!isCurrent(started) || started.discarded) {
                    return;
                }
                started.gateway = new FlinkRestClient(url);
                started.probe = client;
                if (!FlinkVersions.sameMinor(version, bundled)) {
                    setState(ClusterHealth.FAILED, url, version, "The local cluster " + (started.spawned ? "" : "(pid "
                            + started.handle.pid() + ", started by another StreamDesk process) ") + "runs Flink "
                            + version + " but the app bundles Flink " + bundled
                            + "; the versions must have the same major.minor"
                            + (started.spawned ? "" : ". Stop that cluster first."));
                    started.giveUp();
                    return;
                }
                lastSeen = Instant.now();
                failedProbes = 0;
                long ms = (System.nanoTime() - started.launchedNanos) / 1_000_000;
                LOG.info("Local cluster RUNNING at {} (Flink {}, pid {}) {} ms after {}", url, version,
                        started.handle.pid(), ms, started.spawned ? "launch" : "attaching");
                setState(ClusterHealth.RUNNING, url, version, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StartupTimeout e) {
            synchronized (lock) {
                if (isCurrent(started) && !started.discarded) {
                    setState(ClusterHealth.FAILED, null, null, "The local cluster did not answer within "
                            + STARTUP_TIMEOUT.toSeconds() + " s; see " + logFile);
                    started.giveUp();
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
            if (!isCurrent(exited) || exited.discarded || exited.exitRecorded) {
                return; // a deliberate stop, a replaced child, or an exit already recorded (onExit and the supervisor)
            }
            exited.exitRecorded = true;
            String how = exited.process != null ? "exit code " + exited.process.exitValue() : "pid " + exited.handle.pid();
            LOG.warn("Local cluster pid {} exited ({})", exited.handle.pid(), how);
            setState(ClusterHealth.FAILED, null, state.flinkVersion(),
                    "The local cluster process exited unexpectedly (" + how + "); see " + logFile);
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
            if (!current.handle.isAlive()) {
                onChildExit(current);
                return;
            }
            if ((health != ClusterHealth.RUNNING && health != ClusterHealth.UNREACHABLE) || current.probe == null) {
                return; // not up yet: the start-up check probes it
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
                if (answers) {
                    lastSeen = Instant.now();
                    failedProbes = 0;
                    if (state.health() == ClusterHealth.UNREACHABLE) {
                        setState(ClusterHealth.RUNNING, state.restUrl(), state.flinkVersion(), null);
                    }
                } else if (++failedProbes >= FAILED_PROBES_FOR_UNREACHABLE && state.health() == ClusterHealth.RUNNING) {
                    setState(ClusterHealth.UNREACHABLE, state.restUrl(), state.flinkVersion(),
                            "The local cluster process lives but its REST API did not answer " + failedProbes
                                    + " probes in a row (" + PROBE_TIMEOUT.toSeconds() + " s each)");
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
            return state.withLastSeen(lastSeen);
        }
    }

    @Override
    public ClusterState state() {
        return state.withLastSeen(lastSeen);
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
            return child == null ? Optional.empty() : Optional.of(child.handle);
        }
    }

    /**
     * Stops the cluster this instance spawned or attached to and waits for it to exit: a tied child by closing its
     * stdin, any other by SIGTERM (its shutdown hook closes the MiniCluster and deletes rest.url and pid); killed
     * when it does not exit within {@code timeout}.
     */
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
        ProcessHandle handle = stopping.handle;
        stopping.askToExit();
        try {
            try {
                handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("Local cluster pid {} did not stop within {}; killing it", handle.pid(), timeout);
                handle.destroyForcibly();
                handle.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Local cluster pid {} did not exit after being killed", handle.pid(), e);
        }
        if (!handle.isAlive()) {
            removeFilesOf(handle.pid()); // a killed child could not remove them itself
        }
        synchronized (lock) {
            if (child == stopping) {
                child = null;
                setState(ClusterHealth.STOPPED, null, null, null);
            }
        }
    }

    /**
     * Ends the current child whatever its state and starts a new one. A healthy child is asked to exit first; one
     * that does not answer (hung, stopped by a signal, out of memory) would ignore that and is killed at once.
     */
    @Override
    public void restart() {
        Child old;
        boolean healthy;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("This LocalClusterProcess was closed or detached");
            }
            old = child;
            healthy = state.health() == ClusterHealth.RUNNING;
            if (old != null) {
                old.discarded = true; // its exit is expected now
                child = null;
            }
        }
        if (old != null && old.handle.isAlive()) {
            ProcessHandle handle = old.handle;
            LOG.info("Restarting the local cluster: ending pid {} ({})", handle.pid(), healthy ? "asked to exit" : "killed");
            try {
                if (healthy) {
                    old.askToExit();
                    try {
                        handle.onExit().get(10, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        handle.destroyForcibly();
                    }
                } else {
                    handle.destroyForcibly();
                }
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Local cluster pid {} did not exit after being killed", handle.pid(), e);
            }
        }
        if (old != null && !old.handle.isAlive()) {
            removeFilesOf(old.handle.pid());
        }
        start();
    }

    /** Deletes rest.url and pid when the pid file still names {@code pid}: never the files of a newer child. */
    private void removeFilesOf(long pid) {
        synchronized (SPAWN_MONITOR) {
            Path pidFile = workDir.resolve(LocalClusterMain.PID_FILE);
            try {
                if (Files.readString(pidFile, StandardCharsets.UTF_8).strip().equals(Long.toString(pid))) {
                    Files.deleteIfExists(workDir.resolve(LocalClusterMain.REST_URL_FILE));
                    Files.deleteIfExists(pidFile);
                }
            } catch (NoSuchFileException e) {
                // removed by the child on its way out
            } catch (IOException e) {
                LOG.warn("Could not remove the files of local cluster pid {} in {}", pid, workDir, e);
            }
        }
    }

    /**
     * Stops the cluster (see {@link #stop(Duration)}), also one this instance attached to, and the supervisor
     * threads; the instance is unusable afterwards. What the desktop app does on exit.
     */
    public void close(Duration timeout) {
        stop(timeout);
        synchronized (lock) {
            closed = true;
        }
        supervisor.shutdownNow();
        notifier.shutdown();
    }

    /**
     * Ends this instance's supervision and leaves the cluster running, for the next process to attach to; the
     * instance is unusable afterwards. What the CLI does on exit. A {@link Lifetime#TIED_TO_THIS_PROCESS} child this
     * instance spawned still ends when this JVM does.
     */
    public void detach() {
        synchronized (lock) {
            closed = true;
            if (child != null) {
                child.release();
                LOG.info("Detached from local cluster pid {}; it keeps running", child.handle.pid());
                child = null; // a later close() must not stop it
            }
        }
        supervisor.shutdownNow();
        notifier.shutdown();
    }

    @Override
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Caller holds the lock. */
    private void setState(ClusterHealth health, String restUrl, String version, String detail) {
        ClusterState next = new ClusterState(CLUSTER_ID, health, restUrl, version, Instant.now(), detail, lastSeen);
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

    /** One cluster process: launched by this instance ({@code spawned}) or found running and attached to. */
    private static final class Child {
        /** Null when attached: only a process's creator gets a {@link Process}. */
        final Process process;
        final ProcessHandle handle;
        final boolean spawned;
        /** Whether the child watches its stdin pipe from this process (a tied child we spawned). */
        final boolean tiedStdin;
        final long launchedNanos;
        volatile FlinkRestClient gateway;
        /** Short timeouts: the supervisor must notice a stuck cluster within a poll or two. */
        volatile FlinkRestClient probe;
        /** Set when the app ends or leaves this child on purpose: its exit is not a failure. */
        volatile boolean discarded;
        /** Set once its unexpected exit is logged and made the state: the supervisor's later checks see it again. */
        volatile boolean exitRecorded;

        Child(Process process, ProcessHandle handle, boolean tiedStdin, long launchedNanos) {
            this.process = process;
            this.handle = handle;
            this.spawned = process != null;
            this.tiedStdin = tiedStdin;
            this.launchedNanos = launchedNanos;
        }

        /** The polite stop: EOF on a tied child's stdin, SIGTERM for any other. */
        void askToExit() {
            if (tiedStdin) {
                try {
                    OutputStream stdin = process.getOutputStream();
                    stdin.close();
                } catch (IOException e) {
                    LOG.debug("Closing the child's stdin failed", e);
                }
            } else {
                handle.destroy();
            }
        }

        /** Ends a child the app gave up on: ask politely, then kill it off the caller's thread. */
        void discard() {
            discarded = true;
            askToExit();
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> {
                handle.destroyForcibly();
                return null;
            });
        }

        /** Stops supervising without touching the process. */
        void release() {
            discarded = true;
        }

        /** After a refusal or a start-up timeout: end a child we spawned, leave one another process owns. */
        void giveUp() {
            if (spawned) {
                discard();
            } else {
                release();
            }
        }
    }

    private static final class StartupTimeout extends Exception {
        StartupTimeout() {
            super(null, null, false, false);
        }
    }
}
