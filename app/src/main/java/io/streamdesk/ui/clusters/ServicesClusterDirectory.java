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
    public List<io.streamdesk.model.cluster.KubeconfigContext> contexts(java.nio.file.Path kubeconfigOrNull) {
        return s().kubeconfig().contexts(kubeconfigOrNull);
    }

    @Override
    public Optional<String> currentContext(java.nio.file.Path kubeconfigOrNull) {
        return s().kubeconfig().currentContext(kubeconfigOrNull);
    }

    @Override
    public ClusterDefinition addKubernetes(String name, io.streamdesk.model.cluster.KubernetesSpec spec,
                                           RemoteEndpoint restOverrideOrNull, String savepointDirectory) {
        return s().clusters().addKubernetes(name, spec, restOverrideOrNull, savepointDirectory);
    }

    @Override
    public ClusterDefinition updateKubernetes(String id, String name, io.streamdesk.model.cluster.KubernetesSpec spec,
                                              RemoteEndpoint restOverrideOrNull, String savepointDirectory) {
        return s().clusters().updateKubernetes(id, name, spec, restOverrideOrNull, savepointDirectory);
    }

    @Override
    public io.streamdesk.model.cluster.StateSources sources(String clusterId) {
        return s().clusters().sources(clusterId);
    }

    @Override
    public Optional<io.streamdesk.model.cluster.KubernetesSpec> deployedSpec(String clusterId) {
        return s().clusterDeployments().spec(clusterId);
    }

    @Override
    public List<Job> jobsThatWillStop(String clusterId) {
        return s().clusterDeployments().jobsThatWillStop(clusterId);
    }

    @Override
    public io.streamdesk.service.ClusterDeployments.Change scaleTaskManagers(String clusterId,
            io.streamdesk.model.cluster.KubernetesSpec.Resources tm) {
        return join(s().clusterDeployments().scale(clusterId, tm));
    }

    @Override
    public io.streamdesk.service.ClusterDeployments.Change suspend(String clusterId) {
        return join(s().clusterDeployments().suspend(clusterId));
    }

    @Override
    public io.streamdesk.service.ClusterDeployments.Change resume(String clusterId) {
        return join(s().clusterDeployments().resume(clusterId));
    }

    @Override
    public io.streamdesk.service.ClusterDeployments.Change delete(String clusterId) {
        return join(s().clusterDeployments().delete(clusterId));
    }

    /** The change's outcome, or its refusal rethrown as itself (so the pane shows its message and fix). */
    private static io.streamdesk.service.ClusterDeployments.Change join(
            java.util.concurrent.CompletableFuture<io.streamdesk.service.ClusterDeployments.Change> change) {
        try {
            return change.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public BatchOperation.JobAction copyTo(String targetClusterId) {
        // a blank folder keeps each job's own folder
        return s().batchActions().copy(null, targetClusterId);
    }
}
