package io.streamdesk.service.port;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs and their drafts. Every method commits before it returns (S1): what it returned survives a kill -9.
 */
public interface JobStore {

    /** Inserts a new job (status UNINITIALIZED). Fails with {@link StoreException} when the id exists. */
    Job create(Job job);

    Optional<Job> find(JobId id);

    /** All jobs of the current workspace, ordered by creation time. */
    List<Job> list();

    /**
     * Writes the job's name and folder only (J2). The run-state fields are left as they are, so a rename made while
     * a run writes its status is never undone by that write, nor does it undo one.
     */
    Job updateIdentity(JobId id, String name, String folder);

    /**
     * Writes the run-state fields of {@code job} only: status, online version, run start, run instance, Flink job
     * id, cumulative run time and warning. Its name and folder are ignored (the returned job carries the stored
     * ones). The write happens only when the stored {@link Job#runStateVersion()} still equals the one of
     * {@code job}, and raises it by one.
     *
     * @throws StaleRunStateException when another writer wrote the run state since {@code job} was read
     */
    Job updateRunState(Job job);

    /**
     * Saves the draft SQL: revision = previous revision + 1. A job still UNINITIALIZED becomes UNPUBLISHED in the
     * same transaction.
     */
    Draft saveDraft(JobId id, String sql);

    /**
     * Saves the draft SQL and its configuration (P1-P6) in one transaction, like {@link #saveDraft(JobId, String)}.
     * A null {@code sql} keeps the saved SQL; a null {@code config} keeps the saved configuration.
     */
    Draft saveDraft(JobId id, String sql, JobConfig config);

    Optional<Draft> findDraft(JobId id);

    /**
     * Creates {@code job} (a copy, J6) with its draft when {@code draftSql} is not null (with {@code draftConfig}, or the
     * defaults when null), its draft settings and tags, all in one transaction: a kill leaves the whole copy or nothing.
     */
    Job createCopy(Job job, String draftSql, io.streamdesk.model.JobConfig draftConfig, Map<String, String> draftSettings,
                   Map<String, String> tags);

    /** The draft's settings (see {@link io.streamdesk.model.DraftSettings}), empty when none are stored. */
    Map<String, String> draftSettings(JobId id);

    /** Stores one draft setting, replacing its value; a null value removes it. */
    void saveDraftSetting(JobId id, String key, String value);

    /** The job's tags (J2), sorted by key. */
    Map<String, String> tags(JobId id);

    /** Replaces the job's tags. */
    void saveTags(JobId id, Map<String, String> tags);
}
