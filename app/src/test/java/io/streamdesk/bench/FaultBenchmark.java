package io.streamdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/**
 * Fault figures of issue 10 (bench/faults.sh), on the real local cluster. The app runs in its own JVM
 * ({@link FaultAppProcess}) and prints what its job list shows every 500 ms; this process samples the ground truth at
 * the same rate: whether the cluster child lives (its pid file) and what Flink's REST API says of the job, queried
 * directly. Faults: kill -9 of the child; SIGSTOP of the child for 20 s then SIGCONT; a job that fails and restarts
 * (division by zero); SIGTERM of the app and a new start. Prints per fault and overall: samples, share in agreement
 * within one poll interval, samples showing a plain Running while the cluster was not reachable, recovery time, and
 * whether state was resumed.
 */
public final class FaultBenchmark {
    /** The app's reconcile interval plus one probe timeout: how old a Running may be while the cluster is silent. */
    static final long TOLERANCE_MS = 2_000 + 2_000;
    /**
     * Agreement within one poll interval (2 s), plus the 500 ms the app's printer waits between two prints: the label
     * shown agrees when it matches the ground truth as it was at some sample of that window.
     */
    static final long AGREEMENT_WINDOW_MS = 2_000 + 500;
    private static final long SAMPLE_MS = 500;

    private static final String STREAMING = """
            CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50',
              'fields.id.min' = '1', 'fields.id.max' = '1000000');
            CREATE TABLE snk (id BIGINT, n BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT id % 10, COUNT(*) FROM src GROUP BY id % 10;
            """;
    /** Fails after about 10 s (one row in 1,000 divides by zero); the default restart strategy retries it 5 times. */
    private static final String DIVIDES_BY_ZERO = """
            CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '100',
              'fields.id.min' = '0', 'fields.id.max' = '999999');
            CREATE TABLE snk (x BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT 100 / (id % 1000) FROM src;
            """;

    private final Path data;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(800)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Deque<Shown>> shown = new ConcurrentHashMap<>();
    private final List<String> log = new ArrayList<>();
    private Process app;
    private PrintWriter appIn;
    private volatile String lastReady = "";
    private volatile String lastCreated;
    private int appDownSamples;
    /** When the ground truth last turned to "cluster down or silent"; -1 while it answers. */
    private long downSince = -1;
    private final TruthHistory truths = new TruthHistory();

    record Shown(long at, String flinkJobId, String restoredFrom, String label) {
    }

    /** One sample of the ground truth and what the app showed then. */
    record Sample(long at, String truth, String shownLabel, boolean agrees, boolean falseRunning) {
    }

    record FaultResult(String name, List<Sample> samples, long recoveryMs, String resumed) {
        long agreeing() {
            return samples.stream().filter(Sample::agrees).count();
        }

        long falseRunning() {
            return samples.stream().filter(Sample::falseRunning).count();
        }
    }

    private FaultBenchmark(Path data) {
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("streamdesk-faults");
        FaultBenchmark bench = new FaultBenchmark(data);
        List<FaultResult> results = new ArrayList<>();
        try {
            bench.startApp();
            bench.awaitClusterUp(Duration.ofSeconds(120));
            String job = bench.create("faults-streaming", STREAMING);
            bench.awaitShown(job, "Running", Duration.ofSeconds(120));
            results.add(bench.steady(job));
            results.add(bench.killChild(job));
            results.add(bench.stopChild(job));
            results.add(bench.failingJob());
            results.add(bench.terminateApp(job));
        } finally {
            bench.stopApp();
        }
        print(results);
        System.out.println("samples while the app process was not running (not counted): " + bench.appDownSamples);
        System.out.println("the app's log: " + data.resolve("app-stderr.log"));
        try (Stream<String> lines = Files.lines(data.resolve("app-stderr.log"))) {
            lines.filter(l -> l.contains(" WARN ") || l.contains("SIG") || l.contains("Quit") || l.contains("esum"))
                    .map(l -> l.length() > 300 ? l.substring(0, 300) + " ..." : l).distinct().limit(40)
                    .forEach(l -> System.out.println("  app: " + l));
        }
        bench.log.stream().distinct().limit(40).forEach(l -> System.out.println("  " + l));
    }

    // ---- faults ----

    /** No fault for 75 s, so that the default 60 s checkpoint interval has completed a checkpoint to resume from. */
    private FaultResult steady(String job) throws Exception {
        List<Sample> samples = new ArrayList<>();
        sample(job, samples, 75_000);
        return new FaultResult("no fault (75 s, until a periodic checkpoint exists)", samples, 0, "n/a");
    }

