package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.streamdesk.app.ServiceGraph;
import io.streamdesk.flink.config.FlinkConfigOptionCatalog;
import io.streamdesk.flink.local.FlinkVersions;
import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.flink.rest.RestEndpoint;
import io.streamdesk.flink.sql.FlinkSqlChecker;
import io.streamdesk.flink.sql.FlinkSqlSubmitter;
import io.streamdesk.flink.state.FlinkSavepointInspector;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.model.cluster.StateSources;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.RunService;
import io.streamdesk.testing.FakeLocalCluster;
import io.streamdesk.testing.FlinkOperatorHarness;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kubernetes cluster (R3) through the app's own path, with the REAL Apache Flink Kubernetes Operator 1.7.0 and a
 * REAL Flink 2.3 session cluster; only the Kubernetes control plane is stood in for.
 *
 * <ul>
 *   <li>Real: the operator (its own JVM and class path, {@link io.streamdesk.testing.FlinkOperatorProcess}), which
 *   reconciles the FlinkDeployment the app creates, writes its status and probes the JobManager's REST API; the
 *   JobManager and TaskManager ({@link StandaloneFlinkCluster} on loopback), which run the job; the app's services
 *   (ServiceGraph with the Kubernetes connector, the real SQL planner and submitter, the Flink REST client), and the
 *   CRDs from flink-kubernetes-operator-api 1.10.0.</li>
 *   <li>Mock: the Kubernetes API server is fabric8's KubernetesMockServer in CRUD mode, because no real API server
 *   can run on these machines (Debian ships only kubectl and etcd; the Maven test kits download binaries at run
 *   time). It has no kubelet, so {@link io.streamdesk.testing.MockKubelet} makes the Deployments the operator creates
 *   ready and gives each a pod, and the test writes the TaskManager pod's exit (code 137) into it as a kubelet
 *   would. The mock cannot port-forward, so the app reaches the JobManager through the cluster's REST URL override
 *   (the loopback cluster); the operator, running outside a pod, reaches it on localhost at the deployment's
 *   {@code rest.port}.</li>
 *   <li>flinkVersion is {@code v1_18}: operator 1.7.0's schema knows no Flink 2.x (the app keeps the field a plain
 *   string so newer operators can say v2_x); the JobManager it talks to is Flink 2.3.</li>
 * </ul>
 *
 * <p>Figures (printed, not asserted): time from "create cluster" to the operator's STABLE and to the app's RUNNING,
 * from "run" to all tasks RUNNING, REST requests per job per sampler tick and the app's Kubernetes API calls.
 */
class FlinkOperatorIntegrationTest {
    private static final String NAMESPACE = "flink";
    private static final String NAME = "sd-session";
    private static final String SQL = """
            CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
            CREATE TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT id FROM src;
            """;

    @TempDir
    static Path dir;
    static StandaloneFlinkCluster flink;
    static FlinkOperatorHarness kubernetes;
    static Map<String, AtomicInteger> kubernetesRequests;
    static InMemoryEventStore events;
    static ServiceGraph graph;

