package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.port.RunStore;
import io.streamdesk.service.port.StoreException;
import io.streamdesk.store.entity.JobRunEntity;
import io.streamdesk.store.entity.SavepointEntity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link RunStore} on the H2 database: runs with their instance numbers (J7) and savepoint records (C1). */
public final class HibernateRunStore implements RunStore {
    private final Database db;

    public HibernateRunStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Instance numbers are max + 1 under a row lock on the job, like version numbers. */
    @Override
    public JobRun startRun(JobId id, int version, String flinkJobId, String restoredFrom, Instant startedAt) {
        Limits.bounded(flinkJobId, "Flink job id", Limits.ID);
        Limits.bounded(restoredFrom, "Restore location", Limits.PATH);
        Objects.requireNonNull(startedAt, "startedAt");
        return db.inTransaction("Recording a run of " + id, session -> {
            HibernateJobStore.lockJob(session, id);
            Integer max = session
                    .createSelectionQuery("select max(r.instance) from JobRunEntity r where r.jobId = :job", Integer.class)
                    .setParameter("job", id.value())
                    .getSingleResult();
            JobRunEntity run = new JobRunEntity();
            run.setJobId(id.value());
            run.setInstance(max == null ? 1 : max + 1);
            run.setVersion(version);
            run.setFlinkJobId(flinkJobId);
            run.setRestoredFrom(restoredFrom);
            run.setStartedAt(startedAt);
            session.persist(run);
            return StoreMapping.toRun(run);
        });
    }

    @Override
    public void endRun(JobId id, int instance, String endState, Instant endedAt, String reason) {
        end(id, instance, endState, endedAt, null, null, reason);
    }

    @Override
    public void finishRun(JobId id, int instance, Instant endedAt, Long recordsRead, Long recordsWritten) {
        end(id, instance, JobRun.FINISHED, endedAt, recordsRead, recordsWritten, null);
    }

    private void end(JobId id, int instance, String endState, Instant endedAt, Long recordsRead, Long recordsWritten,
                     String reason) {
        Limits.required(endState, "End state", Limits.STATE);
        Objects.requireNonNull(endedAt, "endedAt");
        db.inTransaction("Ending run " + instance + " of " + id, session -> {
            JobRunEntity run = session
                    .createSelectionQuery("from JobRunEntity r where r.jobId = :job and r.instance = :i", JobRunEntity.class)
                    .setParameter("job", id.value())
                    .setParameter("i", instance)
                    .uniqueResultOptional()
                    .orElseThrow(() -> new StoreException("Job " + id + " has no run " + instance));
            run.setEndState(endState);
            run.setEndedAt(endedAt);
            run.setRecordsRead(recordsRead);
            run.setRecordsWritten(recordsWritten);
            run.setEndReason(Limits.truncated(reason, Limits.NAME));
            return null;
        });
    }

    @Override
    public List<JobRun> listRuns(JobId id) {
        return db.inTransaction("Listing the runs of " + id, session -> session
                .createSelectionQuery("from JobRunEntity r where r.jobId = :job order by r.instance desc", JobRunEntity.class)
                .setParameter("job", id.value())
                .getResultList().stream().map(StoreMapping::toRun).toList());
    }

    @Override
    public Optional<JobRun> liveRun(JobId id) {
        return db.inTransaction("Reading the live run of " + id, session -> session
                .createSelectionQuery("from JobRunEntity r where r.jobId = :job and r.endedAt is null order by r.instance desc",
                        JobRunEntity.class)
                .setParameter("job", id.value())
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(StoreMapping::toRun));
    }

    @Override
    public SavepointRecord addSavepoint(JobId id, int runInstance, int version, String location, SavepointSource source,
                                        SavepointStatus status, String description, Instant createdAt) {
        Limits.bounded(location, "Savepoint location", Limits.PATH);
        Limits.bounded(description, "Savepoint description", Limits.DESCRIPTION);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        return db.inTransaction("Recording a savepoint of " + id, session -> {
            HibernateJobStore.lockJob(session, id); // a clear "no job" instead of a foreign key error
            SavepointEntity sp = new SavepointEntity();
            sp.setJobId(id.value());
            sp.setRunInstance(runInstance);
            sp.setVersion(version);
            sp.setLocation(location);
            sp.setSource(source.name());
            sp.setStatus(status.name());
            sp.setDescription(description);
            sp.setCreatedAt(createdAt);
            session.persist(sp);
            return StoreMapping.toSavepoint(sp);
        });
    }

    @Override
    public List<SavepointRecord> listSavepoints(JobId id) {
        return db.inTransaction("Listing the savepoints of " + id, session -> session
                .createSelectionQuery("from SavepointEntity s where s.jobId = :job order by s.createdAt desc, s.id desc",
                        SavepointEntity.class)
                .setParameter("job", id.value())
                .getResultList().stream().map(StoreMapping::toSavepoint).toList());
    }
}
