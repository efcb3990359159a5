package io.streamdesk.store;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.port.VersionStore;
import io.streamdesk.store.entity.ConfigColumns;
import io.streamdesk.store.entity.JobEntity;
import io.streamdesk.store.entity.JobVersionEntity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link VersionStore} on the H2 database. */
public final class HibernateVersionStore implements VersionStore {
    private final Database db;

    public HibernateVersionStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Numbers are max + 1 under a row lock on the job, so concurrent publishes queue and get consecutive
     * numbers; the unique key (job_id, number) backs this up. A job that was UNINITIALIZED or UNPUBLISHED
     * becomes STOPPED in the same transaction, since it now has a version (J4).
     */
    @Override
    public JobVersion publish(JobId id, String sql, String description, String author) {
        return publish(id, sql, JobConfig.defaults(), description, author);
    }

    @Override
    public JobVersion publish(JobId id, String sql, JobConfig config, String description, String author) {
        ConfigColumns columns = StoreMapping.toColumns(Objects.requireNonNull(config, "config"));
        Limits.bounded(Objects.requireNonNull(sql, "sql"), "SQL", Limits.SQL);
        Limits.required(description, "A version description", Limits.DESCRIPTION);
        Limits.required(author, "The author", Limits.NAME);
        return db.inTransaction("Publishing a version of " + id, session -> {
            JobEntity job = HibernateJobStore.lockJob(session, id);
            Integer max = session
                    .createSelectionQuery("select max(v.number) from JobVersionEntity v where v.jobId = :job", Integer.class)
                    .setParameter("job", id.value())
                    .getSingleResult();
            max = maxWithDeleted(session, id, max);
            JobVersionEntity v = new JobVersionEntity();
            v.setJobId(id.value());
            v.setNumber(max == null ? 1 : max + 1);
            v.setSql(sql);
            v.setDescription(description);
            v.setAuthor(author);
            v.setCreatedAt(Instant.now());
            v.setConfig(columns);
            session.persist(v);
            session.flush(); // the version's id, which its dependency rows refer to
            DependencyRefRows.insertVersion(session, v.getId(), config.dependencies());
            if (JobStatus.UNINITIALIZED.name().equals(job.getStatus()) || JobStatus.UNPUBLISHED.name().equals(job.getStatus())) {
                job.setStatus(JobStatus.STOPPED.name());
            }
            return withRefs(StoreMapping.toVersion(v), config.dependencies());
        });
    }

    @Override
    public List<JobVersion> list(JobId id) {
        return db.inTransaction("Listing the versions of " + id, session -> {
            java.util.Map<Long, List<io.streamdesk.model.dependency.DependencyRef>> refs = refs(session, id);
            return session
                    .createSelectionQuery("from JobVersionEntity v where v.jobId = :job order by v.number desc", JobVersionEntity.class)
                    .setParameter("job", id.value())
                    .getResultList().stream().map(v -> withRefs(StoreMapping.toVersion(v),
                            refs.getOrDefault(v.getId(), List.of()))).toList();
        });
    }

    @Override
    public Optional<JobVersion> find(JobId id, int number) {
        return db.inTransaction("Reading version " + number + " of " + id, session -> session
                .createSelectionQuery("from JobVersionEntity v where v.jobId = :job and v.number = :n", JobVersionEntity.class)
                .setParameter("job", id.value())
                .setParameter("n", number)
                .uniqueResultOptional().map(v -> withRefs(StoreMapping.toVersion(v),
                        DependencyRefRows.version(session, v.getId()))));
    }

    @Override
    public boolean delete(JobId id, int number) {
        return db.inTransaction("Deleting version " + number + " of " + id, session -> {
            HibernateJobStore.lockJob(session, id);
            int deleted = session.createMutationQuery("delete from JobVersionEntity v where v.jobId = :job and v.number = :n")
                    .setParameter("job", id.value())
                    .setParameter("n", number)
                    .executeUpdate();
            if (deleted > 0) {
                session.createNativeMutationQuery(
                                "insert into deleted_job_version (job_id, number, deleted_at) values (:job, :n, :at)")
                        .setParameter("job", id.value())
                        .setParameter("n", number)
                        .setParameter("at", java.time.OffsetDateTime.now())
                        .executeUpdate();
            }
            return deleted > 0;
        });
    }

    /** The dependency versions a version froze (V1, V13), kept in their own table. */
    private static JobVersion withRefs(JobVersion v, List<io.streamdesk.model.dependency.DependencyRef> refs) {
        return new JobVersion(v.jobId(), v.number(), v.sql(), v.description(), v.author(), v.createdAt(),
                v.config().withDependencies(refs));
    }

    private static java.util.Map<Long, List<io.streamdesk.model.dependency.DependencyRef>> refs(
            org.hibernate.Session session, JobId id) {
        return DependencyRefRows.versionsOfJob(session, id.value());
    }

    /** The highest number a version of the job ever had, deleted ones included. */
    private static Integer maxWithDeleted(org.hibernate.Session session, JobId id, Integer maxLive) {
        Number deleted = (Number) session
                .createNativeQuery("select max(number) from deleted_job_version where job_id = :job", Object.class)
                .setParameter("job", id.value())
                .getSingleResult();
        if (deleted == null) {
            return maxLive;
        }
        return maxLive == null ? deleted.intValue() : Math.max(maxLive, deleted.intValue());
    }
}
