package io.streamdesk.service.port;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The contexts of the user's kubeconfig, for the "add Kubernetes cluster" form (R3). Reads the file; no network. */
public interface KubeconfigContexts {

    /**
     * The contexts of {@code kubeconfig} (null: {@code $KUBECONFIG}, else {@code ~/.kube/config}), in file order,
     * each with its cluster's server URL and default namespace. Fails with {@link IllegalArgumentException} naming
     * the file and, for a YAML error, the line and column.
     */
    List<Context> contexts(Path kubeconfig);

    /** The kubeconfig's {@code current-context}, if it names one. */
    Optional<String> currentContext(Path kubeconfig);

    /** One context: its name, the API server it points at, and its namespace (null when it names none). */
    record Context(String name, String server, String namespace) {
    }
}
