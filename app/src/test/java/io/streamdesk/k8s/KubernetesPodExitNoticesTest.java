package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.ClusterNotice;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.KubernetesCrudMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes connection watches its deployment's pods from start to stop and hands each abnormal exit to its
 * notice listeners (EV4). Against fabric8's KubernetesMockServer in CRUD mode (no real API server can run here; it
 * has no kubelet, so the test writes the pod's status); no JobManager answers, which does not matter to the watch.
 */
class KubernetesPodExitNoticesTest {
    @TempDir
    Path dir;

    @Test
    void aStartedConnectionReportsATaskManagerExitAndAStoppedOneDoesNot() throws Exception {
        try (KubernetesCrudMock mock = KubernetesCrudMock.start(); KubernetesClient client = mock.client("test")) {
            Path kubeconfig = mock.writeKubeconfig(dir.resolve("kubeconfig"), "flink");
            KubernetesSpec spec = new KubernetesSpec(kubeconfig, "mock", "flink", "fd", "flink:2.3", "v2_3", "flink",
                    new KubernetesSpec.Resources(1, "1g", 1), new KubernetesSpec.Resources(1, "1g", 1), 1,
                    Map.of(), List.of(), null);
            ClusterDefinition definition = new ClusterDefinition("k8s-test", "K8s", ClusterKind.KUBERNETES,
                    RemoteEndpoint.of("http://127.0.0.1:9"), "file:///tmp/sp", Instant.now(), spec);
            Pod tm = client.pods().inNamespace("flink").resource(new PodBuilder().withNewMetadata()
                    .withName("fd-taskmanager-1-1").addToLabels("app", "fd").addToLabels("component", "taskmanager")
                    .endMetadata().withNewSpec().addNewContainer().withName("flink-main-container").withImage("flink:2.3")
                    .endContainer().endSpec().build()).create();
            List<ClusterNotice> notices = new CopyOnWriteArrayList<>();
            // the app's Flink REST client, at a port where nothing listens
            KubernetesClusterConnection connection = new KubernetesClusterConnector(
                    io.streamdesk.flink.rest.FlinkRestClient::forEndpoint, Duration.ofMillis(200))
                    .connect(definition, id -> null);
            try {
                connection.addNoticeListener(notices::add);
                connection.start();
                Thread.sleep(1_000); // the watch lists the pods first
                writeExit(client, tm, 1, 239);
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (notices.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(notices).singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(EventKind.TM_POD_ABNORMAL_EXIT);
                    assertThat(n.message()).contains("fd-taskmanager-1-1").contains("239")
                            .contains("produced an uncaught exception");
                });

                connection.stop(Duration.ofSeconds(1));
                writeExit(client, tm, 2, 137);
                Thread.sleep(1_000);
                assertThat(notices).hasSize(1);
            } finally {
                connection.close();
            }
        }
    }

    private static void writeExit(KubernetesClient client, Pod pod, int restartCount, int code) {
        Pod current = client.pods().inNamespace("flink").withName(pod.getMetadata().getName()).get();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(restartCount).toString();
        current.setStatus(new PodStatusBuilder().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                .withName("flink-main-container").withRestartCount(restartCount).withImage("flink:2.3")
                .withNewState().withNewRunning().withStartedAt(now).endRunning().endState()
                .withNewLastState().withNewTerminated().withExitCode(code).withFinishedAt(now).endTerminated()
                .endLastState().build()).build());
        client.pods().inNamespace("flink").resource(current).updateStatus();
    }
}