    @BeforeAll
    static void startEverything() throws Exception {
        // the Flink cluster and the operator start side by side (each takes seconds of JVM start-up)
        java.util.concurrent.CompletableFuture<StandaloneFlinkCluster> flinkStart =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return StandaloneFlinkCluster.start(dir.resolve("flink"), null);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        try {
            // under target, not the temporary directory: the operator's log outlives a failed run
            Path k8s = Path.of(System.getProperty("sd.buildDir", "target"), "flink-operator-it");
            deleteRecursively(k8s);
            kubernetes = FlinkOperatorHarness.start(Files.createDirectories(k8s), NAMESPACE);
        } finally {
            flink = flinkStart.join();
        }
        kubernetesRequests = kubernetes.mock().countRequestsByUserAgent();
        events = new InMemoryEventStore();
        Duration wait = Duration.ofSeconds(60);
        graph = ServiceGraph.build(ServiceGraph.adapters()
                .jobForms(new io.streamdesk.testing.InMemoryJobFormStore())
                .stores(new InMemoryJobStore(), new InMemoryVersionStore(), new InMemoryRunStore(), events)
                .monitoringStores(new InMemoryMetricStore(), new InMemoryCheckpointStore(), new InMemoryAlarmStore())
                .settings(new InMemorySettingsStore(), new InMemorySmtpSettingsStore(), new InMemorySecretStore())
                .cluster(new FakeLocalCluster(), FlinkVersions.bundled())
                .clusterDefinitions(new InMemoryClusterDefinitionStore())
                .variables(new io.streamdesk.testing.InMemoryVariableStore())
                // the connector the app wires (AppContext), probing every 500 ms instead of 2 s to keep the test short
                .connectors(List.of(new KubernetesClusterConnector(FlinkRestClient::forEndpoint, Duration.ofMillis(500))))
                .metadata(new io.streamdesk.testing.InMemoryMetadataStore(), new io.streamdesk.flink.sql.FlinkTableDdlParser())
                .sql(new FlinkSqlChecker(), new FlinkSqlSubmitter(), new FlinkSqlSubmitter(),
                        new FlinkSavepointInspector(), new FlinkConfigOptionCatalog())
                .lineage(new io.streamdesk.testing.InMemoryLineageStore(), new io.streamdesk.testing.FakeLineageExtractor())
                .clock(Clock.systemUTC())
                .user("tester", new RunService.RunTimeouts(Duration.ofSeconds(20), wait, wait))
                .paths(dir.resolve("savepoints"), dir.resolve("run-logs"))
                .series((job, metric, from, to) -> List.of()));
    }

    @AfterAll
    static void stopEverything() {
        if (graph != null) {
            graph.clusters().closeConnections();
        }
        if (kubernetes != null) {
            kubernetes.close();
        }
        if (flink != null) {
            flink.close();
        }
    }

    @Test
    void theOperatorTakesTheAppsFlinkDeploymentToStableAJobRunsOnItAndAnOomKilledTaskManagerIsAnEvent()
            throws Exception {
        KubernetesSpec spec = new KubernetesSpec(kubernetes.kubeconfig(), "mock", NAMESPACE, NAME, "flink:1.18",
                "v1_18", "flink", new KubernetesSpec.Resources(1, "1024m", 1),
                new KubernetesSpec.Resources(1, "1024m", 1), 2,
                Map.of("rest.port", Integer.toString(flink.restPort())), List.of(), null);
        String savepoints = dir.resolve("savepoints-k8s").toUri().toString();

        // ---- create the cluster: the operator reconciles it to STABLE / READY, the app shows it RUNNING ----------
        long created = System.nanoTime();
        String clusterId = graph.clusters().addKubernetes("Kubernetes session", spec,
                RemoteEndpoint.of(flink.restUrl()), savepoints).id();
        await(Duration.ofSeconds(60), () -> "STABLE".equals(operatorStatus("lifecycleState"))
                && "READY".equals(operatorStatus("jobManagerDeploymentStatus")),
                () -> "the operator's STABLE/READY, status " + operatorStatusMap());
        long stableMs = msSince(created);
        await(Duration.ofSeconds(30), () -> graph.clusters().state(clusterId).health() == ClusterHealth.RUNNING,
                () -> "the app's RUNNING, is " + graph.clusters().state(clusterId));
        long runningMs = msSince(created);
        GenericKubernetesResource fd = flinkDeployment();
        assertThat(fd.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "streamdesk");
        assertThat(kubernetes.client().apps().deployments().inNamespace(NAMESPACE).withName(NAME).get())
                .as("the JobManager Deployment the operator created").isNotNull();

        await(Duration.ofSeconds(10), () -> graph.clusters().sources(clusterId).readings().stream()
                        .allMatch(SourceReading::healthy),
                () -> "both sources healthy: " + graph.clusters().sources(clusterId));
        StateSources sources = graph.clusters().sources(clusterId);
        assertThat(sources.readings()).extracting(SourceReading::source)
                .contains(StateSources.OPERATOR, StateSources.FLINK_REST);
        assertThat(sources.readings()).allSatisfy(r -> assertThat(r.seenAt()).isNotNull());
        assertThat(sources.readings()).filteredOn(r -> r.source().equals(StateSources.OPERATOR)).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("STABLE"));
        assertThat(sources.disagree()).as(sources.toString()).isFalse();
        assertThat(graph.clusters().state(clusterId).flinkVersion()).startsWith("2.3");

