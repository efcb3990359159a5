package io.streamdesk.model.cluster;

/** What a cluster is, as the Clusters pane lists it (R2, R4). */
public enum ClusterKind {
    /** The embedded child JVM the app starts and supervises. */
    LOCAL("Local"),
    /** A Flink session cluster someone else runs, reached by its REST URL. */
    REMOTE_SESSION("Remote session"),
    /** A Flink cluster on Kubernetes through the Flink Kubernetes Operator (issue 13). */
    KUBERNETES("Kubernetes");

    private final String label;

    ClusterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
