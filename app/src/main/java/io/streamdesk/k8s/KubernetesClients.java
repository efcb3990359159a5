package io.streamdesk.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.streamdesk.model.cluster.KubernetesSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * fabric8 clients from a spec's kubeconfig file and context, with bounded timeouts and no retry back-off, so that an
 * API server that does not answer costs a probe at most {@link #REQUEST_TIMEOUT} (R6), never the client's default of
 * ten retries with growing pauses.
 */
final class KubernetesClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private KubernetesClients() {
    }

    /**
     * A client for the spec's context and namespace. The kubeconfig file is read now (its contents, not the network);
     * a file or context that cannot be used is refused with {@link IllegalArgumentException} naming it.
     */
    static KubernetesClient open(KubernetesSpec spec) {
        Config base;
        Path file = spec.kubeconfig() != null ? spec.kubeconfig() : KubeconfigFileContexts.defaultFile();
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Kubeconfig: " + (file == null ? "no file given, $KUBECONFIG is not set "
                    + "and ~/.kube/config" : file) + " does not exist.");
        }
        if (spec.context() != null) {
            new KubeconfigFileContexts().requireContext(file, spec.context());
        }
        try {
            base = Config.fromKubeconfig(spec.context(), file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Kubeconfig " + file + ": cannot be used" + (spec.context() == null ? ""
                    : " with context '" + spec.context() + "'") + ": " + e.getMessage(), e);
        }
        Config config = new ConfigBuilder(base)
                .withNamespace(spec.namespace())
                .withConnectionTimeout((int) CONNECT_TIMEOUT.toMillis())
                .withRequestTimeout((int) REQUEST_TIMEOUT.toMillis())
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
