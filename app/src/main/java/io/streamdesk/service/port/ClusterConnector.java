package io.streamdesk.service.port;

import io.streamdesk.model.cluster.ClusterDefinition;

/**
 * Makes the connection of a registered cluster from its definition (the remote session adapter; Kubernetes in
 * issue 13). Secrets (the basic auth password) are read through {@code secrets} when the connection needs them,
 * never stored in the connection's definition.
 */
public interface ClusterConnector {
    /** Whether this connector makes connections of the definition's kind. */
    boolean handles(ClusterDefinition definition);

    /**
     * A new connection, not started. Throws {@link IllegalArgumentException} with a user-facing message when the
     * definition cannot work (an unreadable CA file, a key that is not PKCS#8 PEM).
     */
    ClusterConnection connect(ClusterDefinition definition, SecretReader secrets);

    /** Reads a secret's value by id (the secret store). */
    @FunctionalInterface
    interface SecretReader {
        String read(String secretId);
    }
}
