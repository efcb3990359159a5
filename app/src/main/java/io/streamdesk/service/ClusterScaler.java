package io.streamdesk.service;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.service.port.ClusterScaling;
import io.streamdesk.service.port.ClusterStatusReader.ClusterOverview;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scales a cluster the app runs (R4 "scale out/in"): the local cluster's task slots. It never goes below the slots
 * running jobs use, and since the local cluster has no HA its running jobs are stopped with savepoints, the cluster
 * restarts with the new count, and each job runs again (the version that ran) from the savepoint it just took.
 */
public final class ClusterScaler {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterScaler.class);
    /** The local cluster's task slots, read when the app starts its child. */
    public static final String TASK_SLOTS_SETTING = "clusters.local.task-slots";
    public static final int DEFAULT_TASK_SLOTS = 4;
    static final Duration CLUSTER_WAIT = Duration.ofSeconds(90);

    /** What happened to one job that ran on the cluster. */
    public record JobOutcome(JobId id, String name, boolean resumed, String text) {
    }

    /** The result of a scale: the slots before and after and what happened to each running job. */
    public record ScaleReport(String clusterId, int slotsBefore, int slotsAfter, List<JobOutcome> jobs) {
        public ScaleReport {
            jobs = List.copyOf(jobs);
        }

        /** One line per job after a headline, for the pane and the CLI. */
        public String text() {
            StringBuilder b = new StringBuilder(slotsBefore == slotsAfter
                    ? "The cluster already has " + slotsAfter + " task slots; nothing changed."
                    : "Scaled from " + slotsBefore + " to " + slotsAfter + " task slots.");
            for (JobOutcome j : jobs) {
                b.append('\n').append(j.name()).append(": ").append(j.text());
            }
            return b.toString();
        }
    }

    /** What scaling needs of the run service: stop with a savepoint, the savepoints, run from a path. */
    interface Runs {
        Job stop(JobId id, boolean withSavepoint);

        Optional<SavepointRecord> latestSavepoint(JobId id);

        Job run(JobId id, int version, RestoreChoice restore);
    }

    private final ClusterService clusters;
    private final JobStore jobs;
    private final Runs runs;
    private final SettingsStore settings;

    ClusterScaler(ClusterService clusters, JobStore jobs, Runs runs, SettingsStore settings) {
        this.clusters = clusters;
        this.jobs = jobs;
        this.runs = runs;
        this.settings = settings;
    }

    public static ClusterScaler over(ClusterService clusters, JobStore jobs, RunService runs, SettingsStore settings) {
        return new ClusterScaler(clusters, jobs, new Runs() {
            @Override
            public Job stop(JobId id, boolean withSavepoint) {
                return runs.stop(id, withSavepoint);
            }

            @Override
            public Optional<SavepointRecord> latestSavepoint(JobId id) {
                return runs.latestSavepoint(id);
            }

            @Override
            public Job run(JobId id, int version, RestoreChoice restore) {
                return runs.run(id, version, restore);
            }
        }, settings);
    }

    /** The configured slots of the local cluster (the setting, 4 when unset or out of range). */
    public static int configuredSlots(SettingsStore settings) {
        try {
            int slots = settings.get(TASK_SLOTS_SETTING).map(String::strip).map(Integer::parseInt).orElse(DEFAULT_TASK_SLOTS);
            return slots >= ClusterScaling.MIN_SLOTS && slots <= ClusterScaling.MAX_SLOTS ? slots : DEFAULT_TASK_SLOTS;
        } catch (NumberFormatException e) {
            return DEFAULT_TASK_SLOTS;
        }
    }

    /** Null when the cluster can be scaled here; else why not. */
    public String refusal(String clusterId) {
        return clusters.scaling(clusterId).isPresent() ? null
                : "This cluster's TaskManagers are managed outside StreamDesk: scale it where it runs.";
    }

    /** The slots the cluster has now: what its /overview reports when it runs, else the configured count. */
    public int currentSlots(String clusterId) {
        ClusterScaling scaling = scaling(clusterId);
        return overview(clusterId).map(ClusterOverview::slotsTotal).orElse(scaling.taskSlots());
    }

    /** The slots running jobs use now (0 when the cluster does not run): the least a scale can go to. */
    public int slotsInUse(String clusterId) {
        return overview(clusterId).map(o -> Math.max(0, o.slotsTotal() - o.slotsAvailable())).orElse(0);
    }

    /**
     * Scales the cluster to {@code slots}. Blocks (stops, restart, runs): call it off the FX thread.
     *
     * @throws InputRejectedException   for a count outside 1..64
     * @throws OperationFailedException when it refuses (below the slots in use, a job operating, a job that cannot be
     *                                  stopped with a savepoint) or the cluster does not come back
     */
    public ScaleReport scale(String clusterId, int slots) {
        ClusterScaling scaling = scaling(clusterId);
        if (slots < ClusterScaling.MIN_SLOTS || slots > ClusterScaling.MAX_SLOTS) {
            throw new InputRejectedException("Task slots: " + slots + " is outside " + ClusterScaling.MIN_SLOTS + ".."
                    + ClusterScaling.MAX_SLOTS + ".");
        }
        List<Job> onCluster = jobs.list().stream().filter(j -> clusterId.equals(j.clusterId())).toList();
        List<Job> operating = onCluster.stream().filter(j -> j.status() == JobStatus.OPERATING).toList();
        if (!operating.isEmpty()) {
            throw new OperationFailedException("Scaling is refused while " + names(operating)
                    + (operating.size() == 1 ? " has" : " have") + " an operation in flight.",
                    "Wait until the operation ends, then scale again.");
        }
        Optional<ClusterOverview> overview = overview(clusterId);
        int before = overview.map(ClusterOverview::slotsTotal).orElse(scaling.taskSlots());
        int used = overview.map(o -> Math.max(0, o.slotsTotal() - o.slotsAvailable())).orElse(0);
        if (slots < used) {
            throw new OperationFailedException("Running jobs use " + used + " task slot" + (used == 1 ? "" : "s")
                    + ": the cluster cannot go down to " + slots + ".",
                    "Scale to at least " + used + " slots, or stop jobs first.");
        }
        List<Job> running = onCluster.stream().filter(j -> j.onlineVersion() != null
                && (j.status() == JobStatus.RUNNING || j.status() == JobStatus.RESTARTING)).toList();
        if (slots == before && scaling.taskSlots() == slots) {
            return new ScaleReport(clusterId, before, slots, List.of());
        }
        // 1. every running job stops with a savepoint; one that cannot makes the scale refuse (the others resume)
        List<Stopped> stopped = new ArrayList<>();
        for (Job job : running) {
            int version = job.onlineVersion();
            try {
                Job after = runs.stop(job.id(), true);
                SavepointRecord sp = runs.latestSavepoint(job.id())
                        .filter(s -> s.runInstance() == job.runInstance() && s.location() != null)
                        .orElseThrow(() -> new OperationFailedException("no savepoint of its run was recorded",
                                "Take a savepoint by hand, then scale again."));
                stopped.add(new Stopped(after, version, sp.location()));
            } catch (RuntimeException e) {
                List<JobOutcome> back = resume(stopped);
                throw new OperationFailedException("Scaling refused: the job " + job.name() + " could not be stopped"
                        + " with a savepoint (" + message(e) + "). The cluster was not restarted"
                        + (back.isEmpty() ? "." : "; jobs stopped before it: " + back.stream()
                        .map(o -> o.name() + " " + o.text()).reduce((a, b) -> a + "; " + b).orElse("") + "."),
                        "Fix the job's savepoints (see its events), or stop it yourself, then scale again.", e);
            }
        }
        // 2. the cluster restarts with the new count
        settings.put(TASK_SLOTS_SETTING, Integer.toString(slots));
        clusters.scaleTo(clusterId, slots);
        try {
            clusters.readyGateway(clusterId, CLUSTER_WAIT);
        } catch (RuntimeException e) {
            List<JobOutcome> lost = stopped.stream().map(s -> new JobOutcome(s.job.id(), s.job.name(), false,
                    "stopped with the savepoint " + s.location + "; not resumed (the cluster did not come back)")).toList();
            throw new OperationFailedException("The cluster did not come back with " + slots + " slots: " + message(e)
                    + (lost.isEmpty() ? "" : " Jobs stopped: " + lost.stream().map(o -> o.name() + " " + o.text())
                    .reduce((a, b) -> a + "; " + b).orElse("")),
                    "Look at the cluster's log; run the jobs from their latest savepoint once it runs.", e);
        }
        // 3. each job runs again from its savepoint
        LOG.info("Scaled cluster {} from {} to {} task slots; resuming {} job(s)", clusterId, before, slots, stopped.size());
        return new ScaleReport(clusterId, before, slots, resume(stopped));
    }

    private record Stopped(Job job, int version, String location) {
    }

    private List<JobOutcome> resume(List<Stopped> stopped) {
        List<JobOutcome> outcomes = new ArrayList<>();
        for (Stopped s : stopped) {
            try {
                runs.run(s.job.id(), s.version, RestoreChoice.path(s.location));
                outcomes.add(new JobOutcome(s.job.id(), s.job.name(), true,
                        "resumed version " + s.version + " from the savepoint " + s.location));
            } catch (RuntimeException e) {
                outcomes.add(new JobOutcome(s.job.id(), s.job.name(), false,
                        "stopped with the savepoint " + s.location + ", but running it again failed: " + message(e)));
            }
        }
        return outcomes;
    }

    private ClusterScaling scaling(String clusterId) {
        return clusters.scaling(clusterId).orElseThrow(() -> new OperationFailedException(
                "This cluster's TaskManagers are managed outside StreamDesk.", "Scale it where it runs."));
    }

    private Optional<ClusterOverview> overview(String clusterId) {
        if (clusters.state(clusterId).health() != ClusterHealth.RUNNING) {
            return Optional.empty();
        }
        try {
            return Optional.of(clusters.currentGateway(clusterId).overview());
        } catch (RuntimeException e) {
            LOG.debug("No overview of {}", clusterId, e);
            return Optional.empty();
        }
    }

    private static String names(List<Job> jobs) {
        return String.join(", ", jobs.stream().limit(20).map(j -> "\u201c" + j.name() + "\u201d").toList());
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
