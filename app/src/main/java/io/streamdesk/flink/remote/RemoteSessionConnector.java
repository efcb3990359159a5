package io.streamdesk.flink.remote;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterConnector;

import java.time.Duration;
import java.util.Objects;

/**
 * Connects registered remote Flink session clusters (R2, R6): any Flink 2.x session cluster reached by its REST
 * URL, with its path prefix, basic auth, TLS and client certificate. The connection only probes and calls the REST
 * API; it never starts, restarts or kills anything remote.
 */
public final class RemoteSessionConnector implements ClusterConnector {

    private final Duration probeInterval;

    public RemoteSessionConnector() {
        this(RemoteSessionConnection.DEFAULT_PROBE_INTERVAL);
    }

    /** @param probeInterval how often a connection asks the cluster whether it answers */
    public RemoteSessionConnector(Duration probeInterval) {
        this.probeInterval = Objects.requireNonNull(probeInterval, "probeInterval");
    }

    @Override
    public boolean handles(ClusterDefinition definition) {
        return definition.kind() == ClusterKind.REMOTE_SESSION;
    }

    @Override
    public ClusterConnection connect(ClusterDefinition definition, SecretReader secrets) {
        if (!handles(definition)) {
            throw new IllegalArgumentException("Not a remote session cluster: " + definition.name()
                    + " is " + definition.kind());
        }
        return new RemoteSessionConnection(definition, secrets, probeInterval);
    }
}
