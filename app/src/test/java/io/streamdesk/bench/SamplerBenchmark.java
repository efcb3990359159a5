package io.streamdesk.bench;

import io.streamdesk.flink.local.BenchClusters;
import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.flink.rest.RestEndpoint;
import io.streamdesk.flink.sql.FlinkSqlSubmitter;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.checkpoints.CheckpointTracker;
import io.streamdesk.service.metrics.MetricSampler;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.store.Database;
import io.streamdesk.store.JdbcMetricStore;
import io.streamdesk.testing.InMemoryEventStore;
import io.streamdesk.testing.InMemoryJobStore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * MO1 sampler cost with 20 running jobs (datagen -> filter -> blackhole, 2 vertices, checkpoints every 10 s) on a
 * MiniCluster with the local cluster's configuration and enough slots. The cluster runs in this JVM, so the app's
 * share is measured as the CPU time of the threads that sample: the sampling thread (REST calls, mapping, H2 writes)
 * and the JDK HTTP client's threads. Counts REST requests per tick with a listener on the REST client.
 * Usage: bench/sampler.sh [jobs] [ticks] [interval seconds]
 */
public final class SamplerBenchmark {
    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int interval = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path dir = Files.createTempDirectory("streamdesk-sampler-bench");
        try (BenchClusters.Running cluster = BenchClusters.start(dir.resolve("cluster"), jobs + 4)) {
            String rest = cluster.restUrl();
            FlinkRestClient client = new FlinkRestClient(rest);
            Map<String, AtomicInteger> byEndpoint = new ConcurrentHashMap<>();
            AtomicInteger total = new AtomicInteger();
            Consumer<RestEndpoint<?>> counter = e -> {
                total.incrementAndGet();
                byEndpoint.computeIfAbsent(e.pathTemplate(), k -> new AtomicInteger()).incrementAndGet();
            };
            client.onRequest(counter);

            FlinkSqlSubmitter submitter = new FlinkSqlSubmitter();
            InMemoryJobStore jobStore = new InMemoryJobStore();
            for (int i = 0; i < jobs; i++) {
                String sql = "SET 'execution.checkpointing.interval' = '10s';\n"
                        + "CREATE TABLE src (id BIGINT, amount DOUBLE) WITH ('connector'='datagen','rows-per-second'='5');\n"
                        + "CREATE TABLE snk (id BIGINT, amount DOUBLE) WITH ('connector'='blackhole');\n"
                        + "INSERT INTO snk SELECT id, amount FROM src WHERE amount > 0;\n";
                String flinkJobId = submitter.submit(new io.streamdesk.flink.rest.FlinkRestClient(rest), "bench-" + i, sql, null);
                JobId id = new JobId(String.format("cql-bch%05d", i));
                jobStore.create(new Job(id, "bench-" + i, "/", JobType.SQL, ClusterConnection.DEFAULT_CLUSTER_ID, JobStatus.RUNNING, 1,
                        Instant.now(), Duration.ZERO, Instant.now(), 1, flinkJobId, null));
                System.out.println("submitted " + (i + 1) + "/" + jobs);
            }
            try (Database db = Database.open(dir.resolve("db"))) {
                ClusterService clusters = new ClusterService(new FixedCluster(client), new InMemoryEventStore(), Clock.systemUTC());
                MetricSampler sampler = new MetricSampler(jobStore, clusters, new JdbcMetricStore(db.dataSource(), Clock.systemUTC()),
                        new CheckpointTracker(new io.streamdesk.testing.InMemoryCheckpointStore()), Clock.systemUTC());
                Thread.sleep(5_000); // let Flink's metric fetcher see every task once
                sampler.sampleOnce(); // discovery tick
                System.out.printf("discovery tick: %d requests (%.1f per job incl. plan and id listings)%n",
                        total.get(), total.get() / (double) jobs);

                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpu0 = samplingCpu(threads);
                long wall0 = System.nanoTime();
                List<Integer> perTick = new ArrayList<>();
                List<Integer> clusterLevel = new ArrayList<>();
                List<Long> tickMillis = new ArrayList<>();
                int samples = 0;
                for (int t = 0; t < ticks; t++) {
                    long next = System.nanoTime() + interval * 1_000_000_000L;
                    total.set(0);
                    byEndpoint.clear();
                    long s0 = System.nanoTime();
                    MetricSampler.TickResult result = sampler.sampleOnce();
                    tickMillis.add((System.nanoTime() - s0) / 1_000_000);
                    samples = result.samples();
                    int cl = count(byEndpoint, "/jobmanager/metrics") + count(byEndpoint, "/taskmanagers")
                            + count(byEndpoint, "/taskmanagers/:taskmanagerid/metrics");
                    perTick.add(total.get());
                    clusterLevel.add(cl);
                    System.out.printf("tick %d: %d requests (%d cluster-level, %.2f per job; checkpoint history %d), %d samples, %d ms%n",
                            t + 1, total.get(), cl, (total.get() - cl) / (double) jobs,
                            count(byEndpoint, "/jobs/:jobid/checkpoints"), result.samples(), tickMillis.get(t));
                    long sleep = next - System.nanoTime();
                    if (sleep > 0 && t < ticks - 1) {
                        Thread.sleep(sleep / 1_000_000);
                    }
                }
                long wall = System.nanoTime() - wall0;
                long cpu = samplingCpu(threads) - cpu0;
                int vertices = 2;
                double perJob = perTick.stream().mapToInt(Integer::intValue).sum() / (double) ticks;
                double cl = clusterLevel.stream().mapToInt(Integer::intValue).sum() / (double) ticks;
                System.out.printf("requests per job per tick: %.2f (budget 2 + vertices = %d); cluster-level per tick: %.1f%n",
                        (perJob - cl) / jobs, 2 + vertices, cl);
                System.out.printf("samples per tick: %d; tick wall time median %d ms%n", samples,
                        tickMillis.stream().sorted().toList().get(tickMillis.size() / 2));
                System.out.printf("app CPU while sampling %d jobs every %d s: %.2f%% of one core (%.0f ms CPU in %.0f s)%n",
                        jobs, interval, 100.0 * cpu / wall, cpu / 1e6, wall / 1e9);
                System.out.printf("load average during the run: %.1f on %d cores%n",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
            }
        }
        System.exit(0);
    }

    private static int count(Map<String, AtomicInteger> byEndpoint, String template) {
        AtomicInteger n = byEndpoint.get(template);
        return n == null ? 0 : n.get();
    }

    /** CPU time of the calling (sampling) thread and the HTTP client's threads. */
    private static long samplingCpu(ThreadMXBean threads) {
        long sum = threads.getCurrentThreadCpuTime();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    sum += t;
                }
            }
        }
        return sum;
    }

    /** The benchmark's cluster as the app's local cluster: always running. */
    private record FixedCluster(ClusterGateway gateway) implements ClusterConnection {
        @Override
        public String id() {
            return DEFAULT_CLUSTER_ID;
        }

        @Override
        public io.streamdesk.model.ClusterProfile profile() {
            return new io.streamdesk.model.ClusterProfile(id(), "Benchmark cluster", java.util.List.of("2.3.0"), "2.3.0", true, true);
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
