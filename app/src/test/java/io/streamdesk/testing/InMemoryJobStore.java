package io.streamdesk.testing;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.StaleRunStateException;
import io.streamdesk.service.port.StoreException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JobStore in memory, same contract as the database store: {@link #list()} in creation time order, a draft save is
 * revision + 1 and turns an UNINITIALIZED job UNPUBLISHED. {@link #saves} counts draft saves for autosave assertions.
 */
public final class InMemoryJobStore implements JobStore {
    private final Map<JobId, Job> jobs = new LinkedHashMap<>();
    private final Map<JobId, Draft> drafts = new LinkedHashMap<>();
    private final Map<JobId, Map<String, String>> settings = new LinkedHashMap<>();
    private final Map<JobId, Map<String, String>> tags = new LinkedHashMap<>();
    /** How many drafts were saved. */
    public volatile int saves;

    @Override
    public synchronized Job create(Job job) {
        if (jobs.containsKey(job.id())) {
            throw new StoreException("Job " + job.id() + " exists");
        }
        jobs.put(job.id(), job);
        return job;
    }

    @Override
    public synchronized Optional<Job> find(JobId id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Ordered by creation time; jobs created in the same instant keep their insertion order (stable sort). */
    @Override
    public synchronized List<Job> list() {
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(Job::createdAt));
        return all;
    }

    @Override
    public synchronized Job updateIdentity(JobId id, String name, String folder) {
        Job stored = jobs.get(id);
        if (stored == null) {
            throw new StoreException("No job " + id);
        }
        Job renamed = new Job(id, name, folder, stored.type(), stored.clusterId(), stored.status(),
                stored.onlineVersion(), stored.createdAt(), stored.cumulativeRunTime(), stored.runStartedAt(),
                stored.runInstance(), stored.flinkJobId(), stored.warning(), stored.runStateVersion());
        jobs.put(id, renamed);
        return renamed;
    }

    /** Same optimistic check as the database store: the stored version must be the one {@code job} was read at. */
    @Override
    public synchronized Job updateRunState(Job job) {
        Job stored = jobs.get(job.id());
        if (stored == null) {
            throw new StoreException("No job " + job.id());
        }
        if (stored.runStateVersion() != job.runStateVersion()) {
            throw new StaleRunStateException("The status of job " + job.id() + " changed while it was being written");
        }
        Job written = new Job(job.id(), stored.name(), stored.folder(), stored.type(), stored.clusterId(),
                job.status(), job.onlineVersion(), stored.createdAt(), job.cumulativeRunTime(), job.runStartedAt(),
                job.runInstance(), job.flinkJobId(), job.warning(), stored.runStateVersion() + 1);
        jobs.put(job.id(), written);
        return written;
    }

    /** Test setup: puts {@code job} as it is (its status, its version), like a row another process wrote. */
    public synchronized Job put(Job job) {
        jobs.put(job.id(), job);
        return job;
    }

    @Override
    public synchronized Draft saveDraft(JobId id, String sql) {
        return saveDraft(id, sql, null);
    }

    /** A null config keeps the saved one (the defaults for a new draft), as the database store does. */
    @Override
    public synchronized Draft saveDraft(JobId id, String sql, JobConfig config) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new StoreException("No job " + id);
        }
        long revision = Optional.ofNullable(drafts.get(id)).map(Draft::revision).orElse(0L) + 1;
        JobConfig kept = config != null ? config
                : Optional.ofNullable(drafts.get(id)).map(Draft::config).orElse(JobConfig.defaults());
        String keptSql = sql != null ? sql : Optional.ofNullable(drafts.get(id)).map(Draft::sql).orElse("");
        Draft draft = new Draft(id, keptSql, revision, Instant.now(), kept);
        drafts.put(id, draft);
        if (job.status() == JobStatus.UNINITIALIZED) {
            jobs.put(id, new Job(id, job.name(), job.folder(), job.type(), job.clusterId(), JobStatus.UNPUBLISHED,
                    job.onlineVersion(), job.createdAt(), job.cumulativeRunTime(), job.runStartedAt(),
                    job.runInstance(), job.flinkJobId(), job.warning(), job.runStateVersion() + 1));
        }
        saves++;
        return draft;
    }

    @Override
    public synchronized Optional<Draft> findDraft(JobId id) {
        return Optional.ofNullable(drafts.get(id));
    }

    @Override
    public synchronized Job createCopy(Job job, String draftSql, io.streamdesk.model.JobConfig draftConfig,
                                       Map<String, String> draftSettings, Map<String, String> jobTags) {
        Job created = create(job);
        if (draftSql != null) {
            saveDraft(job.id(), draftSql, draftConfig != null ? draftConfig : io.streamdesk.model.JobConfig.defaults());
            created = jobs.get(job.id());
        }
        settings.put(job.id(), new TreeMap<>(draftSettings));
        tags.put(job.id(), new TreeMap<>(jobTags));
        return created;
    }

    @Override
    public synchronized Map<String, String> draftSettings(JobId id) {
        return new TreeMap<>(settings.getOrDefault(id, Map.of()));
    }

    @Override
    public synchronized void saveDraftSetting(JobId id, String key, String value) {
        if (!jobs.containsKey(id)) {
            throw new StoreException("No job " + id);
        }
        Map<String, String> s = settings.computeIfAbsent(id, k -> new TreeMap<>());
        if (value == null) {
            s.remove(key);
        } else {
            s.put(key, value);
        }
    }

    @Override
    public synchronized Map<String, String> tags(JobId id) {
        return new TreeMap<>(tags.getOrDefault(id, Map.of()));
    }

    @Override
    public synchronized void saveTags(JobId id, Map<String, String> newTags) {
        if (!jobs.containsKey(id)) {
            throw new StoreException("No job " + id);
        }
        tags.put(id, new TreeMap<>(newTags));
    }
}
