package io.streamdesk.bench;

import io.streamdesk.app.ServiceGraph;
import io.streamdesk.flink.config.FlinkConfigOptionCatalog;
import io.streamdesk.flink.local.BenchClusters;
import io.streamdesk.flink.local.FlinkVersions;
import io.streamdesk.flink.remote.RemoteSessionConnector;
import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.flink.rest.RestEndpoint;
import io.streamdesk.flink.sql.BenchJobGraphs;
import io.streamdesk.flink.sql.FlinkSqlChecker;
import io.streamdesk.flink.sql.FlinkSqlSubmitter;
import io.streamdesk.flink.state.FlinkSavepointInspector;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.RunService;
import io.streamdesk.service.checkpoints.CheckpointTracker;
import io.streamdesk.service.metrics.MetricSampler;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.testing.FakeLocalCluster;
import io.streamdesk.testing.InMemoryAlarmStore;
import io.streamdesk.testing.InMemoryCheckpointStore;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import io.streamdesk.testing.InMemoryEventStore;
import io.streamdesk.testing.InMemoryJobStore;
import io.streamdesk.testing.InMemoryMetricStore;
import io.streamdesk.testing.InMemoryRunStore;
import io.streamdesk.testing.InMemorySecretStore;
import io.streamdesk.testing.InMemorySettingsStore;
import io.streamdesk.testing.InMemorySmtpSettingsStore;
import io.streamdesk.testing.InMemoryVersionStore;
import io.streamdesk.testing.StandaloneFlinkCluster;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.JobsOverviewHeaders;
import org.apache.flink.runtime.rest.messages.job.JobDetailsInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Figures of issue 11 on a real standalone Flink 2.3.0 session cluster behind nginx (basic auth, TLS between the
 * client and nginx, plain HTTP from nginx to the JobManager):
 * <ol>
 *   <li>Run -> all tasks RUNNING with StreamDesk's run path (RunService.run through the service graph over the
 *   cluster registered as a remote session cluster, through the proxy) against the same SQL compiled in this warm
 *   JVM and submitted by Flink's own {@link RestClusterClient} straight to the JobManager's REST port, polled
 *   every 100 ms (as RunService polls) until every task is RUNNING. Warm-up, then alternating runs, cancelled
 *   between runs; each run, the medians and the ratio.</li>
 *   <li>REST requests per job per sampler tick: the monitoring sampler of the same graph over the remote session
 *   connection (counted on its REST client, and cross-checked with nginx's access log), then the sampler over a
 *   MiniCluster with the local cluster's configuration as bench/SamplerBenchmark does, the same jobs on both.</li>
 * </ol>
 * Usage: bench/remote.sh [runs]
 */
public final class RemoteFiguresBenchmark {
    static final String USER = "bench";
    static final String PASSWORD = "bench-Proxy-pw-1";
    static final String SQL = """
            CREATE TABLE src (id BIGINT, amount DOUBLE) WITH ('connector'='datagen','rows-per-second'='20');
            CREATE TABLE snk (id BIGINT, amount DOUBLE) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT id, amount FROM src WHERE amount > 0;
            """;
    static final int SAMPLED_JOBS = 2; // the standalone cluster's TaskManager has 2 slots
    static final int TICKS = 4;
    static final Duration TICK_INTERVAL = Duration.ofSeconds(5);

    private static final Deque<AutoCloseable> CLEANUP = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Runtime.getRuntime().addShutdownHook(new Thread(RemoteFiguresBenchmark::cleanUp, "bench-cleanup"));
        int status = 0;
        try {
            Path dir = Files.createTempDirectory("streamdesk-remote-bench");
            TickCounts remote = remotePart(dir, runs);
            cleanUp(); // the standalone cluster and nginx end before the MiniCluster starts
            TickCounts local = localPart(dir);
            cleanUp();
            System.out.println();
            System.out.printf("requests per job per tick: local %.2f, remote %.2f (%s); cluster-level per tick: local %.1f, remote %.1f%n",
                    local.perJob(), remote.perJob(), local.perJob() == remote.perJob() ? "unchanged" : "CHANGED",
                    local.clusterLevel(), remote.clusterLevel());
            System.out.println("requests per tick by endpoint (local | remote):");
            TreeMap<String, Double> all = new TreeMap<>(local.byEndpoint());
            remote.byEndpoint().forEach(all::putIfAbsent);
            for (String endpoint : all.keySet()) {
                System.out.printf("  %-45s %5.1f | %5.1f%n", endpoint, local.byEndpoint().getOrDefault(endpoint, 0.0),
                        remote.byEndpoint().getOrDefault(endpoint, 0.0));
            }
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        } finally {
            cleanUp();
        }
        System.exit(status);
    }

    // ---- part 1 and the remote half of part 2 -------------------------------------------------------------------

    private static TickCounts remotePart(Path dir, int runs) throws Exception {
        long t0 = System.nanoTime();
        StandaloneFlinkCluster cluster = StandaloneFlinkCluster.start(dir.resolve("flink"), null);
        CLEANUP.push(cluster);
        Proxy proxy = Proxy.start(dir.resolve("nginx"), cluster.restPort());
        System.out.printf("standalone Flink 2.3.0 cluster and nginx (%s) ready in %d ms%n", proxy.url,
                (System.nanoTime() - t0) / 1_000_000);

        ServiceGraph graph = graph(dir);
        CLEANUP.push(() -> graph.clusters().closeConnections());
        RemoteEndpoint endpoint = new RemoteEndpoint(proxy.url, USER, null, proxy.certificate, null, null);
        String clusterId = graph.clusters().addRemote("Shared behind nginx", endpoint, PASSWORD,
                dir.resolve("savepoints").toUri().toString()).id();
        awaitHealth(graph, clusterId, ClusterHealth.RUNNING, Duration.ofSeconds(30));
        FlinkRestClient remoteClient = (FlinkRestClient) graph.clusters().currentGateway(clusterId);
        System.out.println("registered as a remote session cluster: " + graph.clusters().state(clusterId).restUrl()
                + ", Flink " + graph.clusters().state(clusterId).flinkVersion());

        JobId job = createJob(graph, "run-figure", clusterId);
        RunService runService = graph.runs();
        FlinkSqlSubmitter compiler = new FlinkSqlSubmitter();
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, cluster.restPort());
        RestClusterClient<StandaloneClusterId> flink = new RestClusterClient<>(conf, StandaloneClusterId.getInstance());
        CLEANUP.push(flink::close);

        // warm both paths (planner, HTTP clients, TLS session, the cluster's blob and slot paths)
        for (int i = 0; i < 2; i++) {
            streamDeskRun(runService, remoteClient, job);
            flinkClientRun(flink, compiler, "warm-" + i, false);
        }
        List<Long> ours = new ArrayList<>();
        List<Long> anchor = new ArrayList<>();
        List<Long> compile = new ArrayList<>();
        List<Long> detailsPolled = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            long a = streamDeskRun(runService, remoteClient, job);
            long[] b = flinkClientRun(flink, compiler, "flink-client-" + i, false);
            long[] c = flinkClientRun(flink, compiler, "flink-client-details-" + i, true);
            ours.add(a);
            anchor.add(b[0]);
            compile.add(b[1]);
            detailsPolled.add(c[0]);
            System.out.printf("run %d: StreamDesk run (https + basic auth via nginx) %d ms; Flink RestClusterClient "
                    + "(direct) %d ms (compile %d ms), polling getJobDetails instead %d ms%n", i, a, b[0], b[1], c[0]);
        }
        long mo = median(ours);
        long ma = median(anchor);
        System.out.printf("median StreamDesk Run -> all tasks RUNNING on the remote cluster: %d ms%n", mo);
        System.out.printf("median Flink client compile + submit -> all tasks RUNNING (GET /jobs/overview every 100 ms): %d ms "
                + "(compile %d ms)%n", ma, median(compile));
        System.out.printf("ratio StreamDesk / Flink client: %.2f%n", (double) mo / ma);
        System.out.printf("median Flink client polling getJobDetails (GET /jobs/:jobid, cached for web.refresh-interval): %d ms%n",
                median(detailsPolled));

        // part 2, remote: the graph's monitoring sampler over the remote session connection
        List<JobId> sampled = new ArrayList<>();
        for (int i = 0; i < SAMPLED_JOBS; i++) {
            JobId id = createJob(graph, "sampled-" + i, clusterId);
            Job running = runService.run(id, 1, RestoreChoice.fresh());
            if (running.status() != JobStatus.RUNNING) {
                throw new IllegalStateException("sampled job " + i + " is " + running.status());
            }
            sampled.add(id);
        }
        TickCounts counts = countTicks("remote", remoteClient, () -> graph.monitoring().sampleNow().samples(),
                proxy.accessLog);
        for (JobId id : sampled) {
            runService.stop(id, false);
        }
        return counts;
    }

    private static long streamDeskRun(RunService runs, FlinkRestClient client, JobId job) {
        long t0 = System.nanoTime();
        Job running = runs.run(job, 1, RestoreChoice.fresh());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        FlinkJobSummary s = client.job(running.flinkJobId()).orElseThrow();
        if (running.status() != JobStatus.RUNNING || !s.allTasksRunning()) {
            throw new IllegalStateException("StreamDesk's run returned " + running.status() + ", Flink says " + s);
        }
        runs.stop(job, false);
        return ms;
    }

    /**
     * Compile in this warm JVM, submit with Flink's own REST client, poll every 100 ms until every task is RUNNING,
     * cancel. Polls the jobs overview (what the Dispatcher knows now) or, with {@code details}, getJobDetails (the
     * job details handler, which serves an execution graph cached for web.refresh-interval). Returns the time to
     * all tasks RUNNING and the compile time in it.
     */
    private static long[] flinkClientRun(RestClusterClient<StandaloneClusterId> flink, FlinkSqlSubmitter compiler,
                                         String name, boolean details) throws Exception {
        long t0 = System.nanoTime();
        var graph = BenchJobGraphs.jobGraph(compiler, name, SQL);
        long compiled = (System.nanoTime() - t0) / 1_000_000;
        JobID id = flink.submitJob(graph).get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(details ? allTasksRunning(flink.getJobDetails(id).get(10, TimeUnit.SECONDS)) : allTasksRunning(flink, id))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Flink client job " + id + " not running within 60 s");
            }
            Thread.sleep(100);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        flink.cancel(id).get(30, TimeUnit.SECONDS);
        while (!flink.getJobStatus(id).get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
            Thread.sleep(100);
        }
        return new long[] {ms, compiled};
    }

    private static boolean allTasksRunning(RestClusterClient<StandaloneClusterId> flink, JobID id) throws Exception {
        for (JobDetails job : flink.sendRequest(JobsOverviewHeaders.getInstance(), EmptyMessageParameters.getInstance(),
                EmptyRequestBody.getInstance()).get(10, TimeUnit.SECONDS).getJobs()) {
            if (job.getJobId().equals(id)) {
                return job.getNumTasks() > 0 && job.getTasksPerState()[ExecutionState.RUNNING.ordinal()] == job.getNumTasks();
            }
        }
        return false;
    }

    private static boolean allTasksRunning(JobDetailsInfo details) {
        Map<ExecutionState, Integer> perState = details.getJobVerticesPerState();
        int total = details.getJobVertexInfos().size();
        return total > 0 && perState.getOrDefault(ExecutionState.RUNNING, 0) == total
                && details.getJobVertexInfos().stream().allMatch(v -> v.getExecutionState() == ExecutionState.RUNNING);
    }

    private static JobId createJob(ServiceGraph graph, String name, String clusterId) {
        Job job = graph.jobs().createSqlJob(name, "/bench", clusterId);
        graph.jobs().saveDraft(job.id(), SQL);
        graph.jobs().publish(job.id(), "bench");
        return job.id();
    }

    /** The services as RemoteSessionScenario builds them: in-memory stores, real planner, checker, submitter, connector. */
    private static ServiceGraph graph(Path dir) {
        return graph(dir, new FakeLocalCluster(), List.of(new RemoteSessionConnector(Duration.ofMillis(500))));
    }

    private static ServiceGraph graph(Path dir, ClusterConnection local,
                                      List<io.streamdesk.service.port.ClusterConnector> connectors) {
        Duration wait = Duration.ofSeconds(60);
        return ServiceGraph.build(ServiceGraph.adapters()
                .jobForms(new io.streamdesk.testing.InMemoryJobFormStore())
                .stores(new InMemoryJobStore(), new InMemoryVersionStore(), new InMemoryRunStore(), new InMemoryEventStore())
                .monitoringStores(new InMemoryMetricStore(), new InMemoryCheckpointStore(), new InMemoryAlarmStore())
                .settings(new InMemorySettingsStore(), new InMemorySmtpSettingsStore(), new InMemorySecretStore())
                .cluster(local, FlinkVersions.bundled())
                .clusterDefinitions(new InMemoryClusterDefinitionStore())
                .variables(new io.streamdesk.testing.InMemoryVariableStore())
                .connectors(connectors)
                .metadata(new io.streamdesk.testing.InMemoryMetadataStore(), new io.streamdesk.flink.sql.FlinkTableDdlParser())
                .sql(new FlinkSqlChecker(), new FlinkSqlSubmitter(), new FlinkSqlSubmitter(),
                        new FlinkSavepointInspector(), new FlinkConfigOptionCatalog())
                .lineage(new io.streamdesk.testing.InMemoryLineageStore(), new io.streamdesk.testing.FakeLineageExtractor())
                .clock(Clock.systemUTC())
                .user("bench", new RunService.RunTimeouts(Duration.ofSeconds(20), wait, wait))
                .paths(dir.resolve("savepoints"), dir.resolve("run-logs"))
                .series((job, metric, from, to) -> List.of()));
    }

    private static void awaitHealth(ServiceGraph graph, String id, ClusterHealth health, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (graph.clusters().state(id).health() != health) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster " + id + " is " + graph.clusters().state(id));
            }
            Thread.sleep(100);
        }
    }

    // ---- the local half of part 2 ------------------------------------------------------------------------------

    private static TickCounts localPart(Path dir) throws Exception {
        BenchClusters.Running mini = BenchClusters.start(dir.resolve("mini"), SAMPLED_JOBS + 2);
        CLEANUP.push(mini);
        FlinkRestClient client = new FlinkRestClient(mini.restUrl());
        long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) { // the MiniCluster's REST answers 503 until its leader election is over
            try {
                client.flinkVersion();
                break;
            } catch (RuntimeException e) {
                if (System.nanoTime() > ready) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
        // the same path as on the remote cluster: the graph's RunService and monitoring sampler, the MiniCluster
        // as the graph's local cluster
        ServiceGraph graph = graph(dir.resolve("local-graph"), new FixedCluster(client), List.of());
        for (int i = 0; i < SAMPLED_JOBS; i++) {
            JobId id = createJob(graph, "sampled-" + i, ClusterConnection.DEFAULT_CLUSTER_ID);
            Job running = graph.runs().run(id, 1, RestoreChoice.fresh());
            if (running.status() != JobStatus.RUNNING) {
                throw new IllegalStateException("local sampled job " + i + " is " + running.status());
            }
        }
        return countTicks("local", client, () -> graph.monitoring().sampleNow().samples(), null);
    }
    // ---- counting ----------------------------------------------------------------------------------------------

    record TickCounts(double perJob, double clusterLevel, Map<String, Double> byEndpoint) {
    }

    interface Tick {
        int sample() throws Exception;
    }

    private static final List<String> CLUSTER_LEVEL = List.of("/jobmanager/metrics", "/taskmanagers",
            "/taskmanagers/:taskmanagerid/metrics");

    /** Waits for Flink's metric fetcher, runs the discovery tick and one settling tick, then {@link #TICKS} counted ticks. */
    private static TickCounts countTicks(String where, FlinkRestClient client, Tick tick, Path accessLog)
            throws Exception {
        Map<String, AtomicInteger> byEndpoint = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        Consumer<RestEndpoint<?>> counter = e -> {
            total.incrementAndGet();
            byEndpoint.computeIfAbsent(e.pathTemplate(), k -> new AtomicInteger()).incrementAndGet();
        };
        client.onRequest(counter);
        Thread.sleep(5_000); // let Flink's metric fetcher see every task once
        tick.sample();
        System.out.printf("%s discovery tick: %d requests%n", where, total.get());
        // one more tick not counted: the tick after discovery still finds what Flink's metric fetcher (10 s) had not
        // listed yet (vertex metric names, the checkpoint history); the counted ticks are the steady state
        Thread.sleep(TICK_INTERVAL.toMillis());
        total.set(0);
        tick.sample();
        System.out.printf("%s settling tick (not counted): %d requests%n", where, total.get());
        Map<String, Double> sums = new TreeMap<>();
        int all = 0;
        int cluster = 0;
        for (int t = 1; t <= TICKS; t++) {
            Thread.sleep(TICK_INTERVAL.toMillis());
            total.set(0);
            byEndpoint.clear();
            long logBefore = accessLog == null ? 0 : Files.lines(accessLog).count();
            List<String> proxied = List.of();
            int samples = tick.sample();
            int n = total.get();
            int cl = CLUSTER_LEVEL.stream().mapToInt(k -> byEndpoint.getOrDefault(k, new AtomicInteger()).get()).sum();
            String proxyNote = "";
            if (accessLog != null) {
                Thread.sleep(200); // nginx writes the line when the response is sent
                try (var lines = Files.lines(accessLog)) {
                    proxied = lines.skip(logBefore).filter(l -> !l.contains("GET /flink/prod/config ")).toList();
                }
                proxyNote = ", nginx logged " + proxied.size() + " (without the probe's GET /config)";
            }
            System.out.printf("%s tick %d: %d requests (%d cluster-level, %.2f per job), %d samples%s%n",
                    where, t, n, cl, (n - cl) / (double) SAMPLED_JOBS, samples, proxyNote);
            all += n;
            cluster += cl;
            byEndpoint.forEach((k, v) -> sums.merge(k, (double) v.get(), Double::sum));
        }
        client.onRequest(e -> { });
        sums.replaceAll((k, v) -> v / TICKS);
        return new TickCounts((all - cluster) / (double) TICKS / SAMPLED_JOBS, cluster / (double) TICKS,
                Collections.unmodifiableMap(sums));
    }

    // ---- nginx -------------------------------------------------------------------------------------------------

    /** nginx with TLS (a self-signed certificate for 127.0.0.1 made by openssl) and basic auth under a prefix. */
    private record Proxy(String url, Path certificate, Path accessLog) {
        static Proxy start(Path ng, int flinkPort) throws Exception {
            Files.createDirectories(ng.resolve("tmp"));
            StandaloneFlinkCluster.run(ng, "htpasswd", "-B", "-b", "-c", ng.resolve("htpasswd").toString(), USER, PASSWORD);
            StandaloneFlinkCluster.run(ng, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1/O=StreamDesk bench proxy", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", ng.resolve("proxy.key").toString(), "-out", ng.resolve("proxy.pem").toString());
            int port = StandaloneFlinkCluster.freePort();
            String conf = """
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 64; }
                    http {
                      access_log %1$s/access.log;
                      client_body_temp_path %1$s/tmp/body;
                      proxy_temp_path %1$s/tmp/proxy;
                      fastcgi_temp_path %1$s/tmp/fastcgi;
                      uwsgi_temp_path %1$s/tmp/uwsgi;
                      scgi_temp_path %1$s/tmp/scgi;
                      upstream flink { server 127.0.0.1:%3$d; keepalive 8; }
                      server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %1$s/proxy.pem;
                        ssl_certificate_key %1$s/proxy.key;
                        location /flink/prod/ {
                          auth_basic "flink";
                          auth_basic_user_file %1$s/htpasswd;
                          client_max_body_size 64m;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_set_header Authorization "";
                          proxy_pass http://flink/;
                        }
                      }
                    }
                    """.formatted(ng, port, flinkPort);
            if ("root".equals(System.getProperty("user.name"))) {
                conf = "user root;\n" + conf;
            }
            Files.writeString(ng.resolve("nginx.conf"), conf);
            String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
            Process nginx = new ProcessBuilder(binary, "-p", ng.toString(), "-c", ng.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(ng.resolve("nginx.out").toFile()).start();
            CLEANUP.push(() -> {
                nginx.descendants().forEach(ProcessHandle::destroyForcibly);
                nginx.destroyForcibly();
                nginx.waitFor(10, TimeUnit.SECONDS);
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!listening(port)) {
                if (!nginx.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(ng.resolve("nginx.out"))
                            + (Files.exists(ng.resolve("error.log")) ? Files.readString(ng.resolve("error.log")) : ""));
                }
                Thread.sleep(50);
            }
            return new Proxy("https://127.0.0.1:" + port + "/flink/prod", ng.resolve("proxy.pem"), ng.resolve("access.log"));
        }

        private static boolean listening(int port) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }

    private static synchronized void cleanUp() {
        while (!CLEANUP.isEmpty()) {
            try {
                CLEANUP.pop().close();
            } catch (Exception e) {
                System.err.println("cleanup: " + e);
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The MiniCluster as the app's local cluster: always running (as in SamplerBenchmark). */
    private record FixedCluster(ClusterGateway gateway) implements ClusterConnection {
        @Override
        public String id() {
            return DEFAULT_CLUSTER_ID;
        }

        @Override
        public ClusterProfile profile() {
            return new ClusterProfile(id(), "Benchmark cluster", List.of("2.3.0"), "2.3.0", true, true);
        }

        @Override
        public String savepointTarget(String jobDirectory) {
            return "file:///tmp/savepoints/" + jobDirectory;
        }

        @Override
        public void restart() {
        }

        @Override
        public boolean keepsJobsWhenItFails() {
            return false;
        }

        @Override
        public boolean restartsAutomatically() {
            return false;
        }

        @Override
        public Duration probeTimeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public void start() {
        }

        @Override
        public ClusterState awaitRunning(Duration timeout) {
            return state();
        }

        @Override
        public ClusterState state() {
            return new ClusterState(DEFAULT_CLUSTER_ID, ClusterHealth.RUNNING, gateway.restUrl(), "2.3.0", Instant.now(), null);
        }

        @Override
        public void stop(Duration timeout) {
        }

        @Override
        public void addListener(Consumer<ClusterState> listener) {
        }
    }
}
