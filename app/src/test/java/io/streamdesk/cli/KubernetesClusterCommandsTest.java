package io.streamdesk.cli;

import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeKubernetesClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes cluster commands (R3): add with every option, bad options refused naming the option, scale (refused
 * below the slots running jobs use), suspend, resume, and list/status with the sources. Over the real services with
 * in-memory ports and {@link FakeKubernetesClusters} in place of the Kubernetes adapter (no Kubernetes API server can
 * run here).
 */
class KubernetesClusterCommandsTest {
    @TempDir
    Path dir;
    FakeServices services;
    FakeKubernetesClusters kube;

    @BeforeEach
    void setUp() {
        kube = new FakeKubernetesClusters();
        services = new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(kube));
        kube.sharing(services.gateway);
        services.clusters().startAll();
    }

    private CliRunner.Result run(String... args) {
        return new CliRunner(() -> services).run(args);
    }

    private String add() {
        try {
            java.nio.file.Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRunner.Result added = run("cluster", "add", "kubernetes", "--name", "analytics-k8s", "--context", "dev",
                "--namespace", "analytics", "--deployment", "analytics", "--image", "flink:2.3", "--flink-version",
                "v2_3", "--jm-cpu", "0.5", "--jm-memory", "1600m", "--tm-cpu", "2", "--tm-memory", "4g",
                "--tm-replicas", "2", "--slots", "2", "--savepoint-dir", "s3://analytics/savepoints",
                "--conf", "state.backend.type=rocksdb", "--conf", "execution.checkpointing.interval=30 s",
                "--host-alias", "10.0.0.12=kafka-1.internal,kafka-2.internal", "--dns-nameserver", "10.0.0.2",
                "--dns-search", "analytics.svc.cluster.local", "--kubeconfig", dir.resolve("kubeconfig").toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        return added.out().strip();
    }

    @Test
    void addStoresTheFlinkDeploymentSettings() {
        String id = add();
        ClusterDefinition d = services.clusters().definition(id).orElseThrow();
        KubernetesSpec k = d.kubernetes();
        assertThat(k.kubeconfig()).isEqualTo(dir.resolve("kubeconfig"));
        assertThat(k.context()).isEqualTo("dev");
        assertThat(k.namespace()).isEqualTo("analytics");
        assertThat(k.jobManager()).isEqualTo(new KubernetesSpec.Resources(0.5, "1600m", 1));
        assertThat(k.taskManager()).isEqualTo(new KubernetesSpec.Resources(2, "4g", 2));
        assertThat(k.flinkConfiguration()).containsEntry("execution.checkpointing.interval", "30 s")
                .containsEntry("state.backend.type", "rocksdb");
        assertThat(k.hostAliases()).containsExactly(new KubernetesSpec.HostAlias("10.0.0.12",
                List.of("kafka-1.internal", "kafka-2.internal")));
        assertThat(k.dns().nameservers()).containsExactly("10.0.0.2");
        assertThat(k.dns().searches()).containsExactly("analytics.svc.cluster.local");
        assertThat(d.endpoint()).isNull(); // port-forward
        assertThat(d.savepointDirectory()).isEqualTo("s3://analytics/savepoints");
    }

    @Test
    void badOptionsAreRefusedNamingThem() {
        String[] base = {"cluster", "add", "kubernetes", "--name", "k", "--namespace", "analytics", "--deployment",
                "analytics", "--savepoint-dir", "s3://b/sp"};
        record Case(List<String> extra, String message) {
        }
        for (Case c : List.of(
                new Case(List.of("--conf", "state.backend.type"), "--conf #1: 'state.backend.type' is not key=value."),
                new Case(List.of("--host-alias", "kafka=10.0.0.1"), "--host-alias #1: 'kafka' is not an IP address."),
                new Case(List.of("--dns-nameserver", "dns.example"), "DNS name servers: 'dns.example' is not an IP"),
                new Case(List.of("--tm-replicas", "many"), "--tm-replicas: 'many' is not a whole number."),
                new Case(List.of("--tm-memory", "lots"), "TaskManager memory 'lots' is not a size"),
                new Case(List.of("--rest-url", "jm:8081"), "REST URL must start with http://"))) {
            List<String> line = new java.util.ArrayList<>(List.of(base));
            line.addAll(c.extra());
            CliRunner.Result r = run(line.toArray(String[]::new));
            assertThat(r.exitCode()).as(c.message()).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", c.extra())).contains(c.message());
        }
        CliRunner.Result noDir = run("cluster", "add", "kubernetes", "--name", "k", "--namespace", "analytics",
                "--deployment", "Analytics_1", "--savepoint-dir", "s3://b/sp");
        assertThat(noDir.err()).contains("Deployment name 'Analytics_1' must be lower-case letters");
        assertThat(services.clusters().definitions()).hasSize(1);
    }

    @Test
    void scaleSuspendResumeAndStatusWithSources() {
        String id = add();
        Job job = services.jobs().createSqlJob("orders", "/", id);
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "v1");
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        FakeKubernetesClusters.Cluster c = kube.connection(id);

        CliRunner.Result refused = run("cluster", "scale", id, "--tm-replicas", "0");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Running jobs use 1 task slot (orders)").contains("Fix: Keep at least 1 TaskManager");
        CliRunner.Result scaled = run("cluster", "scale", id, "--tm-replicas", "3", "--tm-memory", "8g");
        assertThat(scaled.exitCode()).as(scaled.err()).isZero();
        assertThat(scaled.out()).contains("3 TaskManagers (2 CPU, 8g each, 6 task slots)");
        assertThat(c.calls).containsExactly("scale 3 x 2.0 CPU 8g");

        CliRunner.Result status = run("cluster", "status");
        assertThat(status.out()).contains("Kind:          Kubernetes (FlinkDeployment analytics/analytics, context dev)")
                .contains("TaskManagers:  3 x 2 CPU, 8g, 2 slots each")
                .containsPattern("  Operator +UPGRADING / DEPLOYING +\\d+ s ago")
                .contains("Sources:       DISAGREE: Flink REST says Answering (Flink 2.3.0), but Operator says"
                        + " UPGRADING / DEPLOYING");
        c.settle();
        CliRunner.Result list = run("cluster", "list");
        assertThat(list.outLines()[0]).endsWith("SOURCES");
        assertThat(list.outLines()[2]).startsWith(id).contains("Kubernetes")
                .containsPattern("Operator: STABLE / READY \\(\\d+ s ago\\); Flink REST: Answering \\(Flink 2.3.0\\)");

        CliRunner.Result suspended = run("cluster", "suspend", id);
        assertThat(suspended.exitCode()).as(suspended.err()).isZero();
        assertThat(suspended.out()).contains("Stopped with a savepoint first: orders (s3://analytics/savepoints/");
        assertThat(run("cluster", "resume", id).exitCode()).isZero();
        assertThat(c.calls).containsExactly("scale 3 x 2.0 CPU 8g", "suspend", "resume");

        c.settle();
        c.restSays("Unreachable", false, "port-forward to analytics-rest failed", Instant.now().minusSeconds(40));
        assertThat(run("cluster", "list").outLines()[2]).contains("DISAGREE: Operator: STABLE / READY");
    }

    @Test
    void aLocalClusterCannotBeScaledHere() {
        CliRunner.Result r = run("cluster", "scale", "local", "--tm-replicas", "2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("'Local cluster' is a local cluster: it has no deployment");
        CliRunner.Result s = run("cluster", "suspend", "local");
        assertThat(s.err()).contains("has no deployment");
    }
}
