package io.streamdesk.service;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.service.port.ClusterDeployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Changes to a cluster the app deploys through an orchestrator (R3, R4): a Kubernetes FlinkDeployment's TaskManagers
 * scaled (never below the task slots running jobs use), the deployment suspended, resumed, or deleted. Suspending and
 * deleting stop the cluster's running jobs with savepoints first (into the cluster's savepoint directory, which its
 * pods can write), so they can run again from them; a job that cannot be stopped that way makes the change refuse.
 * Each method checks and stops jobs on the caller's thread (call it off the FX thread) and returns the change's
 * future: it completes once the API server accepted the change; the operator's lifecycle state and error then show in
 * the cluster's sources until it settles. Refusals complete the future exceptionally with an
 * {@link OperationFailedException} or {@link InputRejectedException} naming the jobs or the field.
 */
public final class ClusterDeployments {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDeployments.class);

    /** What a change did, for the pane and the CLI. */
    public record Change(String clusterId, String clusterName, String what, List<String> stopped) {
        public Change {
            stopped = List.copyOf(stopped);
        }

        public String text() {
            return what + (stopped.isEmpty() ? "" : " Stopped with a savepoint first: " + String.join("; ", stopped) + ".");
        }
    }

    private final ClusterService clusters;
    private final RunService runs;

    public ClusterDeployments(ClusterService clusters, RunService runs) {
        this.clusters = clusters;
        this.runs = runs;
    }

    /** Null when the cluster has a deployment the app owns; else why not, in words. */
    public String refusal(String clusterId) {
        if (clusters.deployment(clusterId).isPresent()) {
            return null;
        }
        String kind = clusters.definition(clusterId).map(d -> d.kind().label().toLowerCase(java.util.Locale.ROOT))
                .orElse(null);
        if (kind == null) {
            return "No cluster with ID '" + clusterId + "'; `cluster list` shows the clusters.";
        }
        if (clusters.definition(clusterId).get().kind() == io.streamdesk.model.cluster.ClusterKind.KUBERNETES) {
            return "The Kubernetes cluster '" + name(clusterId) + "' is not connected, so its FlinkDeployment cannot be"
                    + " changed now: " + clusters.state(clusterId).detail();
        }
        return "'" + name(clusterId) + "' is a " + kind + " cluster: it has no deployment StreamDesk can scale,"
                + " suspend or delete (only Kubernetes clusters have one).";
    }

    /** The spec the deployment was last written with; empty without a deployment. */
    public Optional<KubernetesSpec> spec(String clusterId) {
        return clusters.deployment(clusterId).map(ClusterDeployment::spec);
    }

    /** The jobs a suspend or delete stops (running on the cluster now), for the confirmation. */
    public List<Job> jobsThatWillStop(String clusterId) {
        return clusters.jobsOn(clusterId).stream().filter(ClusterDeployments::running).toList();
    }

    /** The task slots running jobs use now, as the cluster reports them; -1 when it does not answer. */
    public int slotsInUse(String clusterId) {
        if (clusters.state(clusterId).health() != ClusterHealth.RUNNING) {
            return -1;
        }
        try {
            var o = clusters.currentGateway(clusterId).overview();
            return Math.max(0, o.slotsTotal() - o.slotsAvailable());
        } catch (RuntimeException e) {
            LOG.debug("No overview of {}", clusterId, e);
            return -1;
        }
    }

    /**
     * Scales the TaskManagers to {@code taskManager} (replicas, cpu, memory). Refused below the slots running jobs use
     * (replicas x task slots), and, while the cluster does not answer, below the slots it has now when jobs run.
     */
    public CompletableFuture<Change> scale(String clusterId, KubernetesSpec.Resources taskManager) {
        try {
            ClusterDeployment deployment = deployment(clusterId);
            KubernetesSpec now = deployment.spec();
            KubernetesSpec next = now.withTaskManager(taskManager);
            List<String> problems = next.problems().stream().filter(p -> p.startsWith("TaskManager")).toList();
            if (!problems.isEmpty()) {
                throw new InputRejectedException(problems.get(0));
            }
            int slots = taskManager.replicas() * now.taskSlots();
            List<Job> running = jobsThatWillStop(clusterId);
            int used = slotsInUse(clusterId);
            int current = now.taskManager().replicas() * now.taskSlots();
            if (used < 0 && !running.isEmpty() && slots < current) {
                throw new OperationFailedException("Scaling '" + name(clusterId) + "' in is refused while it does not"
                        + " answer: the task slots " + names(running) + " use are unknown.",
                        "Wait until the cluster answers again, or scale to at least " + now.taskManager().replicas()
                                + " TaskManagers.");
            }
            if (used > 0 && slots < used) {
                int least = (used + now.taskSlots() - 1) / now.taskSlots();
                throw new OperationFailedException("Running jobs use " + used + " task slot" + (used == 1 ? "" : "s")
                        + " (" + names(running) + "): " + taskManager.replicas() + " TaskManager"
                        + (taskManager.replicas() == 1 ? "" : "s") + " x " + now.taskSlots() + " slots = " + slots
                        + " is below that.", "Keep at least " + least + " TaskManager" + (least == 1 ? "" : "s")
                        + ", or stop jobs first.");
            }
            String what = "Scaling '" + name(clusterId) + "' to " + taskManager.replicas() + " TaskManager"
                    + (taskManager.replicas() == 1 ? "" : "s") + " (" + cpu(taskManager.cpu()) + " CPU, "
                    + taskManager.memory() + " each, " + slots + " task slots): accepted; the operator applies it.";
            LOG.info("Scaling the TaskManagers of cluster {} to {}", clusterId, taskManager);
            return deployment.scaleTaskManagers(taskManager).thenApply(v -> {
                clusters.rememberKubernetesSpec(clusterId, next);
                return new Change(clusterId, name(clusterId), what, List.of());
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stops the running jobs with savepoints, then suspends the deployment (its pods go away). */
    public CompletableFuture<Change> suspend(String clusterId) {
        try {
            ClusterDeployment deployment = deployment(clusterId);
            List<String> stopped = stopRunningJobs(clusterId, "suspended");
            String what = "Suspending '" + name(clusterId) + "': accepted; the operator removes its pods. Resume brings"
                    + " it back; run the jobs again from their savepoints.";
            return deployment.suspend().thenApply(v -> new Change(clusterId, name(clusterId), what, stopped));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Resumes a suspended deployment (jobs are not started by it: run them from their savepoints). */
    public CompletableFuture<Change> resume(String clusterId) {
        try {
            ClusterDeployment deployment = deployment(clusterId);
            String what = "Resuming '" + name(clusterId) + "': accepted; the operator starts its JobManager and"
                    + " TaskManagers.";
            return deployment.resume().thenApply(v -> new Change(clusterId, name(clusterId), what, List.of()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Stops the running jobs with savepoints, deletes the FlinkDeployment (the operator removes its pods and services)
     * and removes the cluster from StreamDesk as {@link ClusterService#remove} does; jobs placed on it stay.
     */
    public CompletableFuture<Change> delete(String clusterId) {
        try {
            ClusterDeployment deployment = deployment(clusterId);
            String name = name(clusterId);
            List<Job> operating = clusters.jobsOn(clusterId).stream().filter(j -> j.status() == JobStatus.OPERATING)
                    .toList();
            if (!operating.isEmpty()) {
                throw new OperationFailedException("'" + name + "' was not deleted: an operation is in flight on "
                        + names(operating) + ".", "Wait until the job leaves Operating, then delete the cluster.");
            }
            List<String> stopped = stopRunningJobs(clusterId, "deleted");
            String what = "Deleted the FlinkDeployment of '" + name + "' and removed the cluster from StreamDesk.";
            return deployment.delete().thenApply(v -> {
                clusters.remove(clusterId);
                LOG.info("Deleted the FlinkDeployment of cluster {} '{}'", clusterId, name);
                return new Change(clusterId, name, what, stopped);
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ClusterDeployment deployment(String clusterId) {
        return clusters.deployment(clusterId).orElseThrow(() -> new OperationFailedException(refusal(clusterId),
                "Scale, suspend or delete it where it runs."));
    }

    private List<String> stopRunningJobs(String clusterId, String action) {
        List<String> stopped = new ArrayList<>();
        for (Job job : jobsThatWillStop(clusterId)) {
            try {
                runs.stop(job.id(), true);
                stopped.add(job.name() + " (" + runs.latestSavepoint(job.id()).map(s -> s.location()).orElse("?") + ")");
            } catch (RuntimeException e) {
                throw new OperationFailedException("'" + name(clusterId) + "' was not " + action + ": " + job.name()
                        + " (" + job.id() + ") could not be stopped with a savepoint: " + e.getMessage()
                        + (stopped.isEmpty() ? "" : " Already stopped with a savepoint: " + String.join("; ", stopped)
                        + "."), "Stop or cancel that job yourself (Stop without savepoint drops its state), then try"
                        + " again.", e);
            }
        }
        return stopped;
    }

    private String name(String clusterId) {
        return clusters.definition(clusterId).map(d -> d.name()).orElse(clusterId);
    }

    private static boolean running(Job j) {
        return j.status() == JobStatus.RUNNING || j.status() == JobStatus.RESTARTING || j.onlineVersion() != null;
    }

    private static String names(List<Job> jobs) {
        return String.join(", ", jobs.stream().limit(20).map(j -> j.name()).toList())
                + (jobs.size() > 20 ? " and " + (jobs.size() - 20) + " more" : "");
    }

    private static String cpu(double cpu) {
        return cpu == Math.rint(cpu) ? Long.toString((long) cpu) : Double.toString(cpu);
    }
}
