package io.streamdesk.model.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * A cluster the user registered (R4): what the Clusters pane lists and the database keeps. The embedded local
 * cluster has a definition too (kind {@link ClusterKind#LOCAL}, no endpoint), so that every cluster is listed the
 * same way; it cannot be removed.
 *
 * @param id                 stable id jobs refer to ({@code Job.clusterId()}); "local" for the embedded one
 * @param name               unique display name, at most {@link #MAX_NAME_LENGTH} characters
 * @param endpoint           how to reach its REST API; null for the local cluster (the app knows its address)
 * @param savepointDirectory where Flink writes this cluster's savepoints (a URI the cluster can write, e.g.
 *                           {@code file:///shared/savepoints} or {@code s3://bucket/savepoints}); null for the
 *                           local cluster, whose savepoints go under the data directory
 * @param createdAt          when it was added
 * @param kubernetes         the FlinkDeployment of a {@link ClusterKind#KUBERNETES} cluster, null for other kinds;
 *                           such a cluster's {@code endpoint} is an optional REST URL override (null: port-forward to
 *                           the {@code <name>-rest} service)
 */
public record ClusterDefinition(String id, String name, ClusterKind kind, RemoteEndpoint endpoint,
                                String savepointDirectory, Instant createdAt, KubernetesSpec kubernetes) {
    public static final int MAX_NAME_LENGTH = 100;

    public ClusterDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind == ClusterKind.REMOTE_SESSION && endpoint == null) {
            throw new IllegalArgumentException("A remote session cluster needs its REST endpoint.");
        }
        if (kind == ClusterKind.KUBERNETES && kubernetes == null) {
            throw new IllegalArgumentException("A Kubernetes cluster needs its FlinkDeployment settings.");
        }
        if (kind != ClusterKind.KUBERNETES) {
            kubernetes = null;
        }
        savepointDirectory = savepointDirectory == null || savepointDirectory.isBlank() ? null : savepointDirectory.strip();
    }

    /** A local or remote session cluster (no Kubernetes settings). */
    public ClusterDefinition(String id, String name, ClusterKind kind, RemoteEndpoint endpoint,
                             String savepointDirectory, Instant createdAt) {
        this(id, name, kind, endpoint, savepointDirectory, createdAt, null);
    }

    public ClusterDefinition withName(String newName) {
        return new ClusterDefinition(id, newName, kind, endpoint, savepointDirectory, createdAt, kubernetes);
    }

    public ClusterDefinition withEndpoint(RemoteEndpoint newEndpoint) {
        return new ClusterDefinition(id, name, kind, newEndpoint, savepointDirectory, createdAt, kubernetes);
    }

    public ClusterDefinition withSavepointDirectory(String directory) {
        return new ClusterDefinition(id, name, kind, endpoint, directory, createdAt, kubernetes);
    }

    public ClusterDefinition withKubernetes(KubernetesSpec spec) {
        return new ClusterDefinition(id, name, kind, endpoint, savepointDirectory, createdAt, spec);
    }
}
