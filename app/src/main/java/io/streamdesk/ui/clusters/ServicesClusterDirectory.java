package io.streamdesk.ui.clusters;

import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.BatchOperation;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.Services;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import io.streamdesk.service.port.ClusterConnection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ClusterDirectory} over the app's services (the cluster registry, job config, batch actions). */
public final class ServicesClusterDirectory implements ClusterDirectory {
    private final Supplier<Services> services;

    public ServicesClusterDirectory(Supplier<Services> services) {
        this.services = services;
    }

    private Services s() {
        Services s = services.get();
        if (s == null) {
            throw new IllegalStateException("The data is not open yet.");
        }
        return s;
    }

    @Override
    public List<ClusterDefinition> definitions() {
        // TODO(registry): services.clusters().definitions()
        return s().clusters().profiles().stream().map(p -> new ClusterDefinition(p.id(), p.name(),
                ClusterConnection.DEFAULT_CLUSTER_ID.equals(p.id()) ? ClusterKind.LOCAL : ClusterKind.REMOTE_SESSION,
                ClusterConnection.DEFAULT_CLUSTER_ID.equals(p.id()) ? null : RemoteEndpoint.of("http://unknown"),
                null, Instant.EPOCH)).toList();
    }

    @Override
    public ClusterState state(String clusterId) {
        return s().clusters().state(clusterId);
    }

    @Override
    public Optional<ClusterCapacity> capacity(String clusterId) {
        return s().jobConfig().capacity(clusterId, null);
    }

    @Override
    public List<Job> jobsOn(String clusterId) {
        return s().jobs().list().stream().filter(j -> clusterId.equals(j.clusterId())).toList();
    }

    @Override
    public ClusterDefinition addRemote(String name, RemoteEndpoint endpoint, String passwordOrNull,
                                       String savepointDirOrNull) {
        throw missing();
    }

    @Override
    public ClusterDefinition updateRemote(String id, String name, RemoteEndpoint endpoint, String passwordOrNullToKeep,
                                          String savepointDirOrNull) {
        throw missing();
    }

    @Override
    public void remove(String clusterId) {
        throw missing();
    }

    @Override
    public ConnectivityReport testConnectivity(String clusterId, String hostPortOrNull) {
        throw missing();
    }

    @Override
    public BatchOperation.JobAction copyTo(String targetClusterId) {
        // a blank folder keeps each job's own folder
        return s().batchActions().copy(null, targetClusterId);
    }

    private static OperationFailedException missing() {
        return new OperationFailedException("This StreamDesk build has no cluster registry yet.", null);
    }
}
