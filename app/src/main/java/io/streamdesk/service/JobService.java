package io.streamdesk.service;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.LocalCluster;
import io.streamdesk.service.port.SqlChecker;
import io.streamdesk.service.port.VersionStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** Authoring use cases: create a job, save its draft, check its SQL, publish versions (J2, E3, E4, V1, V2). */
public final class JobService {
    private final JobStore jobs;
    private final VersionStore versions;
    private final SqlChecker checker;
    private final JobChangeListeners listeners;
    private final Clock clock;
    private final String author;
    private final Map<JobId, Job> lastSeen = new ConcurrentHashMap<>();

    public JobService(JobStore jobs, VersionStore versions, SqlChecker checker, JobChangeListeners listeners,
                      Clock clock, String author) {
        this.jobs = jobs;
        this.versions = versions;
        this.checker = checker;
        this.listeners = listeners;
        this.clock = clock;
        this.author = author;
    }

    public Job createSqlJob(String name, String folder) {
        String validName = InputLimits.requireName(name);
        String validFolder = InputLimits.requireFolder(folder);
        Job job = new Job(JobId.generate(), validName, validFolder, JobType.SQL, LocalCluster.CLUSTER_ID,
                JobStatus.UNINITIALIZED, null, clock.instant(), Duration.ZERO, null, 0, null, null);
        Job created = jobs.create(job);
        listeners.fire(created);
        return created;
    }

    public List<Job> list() {
        return jobs.list();
    }

    public Job job(JobId id) {
        return jobs.find(id).orElseThrow(() -> new InputRejectedException("No job with ID " + id + "."));
    }

    public Job rename(JobId id, String newName) {
        Job renamed = jobs.update(job(id).withName(InputLimits.requireName(newName)));
        listeners.fire(renamed);
        return renamed;
    }

    /** Saves the draft and returns it once committed (E4). */
    public Draft saveDraft(JobId id, String sql) {
        job(id);
        Draft draft = jobs.saveDraft(id, InputLimits.requireSql(sql));
        jobs.find(id).ifPresent(listeners::fire);
        return draft;
    }

    public Optional<Draft> draft(JobId id) {
        return jobs.findDraft(id);
    }

    /** Problems in the script, empty when valid (E3). */
    public List<SqlProblem> check(String sql) {
        return checker.check(InputLimits.requireSql(sql));
    }

    /**
     * Publishes the saved draft as the next version (J5, V1). Refused without a description, without a saved
     * draft, and when the SQL has errors.
     */
    public JobVersion publish(JobId id, String description) {
        String validDescription = InputLimits.requireDescription(description);
        job(id);
        Draft draft = jobs.findDraft(id).filter(d -> !d.sql().isBlank())
                .orElseThrow(() -> new InputRejectedException("SQL: save some SQL before publishing a version."));
        List<SqlProblem> problems = checker.check(draft.sql());
        if (!problems.isEmpty()) {
            SqlProblem first = problems.get(0);
            throw new InputRejectedException("SQL: " + problems.size() + " error(s); the first at line " + first.line()
                    + ", column " + first.column() + ": " + first.message(), problems);
        }
        JobVersion version = versions.publish(id, draft.sql(), validDescription, author);
        Job job = job(id);
        if (job.status() == JobStatus.UNINITIALIZED || job.status() == JobStatus.UNPUBLISHED) {
            // a published job that never ran is simply not running
            job = jobs.update(job.withStatus(JobStatus.STOPPED));
        }
        listeners.fire(job);
        return version;
    }

    public List<JobVersion> versions(JobId id) {
        return versions.list(id);
    }

    public JobVersion version(JobId id, int number) {
        return versions.find(id, number)
                .orElseThrow(() -> new InputRejectedException("Job " + id + " has no version " + number + "."));
    }

    /**
     * Deletes a version (V2). Refused for the running version and while an operation on the job is in flight (it
     * may be starting that version).
     */
    public void deleteVersion(JobId id, int number) {
        Job job = job(id);
        version(id, number);
        if (job.onlineVersion() != null && job.onlineVersion() == number) {
            throw new InputRejectedException("Version " + number + " is running; stop the job before deleting it.");
        }
        if (job.status() == JobStatus.OPERATING) {
            throw new InputRejectedException("Version " + number + ": the job is busy with an operation; "
                    + "delete the version when it has finished.");
        }
        versions.delete(id, number);
        listeners.fire(job(id));
    }

    /**
     * Tells the listeners about jobs that changed in the store since the last call, also those changed by another
     * process on the same data directory (the CLI). Called periodically by the app.
     */
    public void announceChanges() {
        for (Job job : jobs.list()) {
            Job previous = lastSeen.put(job.id(), job);
            if (!job.equals(previous)) {
                listeners.fire(job);
            }
        }
    }

    public JobChangeListeners listeners() {
        return listeners;
    }
}
