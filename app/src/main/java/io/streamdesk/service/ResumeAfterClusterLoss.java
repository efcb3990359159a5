package io.streamdesk.service;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobWarning;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A cluster without high availability (the local child) takes its runs with it when it dies: the reconcile ends
 * them here as {@link #ENDED_WITH_CLUSTER} and, with the setting on, resumes each from its newest completed checkpoint
 * or savepoint through the ordinary run path once the cluster is back. A job that cannot be resumed shows Error with
 * the reason and the fix.
 */
final class ResumeAfterClusterLoss {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeAfterClusterLoss.class);
    /** The end state of a run whose cluster died under it. */
    static final String ENDED_WITH_CLUSTER = "ENDED_WITH_CLUSTER";

    /** What this needs of the run service: its restore points, its save and its run path. */
    interface Runs {
        Optional<CheckpointRecord> latestRestorePoint(JobId id);

        Job save(Job job);

        Job run(JobId id, int version, RestoreChoice restore);
    }

    private record Pending(JobId id, String clusterId, int version, String location) {
    }

    private final Runs service;
    private final JobStore jobs;
    private final RunStore runs;
    private final EventStore events;
    private final ClusterService clusters;
    private final Clock clock;
    private final Map<JobId, Pending> pending = new ConcurrentHashMap<>();
    /** Resumes wait for the cluster and the tasks: off the reconcile's thread, one at a time. */
    private final ExecutorService resumer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "streamdesk-resume");
        t.setDaemon(true);
        return t;
    });

    ResumeAfterClusterLoss(Runs service, JobStore jobs, RunStore runs, EventStore events, ClusterService clusters,
                           Clock clock) {
        this.service = service;
        this.jobs = jobs;
        this.runs = runs;
        this.events = events;
        this.clusters = clusters;
        this.clock = clock;
    }

    /** Ends the live run of a job whose cluster lost its jobs; plans its resume or says why there is none. */
    Job endWithCluster(Job job, JobRun run) {
        Instant ended = clock.instant();
        String reason = clusters.jobsLostReason(job.clusterId());
        runs.endRun(job.id(), run.instance(), ENDED_WITH_CLUSTER, ended);
        clusters.jobStates().forget(job.id());
        String message = "Run " + run.instance() + " (Flink job " + run.flinkJobId() + ") ended with the cluster: "
                + reason;
        events.add(job.id(), run.instance(), EventKind.JOB_ENDED_WITH_CLUSTER, ended, message);
        Optional<CheckpointRecord> point = service.latestRestorePoint(job.id());
        Job stopped = job.stopped(JobStatus.STOPPED, ended);
        if (!clusters.resumeJobsAfterRestart()) {
            return service.save(stopped.withStatus(JobStatus.ERROR).withWarning(new JobWarning("Run", message + ".",
                    point.isPresent() ? "Run it from its latest checkpoint or savepoint. To have StreamDesk do that by"
                            + " itself, turn on \"Resume jobs after a cluster restart\"."
                            : "Run it again. So that it can resume next time, set execution.checkpointing.interval"
                            + " (e.g. 60 s) in its parameters.", ended)));
        }
        if (point.isEmpty()) {
            return service.save(stopped.withStatus(JobStatus.ERROR).withWarning(new JobWarning("Run", message
                    + ". It cannot be resumed: it has no completed checkpoint or savepoint.",
                    "Run it again (fresh). So that it can resume next time, set execution.checkpointing.interval"
                            + " (e.g. 60 s) in its parameters.", ended)));
        }
        pending.put(job.id(), new Pending(job.id(), job.clusterId(), run.version(), point.get().location()));
        clusters.jobStates().markAwaitingResume(job.id(), true);
        LOG.warn("{}; it resumes from {} once the cluster is back", message, point.get().location());
        return service.save(stopped.withWarning(new JobWarning("Run", message + ". It resumes from "
                + point.get().location() + " once the cluster is back.", null, ended)));
    }

    /**
     * The resumes planned before this process started: the app quit (or died) while a cluster was down, so its plan
     * was lost with it. A job whose newest run ended with its cluster, still Stopped and with a restore point, is
     * planned again and resumes once its cluster runs, as its warning says. Returns the jobs planned.
     */
    List<JobId> planResumesLeftByEarlierProcess() {
        if (!clusters.resumeJobsAfterRestart()) {
            return List.of();
        }
        List<JobId> planned = new java.util.ArrayList<>();
        for (Job job : jobs.list()) {
            if (job.status() != JobStatus.STOPPED || job.onlineVersion() != null || pending.containsKey(job.id())) {
                continue;
            }
            List<JobRun> history = runs.listRuns(job.id()); // newest first
            if (history.isEmpty() || !ENDED_WITH_CLUSTER.equals(history.get(0).endState())) {
                continue;
            }
            Optional<CheckpointRecord> point = service.latestRestorePoint(job.id());
            if (point.isPresent()) {
                pending.put(job.id(), new Pending(job.id(), job.clusterId(), history.get(0).version(),
                        point.get().location()));
                clusters.jobStates().markAwaitingResume(job.id(), true);
                planned.add(job.id());
                LOG.info("{} ended with its cluster before this start; it resumes from {} once the cluster runs",
                        job.id(), point.get().location());
            }
        }
        return planned;
    }

    /** Starts the resumes of the jobs whose cluster runs again (on the resume thread). */
    void resumeWhereClusterIsBack() {
        for (Pending p : List.copyOf(pending.values())) {
            if (clusters.state(p.clusterId()).health() == ClusterHealth.RUNNING && pending.remove(p.id(), p)) {
                resumer.execute(() -> resume(p));
            }
        }
    }

    private void resume(Pending p) {
        try {
            Optional<Job> now = jobs.find(p.id());
            if (now.isEmpty() || now.get().status() != JobStatus.STOPPED || now.get().onlineVersion() != null) {
                LOG.info("Not resuming {}: the user changed it meanwhile ({})", p.id(),
                        now.map(j -> j.status().label()).orElse("deleted"));
                return;
            }
            service.run(p.id(), p.version(), RestoreChoice.path(p.location()));
            LOG.info("Resumed {} v{} from {} after its cluster restarted", p.id(), p.version(), p.location());
        } catch (RuntimeException e) {
            String fix = e instanceof OperationFailedException f && f.suggestedFix() != null ? f.suggestedFix()
                    : "Run it again from its latest checkpoint or savepoint, or fresh.";
            LOG.warn("Resuming {} from {} failed: {}", p.id(), p.location(), e.getMessage());
            jobs.find(p.id()).ifPresent(j -> service.save(j.withStatus(JobStatus.ERROR).withWarning(new JobWarning(
                    "Resume", "Could not resume after the cluster restarted (from " + p.location() + "): "
                    + e.getMessage(), fix, clock.instant()))));
        } finally {
            clusters.jobStates().markAwaitingResume(p.id(), false);
        }
    }

    /**
     * Whether Flink is restarting the job: its state says so, or it runs again after a restart but not every task
     * is back yet.
     */
    static boolean restarting(FlinkJobSummary s) {
        return "RESTARTING".equals(s.state()) || "FAILING".equals(s.state());
    }

    /** Running, but not every task is: either still deploying or back from a restart (the count tells which). */
    static boolean maybeRecovering(FlinkJobSummary s) {
        return "RUNNING".equals(s.state()) && s.tasksRunning() < s.tasksTotal();
    }

    /** Flink's {@code numRestarts} job metric; null when the cluster does not tell. */
    static Integer restarts(ClusterGateway gateway, String flinkJobId) {
        try {
            Double n = gateway.jobMetrics(flinkJobId, List.of("numRestarts")).get("numRestarts");
            return n == null ? null : (int) Math.round(n);
        } catch (RuntimeException e) {
            return null; // a gateway without metrics, or a slow answer: "Restarting" without the count
        }
    }
}
