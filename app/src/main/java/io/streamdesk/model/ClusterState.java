package io.streamdesk.model;

import java.time.Instant;

/**
 * A cluster's observed state: health, REST address when known, the Flink version it reported, and since when
 * this health holds. {@code detail} explains a failure or an unreachable cluster.
 */
public record ClusterState(String clusterId, ClusterHealth health, String restUrl, String flinkVersion,
                           Instant since, String detail) {

    public static ClusterState stopped(String clusterId, Instant now) {
        return new ClusterState(clusterId, ClusterHealth.STOPPED, null, null, now, null);
    }
}
