package io.streamdesk.model;

import java.time.Instant;

/**
 * A job's state as shown to the user (J4, R6): derived from the stored status, its cluster's health and when the
 * cluster last confirmed the job's Flink status. Never a plain Running that the cluster did not confirm lately.
 *
 * @param status              the status to show: the confirmed one when {@code confirmed}, else the last known one
 * @param label               what the user reads, e.g. "Running", "Restarting (3 restarts)",
 *                            "Cluster unreachable — last seen Running at 15:17:20"
 * @param confirmed           whether {@code status} is current: confirmed by the cluster within the last poll
 *                            interval plus one probe timeout, or a state the app itself owns (Stopped, Unpublished)
 * @param clusterHealth       the health of the job's cluster
 * @param lastConfirmedStatus what the cluster last said about the job's run (RUNNING or RESTARTING), null if never
 * @param lastSeen            when the cluster said it, null if never
 * @param restarts            how often Flink restarted the run, null when unknown
 */
public record ObservedJobState(JobId jobId, JobStatus status, String label, boolean confirmed,
                               ClusterHealth clusterHealth, JobStatus lastConfirmedStatus, Instant lastSeen,
                               Integer restarts) {
}
