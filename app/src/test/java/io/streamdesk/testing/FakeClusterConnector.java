package io.streamdesk.testing;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterConnector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Connects remote session definitions as {@link FakeRemoteCluster}s and keeps them for the test to look at. */
public final class FakeClusterConnector implements ClusterConnector {
    public final List<FakeRemoteCluster> made = new CopyOnWriteArrayList<>();
    /** When set, {@link #connect} refuses with this message, as the real one does for an unusable CA file. */
    public volatile String refusal;

    @Override
    public boolean handles(ClusterDefinition definition) {
        return definition.kind() == ClusterKind.REMOTE_SESSION;
    }

    @Override
    public ClusterConnection connect(ClusterDefinition definition, SecretReader secrets) {
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        String password = definition.endpoint().passwordSecretId() == null ? null
                : secrets.read(definition.endpoint().passwordSecretId());
        FakeRemoteCluster c = new FakeRemoteCluster(definition, password);
        made.add(c);
        return c;
    }

    /** The latest connection made for {@code clusterId}. */
    public FakeRemoteCluster last(String clusterId) {
        for (int i = made.size() - 1; i >= 0; i--) {
            if (made.get(i).id().equals(clusterId)) {
                return made.get(i);
            }
        }
        throw new AssertionError("No connection made for " + clusterId);
    }
}