    private FaultResult killChild(String job) throws Exception {
        List<Sample> samples = new ArrayList<>();
        sample(job, samples, 5_000);
        String before = currentFlinkJob(job);
        long pid = childPid().orElseThrow();
        long t0 = System.currentTimeMillis();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        long recovered = sampleUntil(job, samples, Duration.ofSeconds(240),
                s -> s.truth().equals("RUNNING") && s.shownLabel().equals("Running") && !before.equals(currentFlinkJob(job)));
        sample(job, samples, 5_000);
        return new FaultResult("kill -9 of the cluster child", samples, recovered < 0 ? -1 : recovered - t0,
                resumedFrom(job));
    }

    private FaultResult stopChild(String job) throws Exception {
        List<Sample> samples = new ArrayList<>();
        sample(job, samples, 5_000);
        long pid = childPid().orElseThrow();
        new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
        sample(job, samples, 20_000);
        long t0 = System.currentTimeMillis();
        new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start().waitFor();
        long recovered = sampleUntil(job, samples, Duration.ofSeconds(120),
                s -> s.truth().equals("RUNNING") && s.shownLabel().equals("Running"));
        sample(job, samples, 5_000);
        return new FaultResult("SIGSTOP of the child for 20 s, then SIGCONT", samples,
                recovered < 0 ? -1 : recovered - t0, "n/a (same run)");
    }

    private FaultResult failingJob() throws Exception {
        List<Sample> samples = new ArrayList<>();
        long t0 = System.currentTimeMillis();
        String job = create("faults-divide-by-zero", DIVIDES_BY_ZERO);
        // five restarts 5 s apart, then FAILED: sample until the app shows the end
        long ended = sampleUntil(job, samples, Duration.ofSeconds(180),
                s -> s.truth().equals("FAILED") && s.shownLabel().startsWith("Error"));
        sample(job, samples, 5_000);
        return new FaultResult("a job failing and restarting (division by zero)", samples,
                ended < 0 ? -1 : ended - t0, "n/a (fails by design)");
    }

    private FaultResult terminateApp(String job) throws Exception {
        List<Sample> samples = new ArrayList<>();
        sample(job, samples, 5_000);
        long t0 = System.currentTimeMillis();
        app.destroy(); // SIGTERM
        boolean exited = app.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
        long exitMs = System.currentTimeMillis() - t0;
        log.add("app exited after SIGTERM: " + exited + " in " + exitMs + " ms; savepoints: " + savepointFiles(job));
        shown.clear();
        startApp();
        log.add("after restart the app offers to resume: " + lastReady);
        appIn.println("RESUME");
        appIn.flush();
        long recovered = sampleUntil(job, samples, Duration.ofSeconds(240),
                s -> s.truth().equals("RUNNING") && s.shownLabel().equals("Running"));
        sample(job, samples, 5_000);
        return new FaultResult("SIGTERM of the app, then a new start", samples,
                recovered < 0 ? -1 : recovered - t0, resumedFrom(job));
    }

    // ---- sampling ----

