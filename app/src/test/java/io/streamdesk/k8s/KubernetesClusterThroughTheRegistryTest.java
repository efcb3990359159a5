package io.streamdesk.k8s;

import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.FlinkLikeRestServer;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import io.streamdesk.testing.KubernetesMockApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ClusterService.addKubernetes} with the real {@link KubernetesClusterConnector} in the registry, against
 * fabric8's CRUD mock API server (no real one can run on these machines, see {@link KubernetesMockApi}) and a real
 * loopback REST server as the JobManager: the registry stores the cluster, the connection creates its FlinkDeployment,
 * and once the status (written as the operator would) says STABLE / READY the cluster is Running in the registry.
 */
class KubernetesClusterThroughTheRegistryTest {
    @TempDir
    Path dir;

    @Test
    void anAddedKubernetesClusterCreatesItsDeploymentAndRunsInTheRegistry() throws Exception {
        try (KubernetesMockApi api = KubernetesMockApi.start();
             FlinkLikeRestServer rest = FlinkLikeRestServer.http("", null, null)) {
            FakeServices services = new FakeServices(dir, new InMemoryClusterDefinitionStore(),
                    List.of(new KubernetesClusterConnector(FlinkRestClient::forEndpoint, Duration.ofMillis(100))));
            KubernetesSpec spec = new KubernetesSpec(api.writeKubeconfig(dir, "mock", "default"), "mock", "flink",
                    "registry", "flink:2.3", "v2_3", null, new KubernetesSpec.Resources(1, "1600m", 1),
                    new KubernetesSpec.Resources(1, "2g", 1), 1, Map.of(), List.of(), null);

            ClusterDefinition added = services.clusters().addKubernetes("Registry k8s", spec,
                    RemoteEndpoint.of(rest.url()), "s3://bucket/sp");
            try {
                KubernetesClusterConnectionTest.await("the FlinkDeployment is created",
                        () -> api.flinkDeployment("flink", "registry") != null);
                assertThat(api.flinkDeployment("flink", "registry").getMetadata().getLabels())
                        .containsEntry("streamdesk.io/cluster-id", added.id());
                api.writeStatus("flink", "registry", KubernetesClusterConnectionTest.status("STABLE", "READY", null));
                KubernetesClusterConnectionTest.await("Running in the registry",
                        () -> services.clusters().state(added.id()).health() == ClusterHealth.RUNNING);
                assertThat(services.clusters().state(added.id()).flinkVersion()).isEqualTo(FlinkLikeRestServer.FLINK_VERSION);
            } finally {
                services.clusters().remove(added.id());
            }
        }
    }

    /**
     * The connectivity test of a Kubernetes cluster through the registry: a host:port runs in a pod of the cluster's
     * namespace ({@link ConnectivityPodKubelet} plays the kubelet the mock lacks), the REST API test stays on this
     * desktop and says so, and a hostile target is refused before any pod is made.
     */
    @Test
    void aHostTestRunsInsideTheClusterAndTheRestTestOnThisDesktop() throws Exception {
        try (KubernetesMockApi api = KubernetesMockApi.start();
             FlinkLikeRestServer rest = FlinkLikeRestServer.http("", null, null);
             ConnectivityPodKubelet kubelet = new ConnectivityPodKubelet(api.client(), "flink",
                     pod -> ConnectivityPodKubelet.Outcome.ended(0, "DNS ok 2 10.1.2.3\nTCP ok 1\n"))) {
            FakeServices services = new FakeServices(dir, new InMemoryClusterDefinitionStore(),
                    List.of(new KubernetesClusterConnector(FlinkRestClient::forEndpoint, Duration.ofMillis(100))));
            KubernetesSpec spec = new KubernetesSpec(api.writeKubeconfig(dir, "mock", "default"), "mock", "flink",
                    "conn", "flink:2.3", "v2_3", null, new KubernetesSpec.Resources(1, "1600m", 1),
                    new KubernetesSpec.Resources(1, "2g", 1), 1, Map.of(),
                    List.of(new KubernetesSpec.HostAlias("10.1.2.3", List.of("kafka.internal"))), null);
            ClusterDefinition added = services.clusters().addKubernetes("Conn k8s", spec,
                    RemoteEndpoint.of(rest.url()), "s3://bucket/sp");
            try {
                assertThatThrownBy(() -> services.clusters().testConnectivity(added.id(), "a;rm -rf /"))
                        .isInstanceOf(io.streamdesk.service.InputRejectedException.class);
                assertThat(kubelet.created).as("no pod for a refused target").isEmpty();

                ConnectivityReport host = services.clusters().testConnectivity(added.id(), "kafka.internal:9092");
                assertThat(host.target()).isEqualTo("kafka.internal:9092");
                assertThat(host.ranOn()).startsWith("from a short-lived pod in namespace flink of kubeconfig context mock");
                assertThat(host.steps()).extracting(ConnectivityReport.Step::name).containsExactly("Pod", "DNS", "TCP");
                assertThat(host.ok()).isTrue();
                assertThat(kubelet.created).hasSize(1);
                assertThat(kubelet.created.get(0).getSpec().getHostAliases().get(0).getHostnames())
                        .containsExactly("kafka.internal");
                assertThat(api.client().pods().inNamespace("flink").list().getItems()).isEmpty();

                ConnectivityReport restApi = services.clusters().testConnectivity(added.id(), null);
                assertThat(restApi.ranOn()).startsWith("from this desktop").contains("runs inside the cluster");
                assertThat(restApi.steps()).extracting(ConnectivityReport.Step::name).contains("HTTP", "Flink");
                assertThat(kubelet.created).as("the REST API test makes no pod").hasSize(1);
            } finally {
                services.clusters().remove(added.id());
            }
        }
    }

    /** A stored Kubernetes cluster whose kubeconfig is gone has no connection: its host test says so, no desktop test. */
    @Test
    void aHostTestOfAClusterWithoutAConnectionSaysWhyInsteadOfTestingFromTheDesktop() {
        InMemoryClusterDefinitionStore store = new InMemoryClusterDefinitionStore();
        KubernetesSpec spec = new KubernetesSpec(dir.resolve("gone-kubeconfig"), "mock", "flink", "gone", "flink:2.3",
                "v2_3", null, new KubernetesSpec.Resources(1, "1600m", 1), new KubernetesSpec.Resources(1, "2g", 1), 1,
                Map.of(), List.of(), null);
        store.create(new ClusterDefinition("k-gone", "Gone k8s", io.streamdesk.model.cluster.ClusterKind.KUBERNETES,
                null, "s3://bucket/sp", java.time.Instant.now(), spec));
        FakeServices services = new FakeServices(dir, store,
                List.of(new KubernetesClusterConnector(FlinkRestClient::forEndpoint, Duration.ofMillis(100))));

        ConnectivityReport report = services.clusters().testConnectivity("k-gone", "kafka:9092");

        assertThat(report.ok()).isFalse();
        assertThat(report.steps()).hasSize(1);
        assertThat(report.steps().get(0).name()).isEqualTo("Pod");
        assertThat(report.steps().get(0).detail()).startsWith("Gone k8s has no connection to its Kubernetes API")
                .contains("gone-kubeconfig").endsWith("so the test cannot run inside the cluster.");
    }
}
