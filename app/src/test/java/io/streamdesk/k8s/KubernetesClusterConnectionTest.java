package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.testing.FlinkLikeRestServer;
import io.streamdesk.testing.KubernetesMockApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kubernetes cluster adapter against fabric8's {@link KubernetesMockServer} in CRUD mode (no real Kubernetes API
 * server can run on these machines: Debian ships only clients and etcd, and the Maven test kits download the API
 * server binaries at run time; see {@link KubernetesMockApi}). The test plays the operator by writing the
 * FlinkDeployment's status into the mock; the JobManager's REST API is a real HTTP server on loopback
 * ({@link FlinkLikeRestServer}) reached through the cluster's REST URL override, with the app's real REST client.
 *
 * <p>What the mock cannot show: the operator's reconciliation (the i13 operator test runs the real one), the API
 * server's schema validation ({@link FlinkDeploymentResourceTest} validates against the CRD), and port-forwarding: the
 * mock does not answer the WebSocket upgrade of {@code pods/portforward}, so {@link #withoutAnOverrideTheRestApiIsReachedThroughAPortForwardOnLoopback}
 * shows the forward opened on 127.0.0.1 for the {@code <name>-rest} service's pod, failing and re-established on the
 * same port, but never a request through it.
 */
class KubernetesClusterConnectionTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String NS = "flink";

    @TempDir
    Path dir;
    KubernetesMockApi api;
    FlinkLikeRestServer rest;
    final List<KubernetesClusterConnection> connections = new ArrayList<>();

    @BeforeEach
    void startMock() throws Exception {
        api = KubernetesMockApi.start();
        rest = FlinkLikeRestServer.http("", null, null);
    }

    @AfterEach
    void stopAll() {
        connections.forEach(KubernetesClusterConnection::close);
        rest.close();
        api.close();
    }

    KubernetesSpec spec(String name) {
        return new KubernetesSpec(api.writeKubeconfig(dir, "mock", "default"), "mock", NS, name, "flink:2.3", "v2_3",
                null, new KubernetesSpec.Resources(1, "1600m", 1), new KubernetesSpec.Resources(1, "2g", 2), 2,
                Map.of(), List.of(), null);
    }

    KubernetesClusterConnection connect(String id, String name, boolean override) {
        ClusterDefinition d = new ClusterDefinition(id, "On k8s " + id, ClusterKind.KUBERNETES,
                override ? RemoteEndpoint.of(rest.url()) : null, "s3://bucket/sp", Instant.now(), spec(name));
        KubernetesClusterConnection c = new KubernetesClusterConnector(FlinkRestClient::forEndpoint,
                Duration.ofMillis(100)).connect(d, secret -> null);
        connections.add(c);
        return c;
    }

    static Map<String, Object> status(String lifecycle, String jobManager, String error) {
        Map<String, Object> s = new java.util.HashMap<>();
        s.put("lifecycleState", lifecycle);
        s.put("jobManagerDeploymentStatus", jobManager);
        if (error != null) {
            s.put("error", error);
        }
        s.put("reconciliationStatus", Map.of("state", "DEPLOYED"));
        return s;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }

    static SourceReading source(KubernetesClusterConnection c, String name) {
        return c.sources().stream().filter(s -> s.source().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void startCreatesTheDeploymentAndTheOperatorsStatusTakesItFromStartingToRunning() throws Exception {
        KubernetesClusterConnection c = connect("k8s-start001", "sessions", true);
        List<ClusterState> seen = new CopyOnWriteArrayList<>();
        c.addListener(seen::add);

        c.start();
        await("the FlinkDeployment is created", () -> api.flinkDeployment(NS, "sessions") != null);
        GenericKubernetesResource created = api.flinkDeployment(NS, "sessions");
        assertThat(created.getMetadata().getLabels()).containsEntry("streamdesk.io/cluster-id", "k8s-start001");
        assertThat((Object) created.get("spec", "flinkVersion")).isEqualTo("v2_3");
        await("STARTING before the operator answers", () -> c.state().detail() != null
                && c.state().detail().contains("not reconciled yet"));
        assertThat(c.state().health()).isEqualTo(ClusterHealth.STARTING);
        assertThatThrownBy(c::gateway).isInstanceOf(ClusterUnreachableException.class);

        api.writeStatus(NS, "sessions", status("DEPLOYED", "DEPLOYING", null));
        await("the operator's DEPLOYING is seen", () -> c.state().detail() != null
                && c.state().detail().contains("DEPLOYED / DEPLOYING"));
        assertThat(c.state().health()).isEqualTo(ClusterHealth.STARTING);

        api.writeStatus(NS, "sessions", status("STABLE", "READY", null));
        ClusterState running = c.awaitRunning(WAIT);

        assertThat(running.health()).isEqualTo(ClusterHealth.RUNNING);
        assertThat(running.restUrl()).isEqualTo(rest.url());
        assertThat(running.flinkVersion()).isEqualTo(FlinkLikeRestServer.FLINK_VERSION);
        assertThat(running.lastSeen()).isNotNull();
        assertThat(c.gateway().flinkVersion()).isEqualTo(FlinkLikeRestServer.FLINK_VERSION);
        SourceReading operator = source(c, "Operator");
        SourceReading flink = source(c, "Flink REST");
        assertThat(operator.value()).isEqualTo("STABLE / READY");
        assertThat(operator.healthy()).isTrue();
        assertThat(operator.seenAt()).isNotNull();
        assertThat(flink.value()).isEqualTo("answers (Flink 2.3.0)");
        assertThat(flink.healthy()).isTrue();
        assertThat(flink.seenAt()).isNotNull();
        await("the listener saw STARTING then RUNNING", () -> seen.stream().anyMatch(s -> s.health() == ClusterHealth.RUNNING));
        assertThat(seen.get(0).health()).isEqualTo(ClusterHealth.STARTING);
        assertThat(c.savepointTarget("job-1")).isEqualTo("s3://bucket/sp/job-1");
    }

    @Test
    void anOperatorErrorIsFailedInTheOperatorsWordsAndNeitherAnsweringIsUnreachable() throws Exception {
        KubernetesClusterConnection c = connect("k8s-error001", "broken", true);
        c.start();
        await("created", () -> api.flinkDeployment(NS, "broken") != null);

        api.writeStatus(NS, "broken", status("DEPLOYED", "ERROR", "{\"type\":\"org.apache.flink.kubernetes.operator."
                + "exception.DeploymentFailedException\",\"message\":\"ImagePullBackOff: Back-off pulling image "
                + "\\\"flink:9.9\\\"\",\"additionalMetadata\":{\"reason\":\"ImagePullBackOff\"},\"throwableList\":[]}"));
        await("FAILED", () -> c.state().health() == ClusterHealth.FAILED);

        assertThat(c.state().detail()).isEqualTo("The operator reports DEPLOYED / ERROR: ImagePullBackOff: Back-off "
                + "pulling image \"flink:9.9\"");
        assertThat(source(c, "Operator").detail()).startsWith("ImagePullBackOff");
        assertThat(source(c, "Operator").healthy()).isFalse();

        api.writeStatus(NS, "broken", status("STABLE", "READY", null));
        await("RUNNING once the operator reports STABLE / READY", () -> c.state().health() == ClusterHealth.RUNNING);
        // R6: the API server and the JobManager both gone
        rest.close();
        api.close();
        await("UNREACHABLE", () -> c.state().health() == ClusterHealth.UNREACHABLE);
        assertThat(c.state().detail()).startsWith("Neither the Kubernetes API nor Flink REST answers: the Kubernetes"
                + " API at ").contains(" does not answer (").contains(rest.url());
        assertThat(source(c, "Operator").value()).isEqualTo("unreachable");
        assertThat(source(c, "Flink REST").value()).isEqualTo("not answering");
        assertThat(source(c, "Flink REST").seenAt()).as("when it last answered").isNotNull();
        api = KubernetesMockApi.start(); // for @AfterEach
    }

    @Test
    void scaleSuspendResumeAndDeleteWriteTheResource() throws Exception {
        KubernetesClusterConnection c = connect("k8s-scale001", "scaled", true);
        c.start();
        await("created", () -> api.flinkDeployment(NS, "scaled") != null);
        api.writeStatus(NS, "scaled", status("STABLE", "READY", null));
        assertThat(c.awaitRunning(WAIT).health()).isEqualTo(ClusterHealth.RUNNING);
        var deployment = c.deployment().orElseThrow();

        deployment.scaleTaskManagers(new KubernetesSpec.Resources(2, "8g", 5)).get(30, TimeUnit.SECONDS);
        GenericKubernetesResource scaled = api.flinkDeployment(NS, "scaled");
        assertThat((Object) scaled.get("spec", "taskManager", "replicas")).isEqualTo(5);
        assertThat((Object) scaled.get("spec", "taskManager", "resource", "memory")).isEqualTo("8g");
        assertThat((Object) scaled.get("spec", "jobManager", "replicas")).as("the rest is kept").isEqualTo(1);
        assertThat(deployment.spec().taskManager().replicas()).isEqualTo(5);
        assertThatThrownBy(() -> deployment.scaleTaskManagers(new KubernetesSpec.Resources(1, "lots", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TaskManager memory 'lots'");

        deployment.suspend().get(30, TimeUnit.SECONDS);
        GenericKubernetesResource suspended = api.flinkDeployment(NS, "scaled");
        assertThat((Object) suspended.get("spec", "taskManager", "replicas")).isEqualTo(0);
        assertThat(suspended.getMetadata().getAnnotations()).containsEntry("streamdesk.io/suspended-taskmanagers", "5");
        await("STOPPED while suspended", () -> c.state().health() == ClusterHealth.STOPPED);
        assertThat(c.state().detail()).startsWith("Suspended: no TaskManagers run (5 on resume)");
        assertThat(source(c, "Operator").value()).isEqualTo("STABLE / READY (suspended by StreamDesk)");

        deployment.resume().get(30, TimeUnit.SECONDS);
        GenericKubernetesResource resumed = api.flinkDeployment(NS, "scaled");
        assertThat((Object) resumed.get("spec", "taskManager", "replicas")).isEqualTo(5);
        assertThat(resumed.getMetadata().getAnnotations()).doesNotContainKey("streamdesk.io/suspended-taskmanagers");
        await("RUNNING again", () -> c.state().health() == ClusterHealth.RUNNING); // awaitRunning waits only while STARTING

        deployment.delete().get(30, TimeUnit.SECONDS);
        assertThat(api.flinkDeployment(NS, "scaled")).isNull();
        await("STOPPED after delete", () -> c.state().health() == ClusterHealth.STOPPED);
        assertThat(c.state().detail()).isEqualTo("The FlinkDeployment flink/scaled was deleted.");
        ExecutionException again = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> deployment.suspend().get(30, TimeUnit.SECONDS));
        assertThat(again.getCause()).hasMessage("Suspending the FlinkDeployment flink/scaled failed: it does not exist.");
    }

    @Test
    void aDeploymentSomeoneElseOwnsIsRefusedAndLeftAsItWas() throws Exception {
        GenericKubernetesResource theirs = FlinkDeploymentResource.build("x", spec("theirs"), null);
        theirs.getMetadata().setLabels(Map.of("app.kubernetes.io/managed-by", "argocd"));
        api.client().genericKubernetesResources(KubernetesMockApi.FLINK_DEPLOYMENTS).inNamespace(NS).resource(theirs)
                .create();
        String before = api.flinkDeployment(NS, "theirs").getMetadata().getResourceVersion();

        KubernetesClusterConnection c = connect("k8s-theirs01", "theirs", true);
        c.start();
        await("FAILED", () -> c.state().health() == ClusterHealth.FAILED);

        assertThat(c.state().detail()).isEqualTo("The FlinkDeployment flink/theirs exists and belongs to 'argocd'; "
                + "StreamDesk does not change or adopt it. Choose another deployment name, or delete that one first.");
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> c.deployment().orElseThrow().delete().get(30, TimeUnit.SECONDS));
        assertThat(refused.getCause()).hasMessageContaining("belongs to 'argocd'");
        assertThat(api.flinkDeployment(NS, "theirs").getMetadata().getResourceVersion()).isEqualTo(before);
    }

    @Test
    void itsOwnDeploymentIsAdoptedWithTheDefinitionsSpecAndKeepsASuspension() throws Exception {
        KubernetesSpec old = new KubernetesSpec(null, null, NS, "adopted", "flink:old", "v2_3", null,
                new KubernetesSpec.Resources(1, "1g", 1), new KubernetesSpec.Resources(1, "1g", 7), 1, null, null, null);
        GenericKubernetesResource mine = FlinkDeploymentResource.build("k8s-adopt001", old, null);
        mine.getMetadata().setAnnotations(Map.of("streamdesk.io/suspended-taskmanagers", "7"));
        api.client().genericKubernetesResources(KubernetesMockApi.FLINK_DEPLOYMENTS).inNamespace(NS).resource(mine)
                .create();

        KubernetesClusterConnection c = connect("k8s-adopt001", "adopted", true);
        c.start();
        await("the spec is rewritten", () -> "flink:2.3".equals(api.flinkDeployment(NS, "adopted").get("spec", "image")));

        GenericKubernetesResource adopted = api.flinkDeployment(NS, "adopted");
        assertThat((Object) adopted.get("spec", "taskManager", "replicas")).as("still suspended").isEqualTo(0);
        assertThat((Object) adopted.get("spec", "taskManager", "resource", "memory")).isEqualTo("2g");
        assertThat(api.client().genericKubernetesResources(KubernetesMockApi.FLINK_DEPLOYMENTS).inNamespace(NS).list()
                .getItems()).hasSize(1);
        await("STOPPED: suspended", () -> c.state().health() == ClusterHealth.STOPPED);
    }

    @Test
    void withoutAnOverrideTheRestApiIsReachedThroughAPortForwardOnLoopback() throws Exception {
        api.client().services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("forwarded-rest")
                .endMetadata().withNewSpec().addToSelector("app", "forwarded").addNewPort().withPort(8081)
                .withNewTargetPort(8081).endPort().endSpec().build()).create();
        api.client().pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("forwarded-jm")
                .addToLabels("app", "forwarded").endMetadata().withNewSpec().addNewContainer().withName("flink-main-container")
                .withImage("flink:2.3").addNewPort().withContainerPort(8081).endPort().endContainer().endSpec().build())
                .create();
        KubernetesClusterConnection c = connect("k8s-forward1", "forwarded", false);
        c.start();
        await("created", () -> api.flinkDeployment(NS, "forwarded") != null);
        api.writeStatus(NS, "forwarded", status("STABLE", "READY", null));

        await("the operator's status is seen", () -> c.state().detail() != null
                && c.state().detail().contains("The operator reports STABLE / READY"));
        await("the forward was re-established after the mock refused it", () -> c.portForward().openings() >= 2);
        assertThat(c.portForward().localAddress().isLoopbackAddress()).isTrue();
        await("the REST source names the forward", () -> source(c, "Flink REST").detail() != null);
        assertThat(source(c, "Flink REST").value()).isEqualTo("not answering");
        assertThat(source(c, "Flink REST").detail()).contains("127.0.0.1:");
        assertThat(c.state().health()).isIn(ClusterHealth.STARTING, ClusterHealth.UNREACHABLE);
    }

    @Test
    void aMissingRestServiceIsNamedInTheRestSource() throws Exception {
        KubernetesClusterConnection c = connect("k8s-noservc1", "noservice", false);
        c.start();
        await("created", () -> api.flinkDeployment(NS, "noservice") != null);
        api.writeStatus(NS, "noservice", status("STABLE", "READY", null));

        await("the REST source says why", () -> source(c, "Flink REST").detail() != null);
        assertThat(source(c, "Flink REST").detail()).contains("port-forward to service flink/noservice-rest port 8081");
        assertThat(c.state().health()).isNotEqualTo(ClusterHealth.RUNNING);
    }

    /**
     * The figure for the closing note: Kubernetes API calls and REST requests per probe tick of a running cluster
     * (one GET of the FlinkDeployment, one GET /config). Counted, not timed.
     */
    @Test
    void aSteadyProbeIsOneApiCallAndOneRestRequest() throws Exception {
        java.util.concurrent.atomic.AtomicLong restRequests = new java.util.concurrent.atomic.AtomicLong();
        ClusterDefinition d = new ClusterDefinition("k8s-counts01", "Counted", ClusterKind.KUBERNETES,
                RemoteEndpoint.of(rest.url()), "s3://bucket/sp", Instant.now(), spec("counted"));
        KubernetesClusterConnection c = new KubernetesClusterConnector((endpoint, password, connect, request) -> {
            FlinkRestClient client = FlinkRestClient.forEndpoint(endpoint, password, connect, request);
            client.onRequest(e -> restRequests.incrementAndGet());
            return client;
        }, Duration.ofMillis(50)).connect(d, secret -> null);
        connections.add(c);
        c.start();
        await("created", () -> api.flinkDeployment(NS, "counted") != null);
        api.writeStatus(NS, "counted", status("STABLE", "READY", null));
        await("RUNNING", () -> c.state().health() == ClusterHealth.RUNNING);

        long probes0 = c.probes();
        int api0 = api.requestCount();
        long rest0 = restRequests.get();
        await("20 more probes", () -> c.probes() >= probes0 + 20);
        long probes = c.probes() - probes0;
        int apiCalls = api.requestCount() - api0;
        long restCalls = restRequests.get() - rest0;

        System.out.printf("per probe tick: %.2f Kubernetes API calls, %.2f REST requests (%d probes)%n",
                apiCalls / (double) probes, restCalls / (double) probes, probes);
        assertThat((long) apiCalls).isBetween(probes - 1, probes + 1); // a probe may be in flight at either reading
        assertThat(restCalls).isBetween(probes - 1, probes + 1);
    }
}
