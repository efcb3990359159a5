package io.streamdesk.store;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.StaleRunStateException;
import io.streamdesk.service.port.StoreException;
import io.streamdesk.store.entity.ClusterEntity;
import io.streamdesk.store.entity.ConfigColumns;
import io.streamdesk.store.entity.DraftEntity;
import io.streamdesk.store.entity.FolderEntity;
import io.streamdesk.store.entity.JobEntity;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link JobStore} on the H2 database: jobs of one workspace and their drafts. */
public final class HibernateJobStore implements JobStore {
    /** The workspace the migration creates. */
    public static final String DEFAULT_WORKSPACE = "default";

    private final Database db;
    private final String workspaceId;

    public HibernateJobStore(Database db) {
        this(db, DEFAULT_WORKSPACE);
    }

    public HibernateJobStore(Database db, String workspaceId) {
        this.db = Objects.requireNonNull(db, "db");
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
    }

    @Override
    public Job create(Job job) {
        Objects.requireNonNull(job, "job");
        return db.inTransaction("Creating job " + job.id(), session -> insert(session, job));
    }

    private Job insert(Session session, Job job) {
        if (session.find(JobEntity.class, job.id().value()) != null) {
            throw new StoreException("A job with ID " + job.id() + " already exists");
        }
        if (job.clusterId() == null || session.find(ClusterEntity.class, job.clusterId()) == null) {
            throw new StoreException("Cannot create job " + job.id() + ": unknown cluster '" + job.clusterId() + "'");
        }
        JobEntity e = new JobEntity();
        e.setId(job.id().value());
        e.setWorkspaceId(workspaceId);
        e.setType(Objects.requireNonNull(job.type(), "type").name());
        e.setClusterId(job.clusterId());
        e.setCreatedAt(job.createdAt() == null ? Instant.now() : job.createdAt());
        StoreMapping.copyIdentityFields(job.name(), job.folder(), e);
        StoreMapping.copyRunStateFields(job, e);
        ensureFolder(session, e.getFolder());
        session.persist(e);
        return StoreMapping.toJob(e);
    }

    @Override
    public Optional<Job> find(JobId id) {
        return db.inTransaction("Reading job " + id, session ->
                Optional.ofNullable(session.find(JobEntity.class, id.value())).map(StoreMapping::toJob));
    }

    @Override
    public List<Job> list() {
        return db.inTransaction("Listing jobs", session -> session
                .createSelectionQuery("from JobEntity j where j.workspaceId = :ws order by j.createdAt, j.id", JobEntity.class)
                .setParameter("ws", workspaceId)
                .getResultList().stream().map(StoreMapping::toJob).toList());
    }

    @Override
    public Job updateIdentity(JobId id, String name, String folder) {
        Objects.requireNonNull(id, "id");
        return db.inTransaction("Renaming job " + id, session -> {
            JobEntity e = lockJob(session, id);
            StoreMapping.copyIdentityFields(name, folder, e);
            ensureFolder(session, e.getFolder());
            return StoreMapping.toJob(e);
        });
    }

    @Override
    public Job updateRunState(Job job) {
        Objects.requireNonNull(job, "job");
        return db.inTransaction("Writing the status of job " + job.id(), session -> {
            // the row lock makes compare-and-write one step, also against the other process on the data directory
            JobEntity e = lockJob(session, job.id());
            if (e.getRunStateVersion() != job.runStateVersion()) {
                throw stale(job, e.getStatus());
            }
            StoreMapping.copyRunStateFields(job, e);
            e.setRunStateVersion(e.getRunStateVersion() + 1);
            return StoreMapping.toJob(e);
        });
    }

    static StaleRunStateException stale(Job job, String storedStatus) {
        return new StaleRunStateException("The status of job " + job.id() + " changed while it was being written ("
                + "now " + storedStatus + "; another process on this data directory or a background check wrote it). "
                + "Nothing was written: refresh and try again.");
    }

    @Override
    public Draft saveDraft(JobId id, String sql) {
        return saveDraft(id, sql, null);
    }

    /**
     * Saves SQL and configuration together; a null {@code config} keeps the saved one (defaults for a new draft), a
     * null {@code sql} keeps the saved SQL (empty for a new draft), both under the job's row lock.
     */
    @Override
    public Draft saveDraft(JobId id, String sql, JobConfig config) {
        Limits.bounded(sql, "SQL", Limits.SQL);
        ConfigColumns columns = config == null ? null : StoreMapping.toColumns(config);
        return db.inTransaction("Saving the draft of " + id, session -> {
            // The row lock serializes saves of one job, so revisions never repeat.
            JobEntity job = lockJob(session, id);
            DraftEntity draft = session.find(DraftEntity.class, id.value());
            if (draft == null) {
                draft = new DraftEntity();
                draft.setJobId(id.value());
                draft.setRevision(1L);
                draft.setSql(sql == null ? "" : sql);
                draft.setSavedAt(Instant.now());
                draft.setConfig(columns != null ? columns : StoreMapping.toColumns(JobConfig.defaults()));
                session.persist(draft);
                session.flush(); // the draft row exists before its dependency rows refer to it
            } else {
                draft.setRevision(draft.getRevision() + 1);
                if (sql != null) {
                    draft.setSql(sql);
                }
                draft.setSavedAt(Instant.now());
                if (columns != null) {
                    draft.setConfig(columns);
                }
            }
            if (config != null) {
                DependencyRefRows.replaceDraft(session, id.value(), config.dependencies());
            }
            if (JobStatus.UNINITIALIZED.name().equals(job.getStatus())) {
                job.setStatus(JobStatus.UNPUBLISHED.name());
                job.setRunStateVersion(job.getRunStateVersion() + 1);
            }
            return toDraft(session, draft);
        });
    }

