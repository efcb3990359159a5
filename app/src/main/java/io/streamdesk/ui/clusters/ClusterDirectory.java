package io.streamdesk.ui.clusters;

import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.BatchOperation;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import java.util.List;
import java.util.Optional;

/**
 * What the Clusters pane asks of the cluster registry (R4), in one place: the view models call only this, and
 * {@link ServicesClusterDirectory} adapts the services to it. Every method may block (REST calls, the database):
 * the view models call them off the FX thread.
 */
public interface ClusterDirectory {
    /** The local cluster first, then the others oldest first. */
    List<ClusterDefinition> definitions();

    ClusterState state(String clusterId);

    /** Slots and CUs as the cluster reports them; empty when it does not answer. */
    Optional<ClusterCapacity> capacity(String clusterId);

    /** The jobs placed on the cluster. */
    List<Job> jobsOn(String clusterId);

    /** Validates (InputRejectedException naming the field), keeps the password in the secret store, registers. */
    ClusterDefinition addRemote(String name, RemoteEndpoint endpoint, String passwordOrNull, String savepointDirOrNull);

    /** As {@link #addRemote}; a null password keeps the stored one. */
    ClusterDefinition updateRemote(String id, String name, RemoteEndpoint endpoint, String passwordOrNullToKeep,
                                   String savepointDirOrNull);

    /**
     * Stops the jobs running on it with savepoints, then removes it; refused (with the job names) while a job on it
     * operates or cannot be stopped with a savepoint. The local cluster cannot be removed.
     */
    String remove(String clusterId);

    /** The cluster's own REST URL when {@code hostPortOrNull} is null, else that host[:port]. */
    ConnectivityReport testConnectivity(String clusterId, String hostPortOrNull);

    /**
     * Scales a cluster the app runs (the local one) to {@code slots}: refused below the slots running jobs use or
     * while a job operates; running jobs are stopped with savepoints and resumed from them. Blocks for a minute or so.
     */
    io.streamdesk.service.ClusterScaler.ScaleReport scale(String clusterId, int slots);

    // ---- Kubernetes clusters (R3) ----

    /** The contexts of a kubeconfig file (null: the default one); fails naming the file. Reads the file only. */
    List<io.streamdesk.model.cluster.KubeconfigContext> contexts(java.nio.file.Path kubeconfigOrNull);

    /** The kubeconfig's current context, if it names one. */
    Optional<String> currentContext(java.nio.file.Path kubeconfigOrNull);

    /** Validates (InputRejectedException naming the field), stores, connects: the FlinkDeployment is created. */
    ClusterDefinition addKubernetes(String name, io.streamdesk.model.cluster.KubernetesSpec spec,
                                    RemoteEndpoint restOverrideOrNull, String savepointDirectory);

    ClusterDefinition updateKubernetes(String id, String name, io.streamdesk.model.cluster.KubernetesSpec spec,
                                       RemoteEndpoint restOverrideOrNull, String savepointDirectory);

    /** What each source said about the cluster (operator, Flink REST), marked when they disagree; none for one. */
    io.streamdesk.model.cluster.StateSources sources(String clusterId);

    /** The spec the deployment was last written with (after a scale); empty for clusters without a deployment. */
    Optional<io.streamdesk.model.cluster.KubernetesSpec> deployedSpec(String clusterId);

    /** The jobs a suspend or delete stops with a savepoint first. */
    List<Job> jobsThatWillStop(String clusterId);

    /** Scales the TaskManagers; refused below the slots running jobs use (naming them). Blocks until accepted. */
    io.streamdesk.service.ClusterDeployments.Change scaleTaskManagers(String clusterId,
                                                                      io.streamdesk.model.cluster.KubernetesSpec.Resources tm);

    /** Stops the running jobs with savepoints, then suspends. Blocks until accepted. */
    io.streamdesk.service.ClusterDeployments.Change suspend(String clusterId);

    io.streamdesk.service.ClusterDeployments.Change resume(String clusterId);

    /** Stops the running jobs with savepoints, deletes the FlinkDeployment and removes the cluster. */
    io.streamdesk.service.ClusterDeployments.Change delete(String clusterId);

    /** A batch action copying each job to {@code targetClusterId} by the copy rules (J6), in its own folder. */
    BatchOperation.JobAction copyTo(String targetClusterId);
}
