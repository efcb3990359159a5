package io.streamdesk.k8s;

import io.streamdesk.flink.rest.FlinkRestClient;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.cluster.ClusterDefinition;
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
}
