package io.streamdesk.model;

import java.time.Instant;

/**
 * A cluster's observed state: health, REST address when known, the Flink version it reported, since when this
 * health holds, and when the cluster last answered ({@code lastSeen}, null when it never did). {@code detail}
 * explains a failure or an unreachable cluster.
 */
public record ClusterState(String clusterId, ClusterHealth health, String restUrl, String flinkVersion,
                           Instant since, String detail, Instant lastSeen) {

    /** A state without a last-seen time (the cluster has not answered yet). */
    public ClusterState(String clusterId, ClusterHealth health, String restUrl, String flinkVersion, Instant since,
                        String detail) {
        this(clusterId, health, restUrl, flinkVersion, since, detail, null);
    }

    public static ClusterState stopped(String clusterId, Instant now) {
        return new ClusterState(clusterId, ClusterHealth.STOPPED, null, null, now, null);
    }

    public ClusterState withLastSeen(Instant seen) {
        return new ClusterState(clusterId, health, restUrl, flinkVersion, since, detail, seen);
    }

    public ClusterState withDetail(String newDetail) {
        return new ClusterState(clusterId, health, restUrl, flinkVersion, since, newDetail, lastSeen);
    }
}
