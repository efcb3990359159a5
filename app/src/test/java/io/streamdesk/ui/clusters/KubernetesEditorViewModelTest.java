package io.streamdesk.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.testing.FakeKubernetesClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes kind of the cluster dialog (R3, R4): the contexts of a kubeconfig file (the namespace follows the
 * chosen context unless typed), every check naming its field (and line), the savepoint directory required, editing
 * keeps the kind and shows the stored settings, and saving stores what the form says. Over the real services with
 * in-memory ports, {@link FakeKubernetesClusters} in place of the adapter, and a synchronous UI context.
 */
class KubernetesEditorViewModelTest {
    @TempDir
    Path dir;
    private final FakeKubernetesClusters kube = new FakeKubernetesClusters();

    private FakeServices services() {
        return new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(kube));
    }

    private ClusterEditorViewModel adding(FakeServices services) {
        ClusterEditorViewModel vm = new ClusterEditorViewModel(new ServicesClusterDirectory(() -> services), null,
                List.of("Local cluster"), TestContexts.synchronous(new ManualScheduler()));
        vm.kindProperty().set(ClusterKind.KUBERNETES);
        return vm;
    }

    @Test
    void contextsAreReadAndTheNamespaceFollowsTheChosenOne() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), io.streamdesk.ui.flow.KubernetesFlowFixtures.KUBECONFIG);
        ClusterEditorViewModel vm = adding(services());
        KubernetesEditorViewModel k = vm.kubernetes();
        k.kubeconfigProperty().set(config.toString());
        k.loadContexts();
        assertThat(k.contexts()).extracting(c -> c.name()).containsExactly("dev", "prod-eu");
        assertThat(k.contextProperty().get().name()).isEqualTo("dev"); // the current context
        assertThat(k.namespaceProperty().get()).isEqualTo("default");
        k.contextProperty().set(k.contexts().get(1));
        assertThat(k.namespaceProperty().get()).isEqualTo("analytics");
        k.namespaceProperty().set("team-a");
        k.contextProperty().set(k.contexts().get(0));
        assertThat(k.namespaceProperty().get()).isEqualTo("team-a"); // typed by the user: kept
        assertThat(KubernetesEditorViewModel.describe(k.contexts().get(1)))
                .isEqualTo("prod-eu \u2014 https://10.20.0.1:6443 (namespace analytics)");
    }

    @Test
    void anUnreadableKubeconfigIsShownAndBlocksSaving() {
        ClusterEditorViewModel vm = adding(services());
        vm.nameProperty().set("k");
        vm.kubernetes().kubeconfigProperty().set(dir.resolve("missing").toString());
        vm.kubernetes().loadContexts();
        assertThat(vm.kubernetes().contextsErrorProperty().get()).contains("does not exist");
        vm.kubernetes().deploymentNameProperty().set("analytics");
        vm.kubernetes().savepointDirProperty().set("s3://b/sp");
        assertThat(vm.problemProperty().get()).startsWith("Kubeconfig").contains("does not exist");
        vm.kubernetes().kubeconfigProperty().set("relative/config");
        vm.kubernetes().loadContexts();
        assertThat(vm.kubernetes().contextsErrorProperty().get()).startsWith("Kubeconfig: give the whole path");
    }

    @Test
    void everyCheckNamesItsField() {
        ClusterEditorViewModel vm = adding(services());
        KubernetesEditorViewModel k = vm.kubernetes();
        vm.nameProperty().set("analytics-k8s");
        k.namespaceProperty().set("analytics");
        assertThat(vm.problemProperty().get()).isEqualTo("Deployment name is empty.");
        k.deploymentNameProperty().set("analytics");
        k.tmCpuProperty().set("two");
        assertThat(vm.problemProperty().get()).isEqualTo("TaskManager CPU: 'two' is not a number of cores (e.g. 1 or 0.5).");
        k.tmCpuProperty().set("2");
        k.tmMemoryProperty().set("4 gigs");
        assertThat(vm.problemProperty().get()).startsWith("TaskManager memory '4 gigs' is not a size");
        k.tmMemoryProperty().set("4g");
        k.tmReplicasProperty().set("-1");
        assertThat(vm.problemProperty().get()).isEqualTo("TaskManager replicas: -1 is outside 0..500.");
        k.tmReplicasProperty().set("2");
        k.taskSlotsProperty().set("0");
        assertThat(vm.problemProperty().get()).isEqualTo("Task slots: 0 is outside 1..64.");
        k.taskSlotsProperty().set("2");
        k.flinkConfigurationProperty().set("# tuned\nstate.backend.type: rocksdb\n\nstate.backend.type: hashmap");
        assertThat(vm.problemProperty().get()).isEqualTo("Flink configuration, line 4: state.backend.type is set twice.");
        k.flinkConfigurationProperty().set("state.backend.type: rocksdb");
        k.hostAliasesProperty().set("10.0.0.12 kafka-1.internal\nkafka-2.internal 10.0.0.13");
        assertThat(vm.problemProperty().get()).isEqualTo("Host aliases, line 2: 'kafka-2.internal' is not an IP address.");
        k.hostAliasesProperty().set("10.0.0.12 kafka-1.internal");
        k.nameserversProperty().set("10.0.0.2, dns.internal");
        assertThat(vm.problemProperty().get()).isEqualTo("DNS name servers: 'dns.internal' is not an IP address.");
        k.nameserversProperty().set("10.0.0.2");
        assertThat(vm.problemProperty().get()).startsWith("Savepoint directory: required for a Kubernetes cluster");
        k.savepointDirProperty().set("savepoints");
        assertThat(vm.problemProperty().get()).startsWith("Savepoint directory: a URI with a scheme");
        k.savepointDirProperty().set("s3://analytics/savepoints");
        k.restUrlProperty().set("flink.example.com");
        assertThat(vm.problemProperty().get()).startsWith("REST URL override: The REST URL must start with http://");
        k.restUrlProperty().set("");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.noteProperty().get()).contains("port-forward to the analytics-rest service");
    }

    @Test
    void savingStoresTheFormAndEditingShowsItAgain() throws Exception {
        Files.writeString(dir.resolve("config"), io.streamdesk.ui.flow.KubernetesFlowFixtures.KUBECONFIG);
        FakeServices services = services();
        ClusterEditorViewModel vm = adding(services);
        KubernetesEditorViewModel k = vm.kubernetes();
        vm.nameProperty().set("analytics-k8s");
        k.kubeconfigProperty().set(dir.resolve("config").toString());
        k.loadContexts();
        k.deploymentNameProperty().set("analytics");
        k.jmCpuProperty().set("0.5");
        k.tmReplicasProperty().set("3");
        k.flinkConfigurationProperty().set("state.backend.type: rocksdb");
        k.hostAliasesProperty().set("10.0.0.12=kafka-1.internal,kafka-2.internal");
        k.searchesProperty().set("analytics.svc.cluster.local");
        k.savepointDirProperty().set("s3://analytics/savepoints");
        k.restUrlProperty().set("https://flink.example.com");
        ClusterDefinition[] saved = new ClusterDefinition[1];
        vm.save(d -> saved[0] = d);
        assertThat(vm.serviceErrorProperty().get()).isEmpty();
        assertThat(saved[0]).isNotNull();
        KubernetesSpec spec = services.clusters().definition(saved[0].id()).orElseThrow().kubernetes();
        assertThat(spec.context()).isEqualTo("dev");
        assertThat(spec.namespace()).isEqualTo("default");
        assertThat(spec.jobManager().cpu()).isEqualTo(0.5);
        assertThat(spec.taskManager().replicas()).isEqualTo(3);
        assertThat(spec.hostAliases()).containsExactly(new KubernetesSpec.HostAlias("10.0.0.12",
                List.of("kafka-1.internal", "kafka-2.internal")));
        assertThat(saved[0].endpoint().restUrl()).isEqualTo("https://flink.example.com");

        ClusterEditorViewModel edit = new ClusterEditorViewModel(new ServicesClusterDirectory(() -> services), saved[0],
                List.of("Local cluster"), TestContexts.synchronous(new ManualScheduler()));
        assertThat(edit.kindChoosable()).isFalse();
        assertThat(edit.kindProperty().get()).isEqualTo(ClusterKind.KUBERNETES);
        assertThat(edit.kubernetes().hostAliasesProperty().get()).isEqualTo("10.0.0.12 kafka-1.internal kafka-2.internal");
        assertThat(edit.kubernetes().flinkConfigurationProperty().get()).isEqualTo("state.backend.type: rocksdb");
        edit.kubernetes().loadContexts();
        assertThat(edit.kubernetes().contextProperty().get().name()).isEqualTo("dev");
        edit.kubernetes().tmReplicasProperty().set("4");
        edit.save(d -> saved[0] = d);
        assertThat(services.clusters().definition(saved[0].id()).orElseThrow().kubernetes().taskManager().replicas())
                .isEqualTo(4);
    }
}
