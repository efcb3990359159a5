package io.streamdesk.ui.fake;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Jobs and drafts in maps; same contract as the H2 store (revision + 1, UNINITIALIZED -> UNPUBLISHED on save). */
public final class InMemoryJobStore implements JobStore {
    private final Map<JobId, Job> jobs = new ConcurrentHashMap<>();
    private final Map<JobId, Draft> drafts = new ConcurrentHashMap<>();
    /** How many drafts were saved, for autosave assertions. */
    public volatile int saves;

    @Override
    public synchronized Job create(Job job) {
        if (jobs.putIfAbsent(job.id(), job) != null) {
            throw new StoreException("Job " + job.id() + " exists");
        }
        return job;
    }

    @Override
    public Optional<Job> find(JobId id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<Job> list() {
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(Job::createdAt));
        return all;
    }

    @Override
    public synchronized Job update(Job job) {
        if (!jobs.containsKey(job.id())) {
            throw new StoreException("No job " + job.id());
        }
        jobs.put(job.id(), job);
        return job;
    }

    @Override
    public synchronized Draft saveDraft(JobId id, String sql) {
        Draft previous = drafts.get(id);
        Draft d = new Draft(id, sql, previous == null ? 1 : previous.revision() + 1, Instant.now());
        drafts.put(id, d);
        Job job = jobs.get(id);
        if (job.status() == JobStatus.UNINITIALIZED) {
            jobs.put(id, job.withStatus(JobStatus.UNPUBLISHED));
        }
        saves++;
        return d;
    }

    @Override
    public Optional<Draft> findDraft(JobId id) {
        return Optional.ofNullable(drafts.get(id));
    }
}
