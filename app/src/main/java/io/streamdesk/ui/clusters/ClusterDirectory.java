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

    /** A batch action copying each job to {@code targetClusterId} by the copy rules (J6), in its own folder. */
    BatchOperation.JobAction copyTo(String targetClusterId);
}
