package io.streamdesk.model.cluster;

/**
 * One context of a kubeconfig file, as the "add Kubernetes cluster" form lists it (R3): its name, the API server it
 * points at, and its namespace (null when it names none).
 */
public record KubeconfigContext(String name, String server, String namespace) {
}
