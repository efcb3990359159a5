package io.streamdesk.cli;

import io.streamdesk.app.AppContext;
import io.streamdesk.app.AppOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes cluster commands on a real data directory (H2 with Flyway, V18's Kubernetes settings) as the CLI
 * opens it, with the app's own Kubernetes adapter. No Kubernetes API server can run on these machines, so the
 * kubeconfig points at a closed loopback port: the definition is stored and listed with what the operator and Flink
 * REST last said (nothing yet), survives the next CLI run, and deployment changes are refused with the reason.
 */
class KubernetesClusterCommandsOnDataDirectoryTest {
    @TempDir
    Path dir;

    private CliRunner cli() {
        CliRunner runner = new CliRunner(dataDir -> AppContext.open(dir, AppOptions.forCli()), null);
        runner.cli().withStdin(() -> new ByteArrayInputStream(new byte[0]));
        return runner;
    }

    @Test
    void addListStatusAndRefusedChangesOnARealDataDirectory() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: nowhere
                  cluster:
                    server: https://127.0.0.1:%d
                contexts:
                - name: nowhere
                  context:
                    cluster: nowhere
                    namespace: analytics
                    user: me
                current-context: nowhere
                users:
                - name: me
                  user:
                    token: not-a-real-token
                """.formatted(closed), StandardCharsets.UTF_8);
        CliRunner.Result added = cli().run("cluster", "add", "kubernetes", "--name", "analytics-k8s",
                "--kubeconfig", kubeconfig.toString(), "--context", "nowhere", "--namespace", "analytics",
                "--deployment", "analytics-session", "--tm-replicas", "2", "--savepoint-dir", "s3://analytics/sp",
                "--host-alias", "10.0.0.12=kafka-1.internal", "--dns-nameserver", "10.0.0.2");
        assertThat(added.exitCode()).as(added.err()).isZero();
        String id = added.out().strip();
        assertThat(id).isNotBlank();

        // a second CLI run reads it back from the database
        CliRunner.Result status = cli().run("cluster", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Cluster:       " + id)
                .contains("Kind:          Kubernetes (FlinkDeployment analytics/analytics-session, context nowhere)")
                .contains("TaskManagers:  2 x 1 CPU, 2048m, 2 slots each");
        CliRunner.Result list = cli().run("cluster", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.outLines()[0]).endsWith("SOURCES");
        assertThat(list.out()).contains(id).contains("analytics-k8s").contains("Kubernetes")
                .containsPattern("Operator: [^;]+ \\(never\\); Flink REST: ");

        CliRunner.Result dup = cli().run("cluster", "add", "kubernetes", "--name", "analytics-k8s",
                "--namespace", "analytics", "--deployment", "other", "--savepoint-dir", "s3://analytics/sp");
        assertThat(dup.exitCode()).isEqualTo(1);
        assertThat(dup.err()).contains("Name:");

        CliRunner.Result scale = cli().run("cluster", "scale", id, "--tm-replicas", "1");
        assertThat(scale.exitCode()).as(scale.out()).isEqualTo(1);
        // the API server does not answer: the adapter's refusal names the FlinkDeployment
        assertThat(scale.err()).contains("analytics/analytics-session");
    }
}
