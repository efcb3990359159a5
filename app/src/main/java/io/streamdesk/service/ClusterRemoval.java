package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Removing a cluster from StreamDesk (R4 "terminate/delete"): the jobs running on it are stopped with a savepoint
 * first (the confirmation lists them), then the registry forgets the cluster and its stored password. It is refused,
 * with nothing removed, when a job on it has an operation in flight or cannot be stopped with a savepoint; jobs it
 * stopped before such a refusal stay stopped with their savepoints, and the message says which.
 */
public final class ClusterRemoval {
    /** What a removal did: the jobs stopped with a savepoint (name and location). */
    public record Report(String clusterName, List<String> stopped) {
        public Report {
            stopped = List.copyOf(stopped);
        }

        public String text() {
            return "Removed cluster \u201c" + clusterName + "\u201d." + (stopped.isEmpty() ? ""
                    : " Stopped with a savepoint: " + String.join("; ", stopped) + ".");
        }
    }

    private final ClusterService clusters;
    private final RunService runs;

    public ClusterRemoval(ClusterService clusters, RunService runs) {
        this.clusters = clusters;
        this.runs = runs;
    }

    /** The jobs a removal stops (running on the cluster now), for the confirmation. */
    public List<Job> jobsThatWillStop(String clusterId) {
        return clusters.jobsOn(clusterId).stream().filter(ClusterRemoval::running).toList();
    }

    /** Stops the cluster's running jobs with savepoints, then removes it. Throws when refused (see the class). */
    public Report remove(String clusterId) {
        String name = clusters.definition(clusterId).map(d -> d.name()).orElse(clusterId);
        if (io.streamdesk.service.port.ClusterConnection.DEFAULT_CLUSTER_ID.equals(clusterId)) {
            clusters.remove(clusterId); // refuses with the registry's words
        }
        List<Job> operating = clusters.jobsOn(clusterId).stream().filter(j -> j.status() == JobStatus.OPERATING).toList();
        if (!operating.isEmpty()) {
            throw new OperationFailedException("The cluster '" + name + "' was not removed: an operation is in flight"
                    + " on " + names(operating) + ".", "Wait until the job leaves Operating, then remove the cluster.");
        }
        List<String> stopped = new ArrayList<>();
        for (Job job : jobsThatWillStop(clusterId)) {
            try {
                runs.stop(job.id(), true);
                stopped.add(job.name() + " (" + runs.latestSavepoint(job.id()).map(s -> s.location()).orElse("?") + ")");
            } catch (RuntimeException e) {
                throw new OperationFailedException("The cluster '" + name + "' was not removed: " + job.name() + " ("
                        + job.id() + ") could not be stopped with a savepoint: " + e.getMessage()
                        + (stopped.isEmpty() ? "" : " Already stopped with a savepoint: " + String.join("; ", stopped) + "."),
                        "Stop or cancel that job yourself (Stop without savepoint drops its state), then remove the cluster.",
                        e);
            }
        }
        clusters.remove(clusterId);
        return new Report(name, stopped);
    }

    private static boolean running(Job j) {
        return j.status() == JobStatus.RUNNING || j.status() == JobStatus.RESTARTING || j.onlineVersion() != null;
    }

    private static String names(List<Job> jobs) {
        return String.join(", ", jobs.stream().limit(20).map(j -> j.name() + " (" + j.id() + ")").toList())
                + (jobs.size() > 20 ? " and " + (jobs.size() - 20) + " more" : "");
    }
}
