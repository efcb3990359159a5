package io.streamdesk.service;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.FakeClusterConnector;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registering Kubernetes clusters (R3) through {@link ClusterService#addKubernetes} and
 * {@link ClusterService#updateKubernetes} over the real services on fakes (no Kubernetes connector here: what is
 * checked is validation and storage; the adapter's own tests use a mock API server).
 */
class KubernetesClusterRegistrationTest {
    @TempDir
    Path dir;
    FakeServices services;

    ClusterService clusters() {
        if (services == null) {
            services = new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(new FakeClusterConnector()));
        }
        return services.clusters();
    }

    static KubernetesSpec spec(String name, Map<String, String> conf, List<KubernetesSpec.HostAlias> aliases,
                               KubernetesSpec.DnsSettings dns) {
        return new KubernetesSpec(null, "dev", "flink", name, "flink:2.3", "v2_3", null,
                new KubernetesSpec.Resources(1, "1600m", 1), new KubernetesSpec.Resources(1, "2g", 2), 2, conf,
                aliases, dns);
    }

    static KubernetesSpec spec(String name) {
        return spec(name, Map.of(), List.of(), null);
    }

    @Test
    void addingStoresTheSpecWithAnAbsoluteKubeconfigAndUpdatingChangesIt() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Path relative = Path.of("").toAbsolutePath().relativize(kubeconfig); // as a user might type it
        KubernetesSpec withFile = new KubernetesSpec(relative, "dev", "flink", "sessions", "flink:2.3", "v2_3",
                null, new KubernetesSpec.Resources(1, "1600m", 1), new KubernetesSpec.Resources(1, "2g", 2), 2,
                null, null, null);

        ClusterDefinition added = clusters().addKubernetes(" On k8s ", withFile, null, "s3://bucket/sp");

        assertThat(added.id()).matches("k8s-[a-z0-9]{8}");
        assertThat(added.kind()).isEqualTo(ClusterKind.KUBERNETES);
        assertThat(added.name()).isEqualTo("On k8s");
        assertThat(added.endpoint()).isNull();
        assertThat(added.kubernetes().kubeconfig()).isEqualTo(kubeconfig.toAbsolutePath().normalize());
        assertThat(services.clusterDefinitionStore.find(added.id())).contains(added);

        KubernetesSpec bigger = spec("sessions").withTaskManager(new KubernetesSpec.Resources(2, "4g", 5));
        ClusterDefinition changed = clusters().updateKubernetes(added.id(), "On k8s", bigger,
                RemoteEndpoint.of("https://flink.example.com/"), "s3://bucket/sp2");
        assertThat(changed.kubernetes().taskManager().replicas()).isEqualTo(5);
        assertThat(changed.endpoint().restUrl()).isEqualTo("https://flink.example.com");
        assertThat(changed.createdAt()).isEqualTo(added.createdAt());
        assertThat(services.clusterDefinitionStore.find(added.id())).contains(changed);
    }

    @Test
    void refusalsNameTheField() {
        clusters().addKubernetes("First", spec("sessions"), null, "s3://bucket/sp");

        refused(spec("sessions"), null, null, "Savepoint directory: a Kubernetes cluster needs one its pods can write");
        refused(spec("sessions"), null, "/tmp/sp", "Savepoint directory: a URI with a scheme");
        refused(spec("Bad_Name"), null, "s3://b/sp", "Deployment name 'Bad_Name' must be lower-case");
        refused(spec("sessions"), null, "s3://b/sp", "Deployment name: the cluster 'First'");
        refused(spec("other", Map.of("taskmanager.numberOfTaskSlots", "4"), List.of(), null), null, "s3://b/sp",
                "Flink configuration: set taskmanager.numberOfTaskSlots with the Task slots field");
        refused(spec("other", Map.of("has space", "1"), List.of(), null), null, "s3://b/sp",
                "Flink configuration: 'has space' is not an option name");
        refused(spec("other", Map.of("k", "v".repeat(4001)), List.of(), null), null, "s3://b/sp",
                "Flink configuration: the value of k must be at most 4000 characters");
        refused(spec("other", Map.of(), List.of(new KubernetesSpec.HostAlias("kafka", List.of("kafka-1"))), null),
                null, "s3://b/sp", "Host alias: 'kafka' is not an IP address");
        refused(spec("other", Map.of(), List.of(new KubernetesSpec.HostAlias("10.0.0.1", List.of("a b"))), null),
                null, "s3://b/sp", "Host alias 10.0.0.1: 'a b' is not a host name.");
        refused(spec("other", Map.of(), List.of(), new KubernetesSpec.DnsSettings(
                List.of("1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4"), List.of())), null, "s3://b/sp",
                "DNS name servers: Kubernetes takes at most 3");
        refused(spec("other"), RemoteEndpoint.of("ftp://x"), "s3://b/sp", "REST URL override: The REST URL must start");
        refused(new KubernetesSpec(dir.resolve("missing"), null, "flink", "other", "flink:2.3", "v2_3", null,
                        new KubernetesSpec.Resources(1, "1g", 1), new KubernetesSpec.Resources(1, "1g", 1), 1, null, null,
                        null), null, "s3://b/sp", "Kubeconfig: " + dir.resolve("missing").toAbsolutePath() + " does not exist.");
        ClusterDefinition first = clusters().definitions().get(1);
        assertThatThrownBy(() -> clusters().updateKubernetes(first.id(), "First", spec("moved"), null, "s3://b/sp"))
                .isInstanceOf(InputRejectedException.class).hasMessageStartingWith("Namespace and deployment name: a "
                        + "registered cluster stays the FlinkDeployment flink/sessions; add a new cluster for flink/moved");
        assertThatThrownBy(() -> clusters().updateKubernetes("local", "Local cluster", spec("x"), null, "s3://b/sp"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("only Kubernetes clusters are changed here");

        assertThat(clusters().definitions()).hasSize(2);
    }

    private void refused(KubernetesSpec spec, RemoteEndpoint override, String dir, String message) {
        assertThatThrownBy(() -> clusters().addKubernetes("Second", spec, override, dir))
                .isInstanceOf(InputRejectedException.class).hasMessageStartingWith(message);
    }
}