    @Override
    public Optional<Draft> findDraft(JobId id) {
        return db.inTransaction("Reading the draft of " + id, session ->
                Optional.ofNullable(session.find(DraftEntity.class, id.value())).map(d -> toDraft(session, d)));
    }

    /** The draft with its dependency references (V13), which live in their own table. */
    private static Draft toDraft(Session session, DraftEntity e) {
        Draft d = StoreMapping.toDraft(e);
        return new Draft(d.jobId(), d.sql(), d.revision(), d.savedAt(),
                d.config().withDependencies(DependencyRefRows.draft(session, e.getJobId())));
    }

    /** The job row, locked for update until the transaction ends; fails when the job does not exist. */
    static JobEntity lockJob(Session session, JobId id) {
        JobEntity job = session.find(JobEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw new StoreException("No job with ID " + id);
        }
        return job;
    }

    private void ensureFolder(Session session, String path) {
        boolean exists = !session
                .createSelectionQuery("select f.id from FolderEntity f where f.workspaceId = :ws and f.path = :path", Long.class)
                .setParameter("ws", workspaceId)
                .setParameter("path", path)
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (!exists) {
            FolderEntity folder = new FolderEntity();
            folder.setWorkspaceId(workspaceId);
            folder.setPath(path);
            session.persist(folder);
        }
    }

    @Override
    public Job createCopy(Job job, String draftSql, JobConfig draftConfig, Map<String, String> draftSettings,
                          Map<String, String> tags) {
        Objects.requireNonNull(job, "job");
        if (draftSql != null) {
            Limits.bounded(draftSql, "SQL", Limits.SQL);
        }
        return db.inTransaction("Creating copy " + job.id(), session -> {
            Job created = insert(session, job);
            if (draftSql != null) {
                DraftEntity draft = new DraftEntity();
                draft.setJobId(job.id().value());
                draft.setRevision(1L);
                draft.setSql(draftSql);
                draft.setSavedAt(Instant.now());
                draft.setConfig(StoreMapping.toColumns(draftConfig != null ? draftConfig : JobConfig.defaults()));
                session.persist(draft);
                if (draftConfig != null && !draftConfig.dependencies().isEmpty()) {
                    session.flush();
                    DependencyRefRows.replaceDraft(session, job.id().value(), draftConfig.dependencies());
                }
                JobEntity e = session.find(JobEntity.class, job.id().value());
                if (JobStatus.UNINITIALIZED.name().equals(e.getStatus())) {
                    e.setStatus(JobStatus.UNPUBLISHED.name());
                }
                created = StoreMapping.toJob(e);
            }
            session.flush();
            draftSettings.forEach((k, v) -> upsertSetting(session, job.id(), k, v));
            tags.forEach((k, v) -> insertTag(session, job.id(), k, v));
            return created;
        });
    }

    @Override
    public Map<String, String> draftSettings(JobId id) {
        return keyValues("Reading the draft settings of " + id,
                "select setting_key, setting_value from draft_setting where job_id = :job order by setting_key", id);
    }

    @Override
    public void saveDraftSetting(JobId id, String key, String value) {
        Limits.required(key, "Setting key", Limits.NAME);
        Limits.bounded(value, "Setting value", Limits.DESCRIPTION);
        db.inTransaction("Saving a draft setting of " + id, session -> {
            lockJob(session, id);
            session.createNativeMutationQuery("delete from draft_setting where job_id = :job and setting_key = :key")
                    .setParameter("job", id.value()).setParameter("key", key).executeUpdate();
            if (value != null) {
                upsertSetting(session, id, key, value);
            }
            return null;
        });
    }

    @Override
    public Map<String, String> tags(JobId id) {
        return keyValues("Reading the tags of " + id,
                "select tag_key, tag_value from job_tag where job_id = :job order by tag_key", id);
    }

    @Override
    public void saveTags(JobId id, Map<String, String> tags) {
        db.inTransaction("Saving the tags of " + id, session -> {
            lockJob(session, id);
            session.createNativeMutationQuery("delete from job_tag where job_id = :job")
                    .setParameter("job", id.value()).executeUpdate();
            tags.forEach((k, v) -> insertTag(session, id, k, v));
            return null;
        });
    }

    private Map<String, String> keyValues(String what, String sql, JobId id) {
        return db.inTransaction(what, session -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (Object[] row : session.createNativeQuery(sql, Object[].class).setParameter("job", id.value()).getResultList()) {
                out.put((String) row[0], (String) row[1]);
            }
            return out;
        });
    }

    private static void upsertSetting(Session session, JobId id, String key, String value) {
        session.createNativeMutationQuery(
                        "merge into draft_setting (job_id, setting_key, setting_value) key (job_id, setting_key) values (:job, :key, :value)")
                .setParameter("job", id.value())
                .setParameter("key", Limits.required(key, "Setting key", Limits.NAME))
                .setParameter("value", Limits.required(value, "Setting value", Limits.DESCRIPTION))
                .executeUpdate();
    }

    private static void insertTag(Session session, JobId id, String key, String value) {
        session.createNativeMutationQuery("insert into job_tag (job_id, tag_key, tag_value) values (:job, :key, :value)")
                .setParameter("job", id.value())
                .setParameter("key", Limits.required(key, "Tag key", Limits.NAME))
                .setParameter("value", Limits.required(value, "Tag value", Limits.DESCRIPTION))
                .executeUpdate();
    }
}
