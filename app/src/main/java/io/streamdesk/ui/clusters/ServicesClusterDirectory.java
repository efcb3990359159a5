package io.streamdesk.ui.clusters;

import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.BatchOperation;
import io.streamdesk.service.Services;
import io.streamdesk.service.jobconfig.ClusterCapacity;
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
        return s().clusters().definitions();
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
        return s().clusters().jobsOn(clusterId);
    }

    @Override
    public ClusterDefinition addRemote(String name, RemoteEndpoint endpoint, String passwordOrNull,
                                       String savepointDirOrNull) {
        return s().clusters().addRemote(name, endpoint, passwordOrNull, savepointDirOrNull);
    }

    @Override
    public ClusterDefinition updateRemote(String id, String name, RemoteEndpoint endpoint, String passwordOrNullToKeep,
                                          String savepointDirOrNull) {
        return s().clusters().updateRemote(id, name, endpoint, passwordOrNullToKeep, savepointDirOrNull);
    }

    @Override
    public String remove(String clusterId) {
        return s().clusterRemoval().remove(clusterId).text();
    }

    @Override
    public ConnectivityReport testConnectivity(String clusterId, String hostPortOrNull) {
        return s().clusters().testConnectivity(clusterId, hostPortOrNull);
    }

    @Override
    public io.streamdesk.service.ClusterScaler.ScaleReport scale(String clusterId, int slots) {
        return s().scaler().scale(clusterId, slots);
    }

    @Override
    public BatchOperation.JobAction copyTo(String targetClusterId) {
        // a blank folder keeps each job's own folder
        return s().batchActions().copy(null, targetClusterId);
    }
}