    private void sample(String job, List<Sample> into, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            add(into, sampleOnce(job));
            Thread.sleep(SAMPLE_MS);
        }
    }

    /** While the app process is down (between SIGTERM and the new start) nothing is shown: such samples are not counted. */
    private void add(List<Sample> into, Sample s) {
        if (s != null) {
            into.add(s);
        } else {
            appDownSamples++;
        }
    }

    /** Samples until {@code done} holds for a sample; returns that sample's time, or -1 after {@code limit}. */
    private long sampleUntil(String job, List<Sample> into, Duration limit,
                             java.util.function.Predicate<Sample> done) throws Exception {
        long end = System.currentTimeMillis() + limit.toMillis();
        while (System.currentTimeMillis() < end) {
            Sample s = sampleOnce(job);
            add(into, s);
            if (s != null && done.test(s)) {
                return s.at();
            }
            Thread.sleep(SAMPLE_MS);
        }
        return -1;
    }

    /**
     * Ground truth now, compared with the label the app shows now: the sample agrees when that label matches the
     * truth as it was at some sample of the last {@link #AGREEMENT_WINDOW_MS} (the app may lag Flink by one poll). A
     * plain "Running" while the cluster has been down or silent for longer than {@link #TOLERANCE_MS} (one poll
     * interval plus one probe timeout: the bound for a confirmed Running) is a false Running.
     */
    private Sample sampleOnce(String job) {
        long now = System.currentTimeMillis();
        String truth = truth(job);
        boolean down = truth.equals("CLUSTER_DOWN") || truth.equals("NO_ANSWER");
        if (!down) {
            downSince = -1;
        } else if (downSince < 0) {
            downSince = now;
        }
        truths.add(now, truth);
        Deque<Shown> history = shown.getOrDefault(job, new ConcurrentLinkedDeque<>());
        Shown latest = history.peekLast();
        if (latest == null || latest.at() < now - TOLERANCE_MS) {
            return null; // the app shows nothing: it is not running (or not yet open again)
        }
        String latestLabel = latest.label();
        boolean agrees = truths.since(now - AGREEMENT_WINDOW_MS).stream().anyMatch(t -> matches(t, latestLabel));
        boolean falseRunning = latestLabel.equals("Running") && down && now - downSince > TOLERANCE_MS;
        return new Sample(now, truth, latestLabel, agrees, falseRunning);
    }

    /** The ground truths of the last seconds, oldest first (the probe's own samples). */
    private static final class TruthHistory {
        private record Truth(long at, String truth) {
        }

        private final Deque<Truth> entries = new java.util.ArrayDeque<>();

        void add(long at, String truth) {
            entries.addLast(new Truth(at, truth));
            while (entries.size() > 64) {
                entries.pollFirst();
            }
        }

        List<String> since(long from) {
            return entries.stream().filter(e -> e.at() >= from).map(Truth::truth).toList();
        }
    }

    /** Whether a shown label tells the truth. */
    static boolean matches(String truth, String label) {
        return switch (truth) {
            case "RUNNING" -> label.equals("Running");
            case "RESTARTING" -> label.startsWith("Restarting");
            case "FAILED" -> label.startsWith("Error");
            case "FINISHED" -> label.startsWith("Finished");
            case "CANCELED", "GONE" -> label.startsWith("Stopped") || label.startsWith("Error") || label.startsWith("Operating")
                    || label.startsWith("Ended with the cluster");
            // the cluster is down or stuck: the app must say so (never a plain Running); an operation (the
            // automatic resume) in flight is true as well
            case "CLUSTER_DOWN", "NO_ANSWER" -> !label.equals("Running")
                    && (label.toLowerCase().contains("cluster") || label.startsWith("Operating") || label.startsWith("Stopped")
                    || label.startsWith("Error") || label.startsWith("Not confirmed") || label.startsWith("Ended with the cluster"));
            case "STARTING" -> label.startsWith("Operating") || label.toLowerCase().contains("cluster")
                    || label.startsWith("Not confirmed") || label.startsWith("Restarting");
            default -> false;
        };
    }

    /** What Flink says of the app's current Flink job of {@code job}, or why there is no answer. */
    private String truth(String job) {
        Optional<Long> pid = childPid();
        if (pid.isEmpty() || ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
            return "CLUSTER_DOWN";
        }
        Optional<String> rest = restUrl();
        if (rest.isEmpty()) {
            return "CLUSTER_DOWN";
        }
        String flinkJob = currentFlinkJob(job);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rest.get() + "/jobs/overview"))
                    .timeout(Duration.ofMillis(1500)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return "NO_ANSWER";
            }
            for (JsonNode j : json.readTree(r.body()).path("jobs")) {
                if (j.path("jid").asText().equals(flinkJob)) {
                    String state = j.path("state").asText();
                    if (state.equals("RUNNING")) {
                        JsonNode tasks = j.path("tasks");
                        return tasks.path("running").asInt() == tasks.path("total").asInt() ? "RUNNING" : "STARTING";
                    }
                    return state.equals("CREATED") || state.equals("INITIALIZING") ? "STARTING" : state;
                }
            }
            return "GONE";
        } catch (IOException e) {
            return "NO_ANSWER";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "NO_ANSWER";
        }
    }

    private String currentFlinkJob(String job) {
        Deque<Shown> history = shown.get(job);
        Shown latest = history == null ? null : history.peekLast();
        return latest == null ? "-" : latest.flinkJobId();
    }

    private Optional<Long> childPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(data.resolve("cluster/pid")).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> restUrl() {
        try {
            String url = Files.readString(data.resolve("cluster/rest.url")).strip();
            return url.isEmpty() ? Optional.empty() : Optional.of(url);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String savepointFiles(String job) {
        Path dir = data.resolve("savepoints").resolve(job);
        if (!Files.isDirectory(dir)) {
            return "none";
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList().toString();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** How the job's current run started, as the app reports it: a checkpoint or savepoint, or fresh. */
    private String resumedFrom(String job) {
        Deque<Shown> history = shown.get(job);
        Shown latest = history == null ? null : history.peekLast();
        if (latest == null || latest.restoredFrom().equals("-")) {
            return "no (started fresh)";
        }
        String from = latest.restoredFrom();
        return "yes, from " + (from.contains("savepoint") ? "savepoint " : "checkpoint ")
                + from.substring(from.lastIndexOf('/', from.length() - 2) + 1);
    }

    // ---- the app process ----

    private void startApp() throws IOException, InterruptedException {
        String opens = String.join(" ", System.getProperty("sd.opens", "").split(" "));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        for (String o : opens.split(" ")) {
            if (!o.isBlank()) {
                command.add(o);
            }
        }
        // the app's own INFO lines (quit, resumes, restarts) into app-stderr.log, next to its warnings
        Path logConfig = data.resolve("app-log4j2.xml");
        Files.writeString(logConfig, """
                <Configuration status="WARN">
                  <Appenders><Console name="E" target="SYSTEM_ERR"><PatternLayout pattern="%d{HH:mm:ss.SSS} %-5level [%t] %c{1} - %msg%n"/></Console></Appenders>
                  <Loggers><Logger name="io.streamdesk" level="INFO"/><Root level="WARN"><AppenderRef ref="E"/></Root></Loggers>
                </Configuration>
                """);
        command.add("-Dlog4j2.configurationFile=" + logConfig);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FaultAppProcess.class.getName(),
                data.toString()));
        app = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(data.resolve("app-stderr.log").toFile()))
                .start();
        appIn = new PrintWriter(new OutputStreamWriter(app.getOutputStream(), StandardCharsets.UTF_8), true);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        Process current = app;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(current.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("SHOWN ")) {
                        String[] w = line.split(" ", 6);
                        shown.computeIfAbsent(w[2], k -> new ConcurrentLinkedDeque<>())
                                .add(new Shown(Long.parseLong(w[1]), w[3], w[4], w[5]));
                        Deque<Shown> d = shown.get(w[2]);
                        while (d.size() > 64) {
                            d.pollFirst();
                        }
                    } else if (line.startsWith("READY")) {
                        lastReady = line.substring(5).strip();
                        ready.countDown();
                    } else if (line.startsWith("CREATED ")) {
                        lastCreated = line.substring(8).strip();
                    } else {
                        synchronized (log) {
                            log.add("app: " + line.replaceFirst("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ ", ""));
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "app-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(180, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("The app did not open its data directory within 180 s");
        }
    }

    private void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        childPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    private void awaitClusterUp(Duration limit) throws InterruptedException {
        long end = System.currentTimeMillis() + limit.toMillis();
        while (System.currentTimeMillis() < end && restUrl().isEmpty()) {
            Thread.sleep(200);
        }
    }

    private String create(String name, String sql) throws Exception {
        Path file = Files.createTempFile(data, name, ".sql");
        Files.writeString(file, sql);
        lastCreated = null;
        appIn.println("CREATE " + name + " " + file);
        appIn.flush();
        long end = System.currentTimeMillis() + 180_000;
        while (lastCreated == null && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        if (lastCreated == null) {
            throw new IllegalStateException("The app did not run job " + name + ": " + log);
        }
        return lastCreated;
    }

    private void awaitShown(String job, String label, Duration limit) throws InterruptedException {
        long end = System.currentTimeMillis() + limit.toMillis();
        while (System.currentTimeMillis() < end) {
            Deque<Shown> d = shown.get(job);
            if (d != null && d.peekLast() != null && d.peekLast().label().equals(label)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Job " + job + " never showed " + label);
    }

    private static void print(List<FaultResult> results) {
        long all = 0;
        long agree = 0;
        long falseRunning = 0;
        System.out.printf("%-50s %8s %10s %13s %12s  %s%n", "fault", "samples", "agreement", "false Running",
                "recovery", "state resumed");
        for (FaultResult r : results) {
            all += r.samples().size();
            agree += r.agreeing();
            falseRunning += r.falseRunning();
            System.out.printf("%-50s %8d %9.1f%% %13d %12s  %s%n", r.name(), r.samples().size(),
                    100.0 * r.agreeing() / Math.max(1, r.samples().size()), r.falseRunning(),
                    r.recoveryMs() < 0 ? "never" : String.format("%.1f s", r.recoveryMs() / 1000.0), r.resumed());
            r.samples().stream().filter(s -> !s.agrees()).limit(8).forEach(s ->
                    System.out.printf("    disagreement at +%d ms: truth %s, shown '%s'%n",
                            s.at() - r.samples().get(0).at(), s.truth(), s.shownLabel()));
        }
        System.out.printf("%-50s %8d %9.1f%% %13d%n", "overall", all, 100.0 * agree / Math.max(1, all), falseRunning);
    }
}
