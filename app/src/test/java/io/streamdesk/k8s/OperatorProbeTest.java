package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.streamdesk.testing.FlinkOperatorHarness;
import io.streamdesk.testing.StandaloneFlinkCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

class OperatorProbeTest {
    @TempDir
    Path dir;

    @Test
    void probe() throws Exception {
        try (StandaloneFlinkCluster flink = StandaloneFlinkCluster.start(dir.resolve("flink"), null);
             FlinkOperatorHarness h = FlinkOperatorHarness.start(java.nio.file.Files.createDirectories(Path.of("target/probe-k8s")), "flink")) {
            ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder().withGroup("flink.apache.org")
                    .withVersion("v1beta1").withKind("FlinkDeployment").withPlural("flinkdeployments").withNamespaced(true).build();
            GenericKubernetesResource fd = new GenericKubernetesResource();
            fd.setApiVersion("flink.apache.org/v1beta1");
            fd.setKind("FlinkDeployment");
            fd.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("probe").withNamespace("flink").build());
            fd.setAdditionalProperty("spec", Map.of("image", "flink:1.17", "flinkVersion", "v1_17", "serviceAccount", "flink",
                    "flinkConfiguration", Map.of("rest.port", String.valueOf(flink.restPort()), "taskmanager.numberOfTaskSlots", "2"),
                    "jobManager", Map.of("resource", Map.of("cpu", 1, "memory", "1024m"), "replicas", 1),
                    "taskManager", Map.of("resource", Map.of("cpu", 1, "memory", "1024m"))));
            h.client().genericKubernetesResources(ctx).inNamespace("flink").resource(fd).create();
            long t0 = System.nanoTime();
            for (int i = 0; i < 120; i++) {
                GenericKubernetesResource r = h.client().genericKubernetesResources(ctx).inNamespace("flink").withName("probe").get();
                Object status = r.getAdditionalProperties().get("status");
                System.out.println((System.nanoTime() - t0) / 1_000_000 + " ms: " + status);
                if (status != null && status.toString().contains("lifecycleState=STABLE")) {
                    break;
                }
                Thread.sleep(1000);
            }
            System.out.println("requests " + h.mock().requestCount());
        }
    }
}
