package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.streamdesk.model.cluster.KubernetesSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FlinkDeployment the adapter writes, validated against the Flink Kubernetes Operator's real CRD schema
 * ({@code META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml}, version v1beta1, of operator-api 1.10.0), made as
 * strict as the API server's field validation ({@link OperatorCrdSchema}). No API server validates here (the mock does
 * not), so this is where a wrong field or type is caught; a deliberately broken resource shows the check can fail.
 *
 * <p>flinkVersion: the 1.10.0 schema's enum ends at v1_20. A spec with a 1.x version passes the exact schema; one with
 * Flink 2.3 ({@code v2_3}, written as the plain string the user gave) fails the exact schema on that enum and on
 * nothing else, and passes once only that enum is widened, as an operator release that knows Flink 2.x has it.
 */
class FlinkDeploymentResourceTest {
    static final KubernetesSerialization JSON = new KubernetesSerialization();
    static OperatorCrdSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = OperatorCrdSchema.load(io.streamdesk.testing.KubernetesMockApi.FLINK_DEPLOYMENTS_CRD, "v1beta1");
    }

    static KubernetesSpec spec(String flinkVersion) {
        return new KubernetesSpec(null, "dev", "flink-jobs", "sessions", "flink:2.3", flinkVersion, "flink-sa",
                new KubernetesSpec.Resources(1.5, "2048m", 1), new KubernetesSpec.Resources(2, "4g", 3), 4,
                Map.of("pipeline.max-parallelism", "128", "rest.port", "8082"),
                List.of(new KubernetesSpec.HostAlias("10.0.0.12", List.of("kafka-1", "kafka-1.corp"))),
                new KubernetesSpec.DnsSettings(List.of("10.0.0.2"), List.of("corp.example")));
    }

    @Test
    void theResourceIsASessionDeploymentWithEverySettingInItsPlace() {
        GenericKubernetesResource r = FlinkDeploymentResource.build("k8s-abc", spec("v2_3"), "s3://bucket/sp");

        assertThat(r.getApiVersion()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(r.getKind()).isEqualTo("FlinkDeployment");
        assertThat(r.getMetadata().getName()).isEqualTo("sessions");
        assertThat(r.getMetadata().getNamespace()).isEqualTo("flink-jobs");
        assertThat(r.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "streamdesk")
                .containsEntry("streamdesk.io/cluster-id", "k8s-abc");
        assertThat((Object) r.get("spec", "job")).as("session mode: no job").isNull();
        assertThat((Object) r.get("spec", "flinkVersion")).isEqualTo("v2_3");
        assertThat((Object) r.get("spec", "image")).isEqualTo("flink:2.3");
        assertThat((Object) r.get("spec", "serviceAccount")).isEqualTo("flink-sa");
        assertThat((Object) r.get("spec", "mode")).isEqualTo("standalone");
        assertThat((Object) r.get("spec", "taskManager", "replicas")).isEqualTo(3);
        assertThat((Object) r.get("spec", "taskManager", "resource", "memory")).isEqualTo("4g");
        assertThat((Object) r.get("spec", "jobManager", "resource", "cpu")).isEqualTo(1.5);
        Map<String, String> conf = r.get("spec", "flinkConfiguration");
        assertThat(conf).containsEntry("taskmanager.numberOfTaskSlots", "4").containsEntry("rest.port", "8082")
                .containsEntry("state.savepoints.dir", "s3://bucket/sp")
                .containsEntry("execution.checkpointing.savepoint-dir", "s3://bucket/sp")
                .containsEntry("pipeline.max-parallelism", "128");
        List<Map<String, Object>> aliases = r.get("spec", "podTemplate", "spec", "hostAliases");
        assertThat(aliases).containsExactly(Map.of("ip", "10.0.0.12", "hostnames", List.of("kafka-1", "kafka-1.corp")));
        assertThat((Object) r.get("spec", "podTemplate", "spec", "dnsConfig"))
                .isEqualTo(Map.of("nameservers", List.of("10.0.0.2"), "searches", List.of("corp.example")));
        assertThat(FlinkDeploymentResource.restPort(spec("v2_3"))).isEqualTo(8082);
    }

    @Test
    void aFlink1ResourcePassesTheOperatorsExactSchema() {
        assertThat(schema.enumValues(List.of("spec", "flinkVersion"))).contains("v1_20").doesNotContain("v2_3");
        String json = JSON.asJson(FlinkDeploymentResource.build("k8s-abc", spec("v1_20"), "s3://bucket/sp"));

        assertThat(schema.problems(json)).isEmpty();
    }

    @Test
    void aFlink2ResourceDiffersFromThe110SchemaOnlyInTheVersionEnum() {
        String json = JSON.asJson(FlinkDeploymentResource.build("k8s-abc", spec("v2_3"), "s3://bucket/sp"));

        assertThat(schema.problems(json)).singleElement().asString().contains("flinkVersion");
        assertThat(schema.withEnumValues(List.of("spec", "flinkVersion"), "v2_0", "v2_1", "v2_2", "v2_3")
                .problems(json)).isEmpty();
    }

    @Test
    void aMinimalResourceWithoutPodTemplateOrSavepointsPassesToo() {
        KubernetesSpec plain = new KubernetesSpec(null, null, "default", "plain", "flink:1.20", "v1_20", null,
                new KubernetesSpec.Resources(1, "1g", 1), new KubernetesSpec.Resources(1, "1g", 0), 1, null, null, null);
        GenericKubernetesResource r = FlinkDeploymentResource.build("k8s-min", plain, null);

        assertThat((Object) r.get("spec", "podTemplate")).isNull();
        assertThat((Map<String, String>) r.get("spec", "flinkConfiguration")).doesNotContainKey("state.savepoints.dir");
        assertThat(schema.problems(JSON.asJson(r))).isEmpty();
    }

    @Test
    void theCheckFailsOnAWrongTypeAMisspeltFieldAndAnUnknownMode() {
        GenericKubernetesResource r = FlinkDeploymentResource.build("k8s-abc", spec("v1_20"), "s3://bucket/sp");
        Map<String, Object> spec = r.get("spec");
        ((Map<String, Object>) spec.get("taskManager")).put("replicas", "three");
        spec.put("taskManagr", Map.of("replicas", 1));
        spec.put("mode", "kubernetes");
        ((Map<String, Object>) ((Map<String, Object>) spec.get("podTemplate")).get("spec")).put("hostAlias", List.of());

        List<String> problems = schema.problems(JSON.asJson(r));

        assertThat(problems).hasSize(4);
        assertThat(problems).anyMatch(p -> p.contains("/spec/taskManager/replicas"))
                .anyMatch(p -> p.contains("taskManagr"))
                .anyMatch(p -> p.contains("/spec/mode"))
                .anyMatch(p -> p.contains("hostAlias"));
    }

    @Test
    void aBadRestPortIsRefusedNamingIt() {
        KubernetesSpec bad = new KubernetesSpec(null, null, "default", "x", "flink:2.3", "v2_3", null,
                new KubernetesSpec.Resources(1, "1g", 1), new KubernetesSpec.Resources(1, "1g", 1), 1,
                Map.of("rest.port", "http"), null, null);
        assertThatThrownBy(() -> FlinkDeploymentResource.restPort(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Flink configuration: rest.port 'http' is not a port number.");
    }
}
