package io.streamdesk.k8s;

import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.service.port.KubeconfigContexts.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contexts listed from real kubeconfig files; broken files refused with the line and column of the problem. */
class KubeconfigFileContextsTest {
    @TempDir
    Path dir;
    final KubeconfigFileContexts contexts = new KubeconfigFileContexts();

    static final String TWO_CONTEXTS = """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - name: dev-cluster
              cluster:
                server: https://dev.example.com:6443
                certificate-authority-data: Zm9v
            - name: prod-cluster
              cluster:
                server: https://prod.example.com:6443
            contexts:
            - name: dev
              context:
                cluster: dev-cluster
                user: me
                namespace: flink-dev
            - name: prod
              context:
                cluster: prod-cluster
                user: me
            users:
            - name: me
              user:
                token: s3cret-token
            """;

    @Test
    void contextsAreListedInFileOrderWithServerAndNamespace() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), TWO_CONTEXTS);

        assertThat(contexts.contexts(file)).containsExactly(
                new Context("dev", "https://dev.example.com:6443", "flink-dev"),
                new Context("prod", "https://prod.example.com:6443", null));
        assertThat(contexts.currentContext(file)).contains("prod");
        assertThat(contexts.contexts(file).toString()).doesNotContain("s3cret");
    }

    @Test
    void aYamlErrorNamesTheFileLineAndColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("broken"), """
                apiVersion: v1
                contexts:
                - name: dev
                  context: {cluster: dev-cluster
                users: []
                """);

        assertThatThrownBy(() -> contexts.contexts(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kubeconfig " + file + " is not valid YAML at line 5, column ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void otherBadFilesSayWhatIsWrong() throws Exception {
        Path missing = dir.resolve("missing");
        Path scalar = Files.writeString(dir.resolve("scalar"), "just text\n");
        Path notList = Files.writeString(dir.resolve("notlist"), "contexts: {dev: 1}\n");
        Path empty = Files.writeString(dir.resolve("empty"), "");

        assertThatThrownBy(() -> contexts.contexts(missing)).hasMessage("Kubeconfig: " + missing + " does not exist.");
        assertThatThrownBy(() -> contexts.contexts(scalar))
                .hasMessage("Kubeconfig " + scalar + " is not a kubeconfig file: it is not a YAML mapping.");
        assertThatThrownBy(() -> contexts.contexts(notList)).hasMessage("Kubeconfig " + notList + ": 'contexts' is not a list.");
        assertThatThrownBy(() -> contexts.currentContext(empty))
                .hasMessage("Kubeconfig " + empty + " is not a kubeconfig file: it is empty.");
    }

    @Test
    void aConnectionToAContextTheFileLacksIsRefusedListingTheOnesItHas() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), TWO_CONTEXTS);
        KubernetesSpec spec = new KubernetesSpec(file, "staging", "flink", "x", "flink:2.3", "v2_3", null,
                new KubernetesSpec.Resources(1, "1g", 1), new KubernetesSpec.Resources(1, "1g", 1), 1, Map.of(),
                List.of(), null);

        assertThatThrownBy(() -> KubernetesClients.open(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Kubeconfig " + file + " has no context 'staging'; it has: dev, prod.");
    }
}
