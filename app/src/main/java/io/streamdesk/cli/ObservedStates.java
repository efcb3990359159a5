package io.streamdesk.cli;

import io.streamdesk.service.Services;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.ObservedJobState;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@code jobs} and {@code job status} print as a job's state (J4, R6): they first ask the clusters about the
 * running jobs (one reconcile, with the app's timeouts), then print the observed state — never a stored Running the
 * cluster did not confirm just now, but the cluster's state and the last known status with its time.
 */
final class ObservedStates {
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ObservedStates() {
    }

    /** Asks every job's cluster about its run; a cluster that does not answer leaves the state unconfirmed. */
    static void checkClusters(Services services) {
        try {
            services.runs().reconcile();
        } catch (RuntimeException e) {
            // the printed states then say they are not confirmed; the note below says why
        }
    }

    static ObservedJobState of(Services services, Job job) {
        return services.clusters().jobStates().observe(job);
    }

    /**
     * A note under the output when some state is not confirmed: which clusters did not answer and since when, so
     * the reader knows the state printed is the last known one.
     */
    static void printNoteOnUnconfirmed(Services services, Collection<Job> jobs, Collection<ObservedJobState> states,
                                       PrintWriter out) {
        if (states.stream().allMatch(ObservedJobState::confirmed)) {
            return;
        }
        Set<String> clusterIds = new LinkedHashSet<>();
        jobs.forEach(j -> clusterIds.add(j.clusterId()));
        out.println();
        out.println("Note: a state that is not confirmed by its cluster is the last one known, with the time it was seen.");
        for (String id : clusterIds) {
            ClusterState c = services.clusters().state(id);
            if (c.health() == ClusterHealth.RUNNING) {
                continue;
            }
            out.println("Cluster " + id + ": " + c.health().label()
                    + (c.lastSeen() == null ? "" : ", last answered " + SEEN.format(c.lastSeen().atZone(ZoneId.systemDefault())))
                    + (c.detail() == null ? "" : " — " + c.detail()));
        }
    }
}
