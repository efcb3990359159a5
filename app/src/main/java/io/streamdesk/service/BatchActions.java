package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.LogLevel;

import java.util.List;
import java.util.Optional;

/**
 * The batch operations of the job list (J5): Run, Stop, Create copy, Change log level, each a
 * {@link BatchOperation.JobAction}. A job the action does not fit (Stop on a stopped job) fails with the reason
 * before anything is sent to the cluster, so it gets no warning of its own.
 */
public final class BatchActions {
    private final JobService jobs;
    private final RunService runs;
    private final io.streamdesk.service.jobconfig.VersionRunService versionRuns;
    private final CopyService copies;
    private final ClusterService clusters;

    /** Runs go through {@code versionRuns}: the same slot and state checks as the Run dialog and the CLI. */
    public BatchActions(JobService jobs, RunService runs, io.streamdesk.service.jobconfig.VersionRunService versionRuns,
                        CopyService copies, ClusterService clusters) {
        this.jobs = jobs;
        this.runs = runs;
        this.versionRuns = versionRuns;
        this.copies = copies;
        this.clusters = clusters;
    }

    /** Runs each job's newest version, fresh or from its latest checkpoint or savepoint. */
    public BatchOperation.JobAction run(RestoreChoice restore) {
        return listed -> {
            Job job = jobs.job(listed.id());
            if (job.status() == JobStatus.RUNNING || job.status() == JobStatus.OPERATING) {
                throw new InputRejectedException("Already " + job.status().label().toLowerCase()
                        + (job.onlineVersion() == null ? "." : " (v" + job.onlineVersion() + ")."));
            }
            List<JobVersion> versions = jobs.versions(job.id());
            if (versions.isEmpty()) {
                throw new InputRejectedException("No published version to run; publish the draft first.");
            }
            int newest = versions.get(0).number();
            Job running = versionRuns.run(job.id(), new io.streamdesk.service.jobconfig.VersionRunService.RunRequest(
                    newest, restore, io.streamdesk.service.jobconfig.VersionRunService.StopFirst.DO_NOT_STOP, false));
            if (running.status() == JobStatus.FINISHED) {
                return "Ran v" + newest + " to its end, run " + running.runInstance() + " (Finished).";
            }
            return "Running v" + newest + (restore.kind() == RestoreChoice.Kind.FRESH ? " (fresh)" : " (from its latest checkpoint or savepoint)")
                    + ", run " + running.runInstance() + ".";
        };
    }

    public BatchOperation.JobAction stop(boolean withSavepoint) {
        return listed -> {
            Job job = jobs.job(listed.id());
            if (job.status() != JobStatus.RUNNING) {
                throw new InputRejectedException("Not running (" + job.status().label() + ").");
            }
            runs.stop(job.id(), withSavepoint);
            return withSavepoint ? "Stopped with a savepoint." : "Stopped without a savepoint.";
        };
    }

    /** Copies each job into {@code folder} on {@code clusterId} (blank keeps the source's) under its default name. */
    public BatchOperation.JobAction copy(String folder, String clusterId) {
        return job -> {
            CopyService.CopyResult r = copies.copy(job.id(), new CopyService.CopyRequest(null, folder, clusterId));
            StringBuilder sb = new StringBuilder("Copied to \u201c" + r.copy().name() + "\u201d (" + r.copy().id() + ") in "
                    + r.copy().folder() + ".");
            if (r.sharedSavepoints() > 0) {
                sb.append(" Shares ").append(r.sharedSavepoints()).append(" manual savepoint(s).");
            }
            r.notes().forEach(n -> sb.append(' ').append(n));
            return sb.toString();
        };
    }

    public BatchOperation.JobAction logLevel(LogLevel level) {
        return listed -> {
            Job job = jobs.job(listed.id());
            Optional<String> note = jobs.setLogLevel(job.id(), level, clusters.profile(job.clusterId()));
            return "Log level " + level + note.map(n -> ": " + n).orElse(".");
        };
    }
}