        // ---- a SQL job through the app's services: publish, run -> all tasks RUNNING ------------------------------
        Job job = graph.jobs().createSqlJob("on-kubernetes", "/k8s", clusterId);
        graph.jobs().saveDraft(job.id(), SQL);
        graph.jobs().publish(job.id(), "first");
        long runAt = System.nanoTime();
        Job running = graph.runs().run(job.id(), 1, RestoreChoice.fresh());
        long runMs = msSince(runAt);
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        FlinkRestClient rest = (FlinkRestClient) graph.clusters().currentGateway(clusterId);
        assertThat(rest.job(running.flinkJobId()).orElseThrow().allTasksRunning()).isTrue();

        // ---- figures: REST requests per job per sampler tick, the app's Kubernetes API calls ----------------------
        String tickFigures = countSamplerTicks(rest);

        // ---- the TaskManager pod exits with 137 (OOMKilled): an EV4 event of the cluster and of the job's run -----
        Pod tm = kubernetes.client().pods().inNamespace(NAMESPACE).withLabel("app", NAME)
                .withLabel("component", "taskmanager").list().getItems().stream().findFirst()
                .orElseGet(() -> kubernetes.client().pods().inNamespace(NAMESPACE).resource(taskManagerPod()).create());
        String finishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        tm.setStatus(new PodStatusBuilder().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                .withName("flink-main-container").withImage("flink:1.18").withRestartCount(1).withReady(true)
                .withNewState().withNewRunning().withStartedAt(finishedAt).endRunning().endState()
                .withNewLastState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                .withFinishedAt(finishedAt).endTerminated().endLastState().build()).build());
        kubernetes.client().pods().inNamespace(NAMESPACE).resource(tm).updateStatus();
        int instance = graph.runs().runs(job.id()).get(0).instance();
        await(Duration.ofSeconds(20), () -> podExitEvents(job.id()).size() == 1 && podExitEvents(null).size() == 1,
                () -> "the pod exit events, have " + events.listAll(100));
        JobEvent clusterEvent = podExitEvents(null).get(0);
        assertThat(clusterEvent.message()).contains(tm.getMetadata().getName()).contains("137").contains("OOMKilled")
                .contains("Out of memory").contains("TaskManager spec");
        assertThat(podExitEvents(job.id())).singleElement()
                .satisfies(e -> assertThat(e.runInstance()).isEqualTo(instance));

        // ---- stop with a savepoint --------------------------------------------------------------------------------
        // the operator re-checks the JobManager deployment whenever one of its REST calls times out (a loaded 2-core
        // machine), reporting DEPLOYED_NOT_READY for about a second, and the app shows the cluster Starting meanwhile:
        // wait for it to settle as a user would see it settle
        await(Duration.ofSeconds(30), () -> graph.clusters().state(clusterId).health() == ClusterHealth.RUNNING,
                () -> "the app's RUNNING before the stop, is " + graph.clusters().state(clusterId));
        Job stopped = graph.runs().stop(job.id(), true);
        assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
        String savepoint = graph.runs().latestSavepoint(job.id()).orElseThrow().location();
        assertThat(java.net.URI.create(savepoint).getPath()).startsWith(java.net.URI.create(savepoints).getPath());
        assertThat(rest.jobDetails(running.flinkJobId()).state()).isEqualTo("FINISHED");

        System.out.printf("FIGURES create cluster -> operator STABLE/READY: %d ms; -> app RUNNING: %d ms%n",
                stableMs, runningMs);
        System.out.printf("FIGURES run -> all tasks RUNNING: %d ms%n", runMs);
        System.out.println("FIGURES " + tickFigures);
        System.out.println("FIGURES Kubernetes API requests by client over the whole test: " + kubernetesRequests);
    }

    /** Three sampler ticks over the one running job, 2 s apart; REST counted on the cluster's gateway client. */
    private static String countSamplerTicks(FlinkRestClient rest) throws InterruptedException {
        AtomicInteger restCalls = new AtomicInteger();
        Map<String, AtomicInteger> byEndpoint = new java.util.concurrent.ConcurrentHashMap<>();
        rest.onRequest((RestEndpoint<?> e) -> {
            restCalls.incrementAndGet();
            byEndpoint.computeIfAbsent(e.pathTemplate(), k -> new AtomicInteger()).incrementAndGet();
        });
        graph.monitoring().sampleNow(); // discovery tick (lists vertices and metric names), not counted
        Thread.sleep(2_000);
        restCalls.set(0);
        byEndpoint.clear();
        int appK8sBefore = appKubernetesRequests();
        long from = System.nanoTime();
        int ticks = 3;
        for (int i = 0; i < ticks; i++) {
            graph.monitoring().sampleNow();
            Thread.sleep(2_000);
        }
        double seconds = (System.nanoTime() - from) / 1e9;
        int appK8s = appKubernetesRequests() - appK8sBefore;
        rest.onRequest(e -> { });
        int clusterLevel = CLUSTER_LEVEL.stream().mapToInt(k -> byEndpoint.getOrDefault(k, new AtomicInteger()).get())
                .sum();
        return String.format("sampler over %d ticks of 1 job: %.1f REST requests per job per tick and %.1f"
                        + " cluster-level (JobManager, TaskManagers) per tick, by endpoint %s (the connection's GET /config"
                        + " probe has its own client, not counted); the app's Kubernetes API requests: %d in %.1f s"
                        + " (%.2f per s at the 500 ms probe interval: one FlinkDeployment GET per probe, the pod watch"
                        + " stays open; none per job or per sampler tick)",
                ticks, (restCalls.get() - clusterLevel) / (double) ticks, clusterLevel / (double) ticks, byEndpoint,
                appK8s, seconds, appK8s / seconds);
    }

    private static final List<String> CLUSTER_LEVEL = List.of("/jobmanager/metrics", "/taskmanagers",
            "/taskmanagers/:taskmanagerid/metrics");

    /** Requests the app's fabric8 8 client made (the operator's is 6.8.1, the harness's has its own name). */
    private static int appKubernetesRequests() {
        return kubernetesRequests.entrySet().stream().filter(e -> e.getKey().contains("/8.")
                        && !e.getKey().contains(FlinkOperatorHarness.TEST_USER_AGENT))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private static List<JobEvent> podExitEvents(io.streamdesk.model.JobId job) {
        return (job == null ? events.listAll(200).stream().filter(e -> e.jobId() == null)
                : events.listForJob(job, 200).stream())
                .filter(e -> e.kind() == EventKind.TM_POD_ABNORMAL_EXIT).toList();
    }

    private static Pod taskManagerPod() {
        return new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName(NAME + "-taskmanager-1-1")
                .withNamespace(NAMESPACE).addToLabels("app", NAME).addToLabels("component", "taskmanager")
                .endMetadata().withNewSpec().addNewContainer().withName("flink-main-container").withImage("flink:1.18")
                .endContainer().endSpec().build();
    }

    private static GenericKubernetesResource flinkDeployment() {
        return kubernetes.client().genericKubernetesResources(FlinkDeploymentResource.CONTEXT).inNamespace(NAMESPACE)
                .withName(NAME).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operatorStatusMap() {
        GenericKubernetesResource fd = flinkDeployment();
        Object status = fd == null ? null : fd.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Object operatorStatus(String field) {
        return operatorStatusMap().get(field);
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static long msSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void await(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what.get()
                        + "; operator log: " + kubernetes.operator().log());
            }
            Thread.sleep(100);
        }
    }
}
