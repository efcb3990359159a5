package io.streamdesk.store;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.RunStore;
import io.streamdesk.service.port.StoreException;
import io.streamdesk.service.port.VersionStore;
import io.streamdesk.store.entity.ConfigColumns;
import io.streamdesk.store.entity.JobEntity;
import io.streamdesk.store.entity.JobRunEntity;
import io.streamdesk.store.entity.JobVersionEntity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The job, version, run and event tables by plain JDBC, for a process that only runs a published version
 * ({@code streamdesk job run ID}): it needs no Hibernate boot. Every method a run, its wait, its failure handling and
 * its CU check call is here and writes the rows exactly as the Hibernate stores do (the same columns, the same
 * mapping through {@link StoreMapping}, the job's row lock for run-state writes and run numbering, one committed
 * transaction per write); authoring (create, drafts, publish, tags) is not on that path and is refused.
 */
public final class JdbcRunPathStore implements JobStore, VersionStore, RunStore, EventStore {
    private static final String JOB_COLUMNS = "id, workspace_id, name, folder, type, cluster_id, status, online_version, "
            + "created_at, cumulative_run_ms, run_started_at, run_instance, flink_job_id, warning_operation, "
            + "warning_message, warning_fix, warning_at, run_state_version";
    private static final String RUN_COLUMNS = "job_id, instance, version, flink_job_id, restored_from, started_at, "
            + "ended_at, end_state, records_read, records_written, end_reason";

    private final DataSource db;
    private final String workspaceId;

    public JdbcRunPathStore(DataSource db) {
        this.db = Objects.requireNonNull(db, "db");
        this.workspaceId = HibernateJobStore.DEFAULT_WORKSPACE;
    }

    // ---- jobs ----

    @Override
    public Optional<Job> find(JobId id) {
        return JdbcTransactions.read(db, "Reading job " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("select " + JOB_COLUMNS + " from job where id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(StoreMapping.toJob(job(rs))) : Optional.<Job>empty();
                }
            }
        });
    }

    @Override
    public List<Job> list() {
        return JdbcTransactions.read(db, "Listing jobs", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + JOB_COLUMNS
                    + " from job where workspace_id = ? order by created_at, id")) {
                s.setString(1, workspaceId);
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(StoreMapping.toJob(job(rs)));
                    }
                }
                return jobs;
            }
        });
    }

    @Override
    public Job updateRunState(Job job) {
        Objects.requireNonNull(job, "job");
        return JdbcTransactions.inTransaction(db, "Writing the status of job " + job.id(), c -> {
            // the row lock makes compare-and-write one step, as in HibernateJobStore
            JobEntity e = lockJob(c, job.id());
            if (e.getRunStateVersion() != job.runStateVersion()) {
                throw HibernateJobStore.stale(job, e.getStatus());
            }
            StoreMapping.copyRunStateFields(job, e);
            e.setRunStateVersion(e.getRunStateVersion() + 1);
            try (PreparedStatement s = c.prepareStatement("update job set status = ?, online_version = ?, "
                    + "cumulative_run_ms = ?, run_started_at = ?, run_instance = ?, flink_job_id = ?, warning_operation = ?, "
                    + "warning_message = ?, warning_fix = ?, warning_at = ?, run_state_version = ? where id = ?")) {
                s.setString(1, e.getStatus());
                setInteger(s, 2, e.getOnlineVersion());
                s.setLong(3, e.getCumulativeRunMs());
                setInstant(s, 4, e.getRunStartedAt());
                s.setInt(5, e.getRunInstance());
                s.setString(6, e.getFlinkJobId());
                s.setString(7, e.getWarningOperation());
                s.setString(8, e.getWarningMessage());
                s.setString(9, e.getWarningFix());
                setInstant(s, 10, e.getWarningAt());
                s.setLong(11, e.getRunStateVersion());
                s.setString(12, e.getId());
                s.executeUpdate();
            }
            return StoreMapping.toJob(e);
        });
    }

    /** {@code select ... for update}: H2's row lock, the one {@code LockModeType.PESSIMISTIC_WRITE} takes. */
    private static JobEntity lockJob(Connection c, JobId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + JOB_COLUMNS + " from job where id = ? for update")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("No job with ID " + id);
                }
                return job(rs);
            }
        }
    }

    private static JobEntity job(ResultSet rs) throws SQLException {
        JobEntity e = new JobEntity();
        e.setId(rs.getString(1));
        e.setWorkspaceId(rs.getString(2));
        e.setName(rs.getString(3));
        e.setFolder(rs.getString(4));
        e.setType(rs.getString(5));
        e.setClusterId(rs.getString(6));
        e.setStatus(rs.getString(7));
        e.setOnlineVersion((Integer) rs.getObject(8));
        e.setCreatedAt(instant(rs, 9));
        e.setCumulativeRunMs(rs.getLong(10));
        e.setRunStartedAt(instant(rs, 11));
        e.setRunInstance(rs.getInt(12));
        e.setFlinkJobId(rs.getString(13));
        e.setWarningOperation(rs.getString(14));
        e.setWarningMessage(rs.getString(15));
        e.setWarningFix(rs.getString(16));
        e.setWarningAt(instant(rs, 17));
        e.setRunStateVersion(rs.getLong(18));
        return e;
    }

    // ---- versions ----

    @Override
    public Optional<JobVersion> find(JobId id, int number) {
        List<JobVersion> found = versions(id, number);
        return found.stream().findFirst();
    }

    @Override
    public List<JobVersion> list(JobId id) {
        return versions(id, null);
    }

    private List<JobVersion> versions(JobId id, Integer number) {
        return JdbcTransactions.read(db, number == null ? "Listing the versions of " + id
                : "Reading version " + number + " of " + id, c -> {
            String sql = "select id, job_id, number, sql, description, author, created_at, parameters, jobmanager_cu, "
                    + "taskmanager_cu, parallelism, runtime_mode, log_level from job_version where job_id = ?"
                    + (number == null ? "" : " and number = ?") + " order by number desc";
            List<JobVersion> versions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, id.value());
                if (number != null) {
                    s.setInt(2, number);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        JobVersionEntity v = new JobVersionEntity();
                        long rowId = rs.getLong(1);
                        v.setJobId(rs.getString(2));
                        v.setNumber(rs.getInt(3));
                        v.setSql(rs.getString(4));
                        v.setDescription(rs.getString(5));
                        v.setAuthor(rs.getString(6));
                        v.setCreatedAt(instant(rs, 7));
                        ConfigColumns config = new ConfigColumns();
                        config.setParameters(rs.getString(8));
                        config.setJobManagerCu(rs.getBigDecimal(9));
                        config.setTaskManagerCu(rs.getBigDecimal(10));
                        config.setParallelism((Integer) rs.getObject(11));
                        config.setRuntimeMode(rs.getString(12));
                        config.setLogLevel(rs.getString(13));
                        v.setConfig(config);
                        JobVersion version = StoreMapping.toVersion(v);
                        versions.add(new JobVersion(version.jobId(), version.number(), version.sql(),
                                version.description(), version.author(), version.createdAt(),
                                version.config().withDependencies(refs(c, rowId))));
                    }
                }
            }
            return versions;
        });
    }

    private static List<DependencyRef> refs(Connection c, long versionRowId) throws SQLException {
        List<DependencyRef> refs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select dependency_name, version, sha256 from "
                + "job_version_dependency where job_version_id = ? order by position")) {
            s.setLong(1, versionRowId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    refs.add(new DependencyRef(rs.getString(1), rs.getInt(2), rs.getString(3)));
                }
            }
        }
        return refs;
    }

    @Override
    public JobVersion publish(JobId id, String sql, String description, String author) {
        throw notOnRunPath("Publishing");
    }

    @Override
    public JobVersion publish(JobId id, String sql, JobConfig config, String description, String author) {
        throw notOnRunPath("Publishing");
    }

    @Override
    public boolean delete(JobId id, int number) {
        throw notOnRunPath("Deleting a version");
    }

    // ---- runs ----

    @Override
    public JobRun startRun(JobId id, int version, String flinkJobId, String restoredFrom, Instant startedAt) {
        Limits.bounded(flinkJobId, "Flink job id", Limits.ID);
        Limits.bounded(restoredFrom, "Restore location", Limits.PATH);
        Objects.requireNonNull(startedAt, "startedAt");
        return JdbcTransactions.inTransaction(db, "Recording a run of " + id, c -> {
            lockJob(c, id); // numbers runs one after another, also against the other process
            int instance;
            try (PreparedStatement s = c.prepareStatement("select max(instance) from job_run where job_id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    Integer max = (Integer) rs.getObject(1);
                    instance = max == null ? 1 : max + 1;
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into job_run (job_id, instance, version, flink_job_id, "
                    + "restored_from, started_at) values (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id.value());
                s.setInt(2, instance);
                s.setInt(3, version);
                s.setString(4, flinkJobId);
                s.setString(5, restoredFrom);
                setInstant(s, 6, startedAt);
                s.executeUpdate();
            }
            return new JobRun(id, instance, version, flinkJobId, restoredFrom, startedAt, null, null, null, null, null);
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
        JdbcTransactions.inTransaction(db, "Ending run " + instance + " of " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("update job_run set end_state = ?, ended_at = ?, "
                    + "records_read = ?, records_written = ?, end_reason = ? where job_id = ? and instance = ?")) {
                s.setString(1, endState);
                setInstant(s, 2, endedAt);
                setLong(s, 3, recordsRead);
                setLong(s, 4, recordsWritten);
                s.setString(5, Limits.truncated(reason, Limits.NAME));
                s.setString(6, id.value());
                s.setInt(7, instance);
                if (s.executeUpdate() != 1) {
                    throw new StoreException("Job " + id + " has no run " + instance);
                }
            }
            return null;
        });
    }

    @Override
    public List<JobRun> listRuns(JobId id) {
        return runs(id, "", "Listing the runs of " + id);
    }

    @Override
    public Optional<JobRun> liveRun(JobId id) {
        return runs(id, " and ended_at is null", "Reading the live run of " + id).stream().findFirst();
    }

    private List<JobRun> runs(JobId id, String condition, String action) {
        return JdbcTransactions.read(db, action, c -> {
            List<JobRun> runs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select " + RUN_COLUMNS + " from job_run where job_id = ?"
                    + condition + " order by instance desc")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        JobRunEntity r = new JobRunEntity();
                        r.setJobId(rs.getString(1));
                        r.setInstance(rs.getInt(2));
                        r.setVersion(rs.getInt(3));
                        r.setFlinkJobId(rs.getString(4));
                        r.setRestoredFrom(rs.getString(5));
                        r.setStartedAt(instant(rs, 6));
                        r.setEndedAt(instant(rs, 7));
                        r.setEndState(rs.getString(8));
                        r.setRecordsRead((Long) rs.getObject(9));
                        r.setRecordsWritten((Long) rs.getObject(10));
                        r.setEndReason(rs.getString(11));
                        runs.add(StoreMapping.toRun(r));
                    }
                }
            }
            return runs;
        });
    }

    @Override
    public SavepointRecord addSavepoint(JobId id, int runInstance, int version, String location, SavepointSource source,
                                        SavepointStatus status, String description, Instant createdAt) {
        throw notOnRunPath("Recording a savepoint");
    }

    @Override
    public List<SavepointRecord> listSavepoints(JobId id) {
        return JdbcTransactions.read(db, "Listing the savepoints of " + id, c -> {
            List<SavepointRecord> savepoints = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id, job_id, run_instance, version, location, source, "
                    + "status, description, created_at from savepoint where job_id = ? order by created_at desc, id desc")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        savepoints.add(new SavepointRecord(rs.getLong(1), new JobId(rs.getString(2)), rs.getInt(3),
                                rs.getInt(4), rs.getString(5), SavepointSource.valueOf(rs.getString(6)),
                                SavepointStatus.valueOf(rs.getString(7)), rs.getString(8), instant(rs, 9)));
                    }
                }
            }
            return savepoints;
        });
    }

    // ---- events ----

    @Override
    public JobEvent add(JobId jobId, int runInstance, EventKind kind, Instant at, String message) {
        return add(new JobEvent(0, jobId, runInstance, kind, at, message, null, null, null, null));
    }

    @Override
    public JobEvent add(JobEvent event) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(event.kind(), "kind");
        Objects.requireNonNull(event.at(), "at");
        return JdbcTransactions.inTransaction(db, "Recording a " + event.kind() + " event", c -> {
            String message = event.message() == null ? "" : Limits.truncated(event.message(), Limits.MESSAGE);
            // the entity's defaults for what the short form leaves out (severity INFO, no evidence, no fix)
            String severity = event.severity() == null ? "INFO" : event.severity().name();
            String evidence = event.evidence() == null ? "" : Limits.truncated(event.evidence(), Limits.MESSAGE);
            String fix = event.fix() == null ? "" : Limits.truncated(event.fix(), Limits.DESCRIPTION);
            try (PreparedStatement s = c.prepareStatement("insert into event (job_id, run_instance, kind, at, message, "
                    + "severity, evidence, fix, cleared_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, event.jobId() == null ? null : event.jobId().value());
                s.setInt(2, event.runInstance());
                s.setString(3, event.kind().name());
                setInstant(s, 4, event.at());
                s.setString(5, message);
                s.setString(6, severity);
                s.setString(7, evidence);
                s.setString(8, fix);
                setInstant(s, 9, event.clearedAt());
                s.executeUpdate();
                long id;
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                return new JobEvent(id, event.jobId(), event.runInstance(), event.kind(), event.at(), message,
                        io.streamdesk.model.Severity.valueOf(severity), evidence, fix, event.clearedAt());
            }
        });
    }

    @Override
    public List<JobEvent> listForJob(JobId jobId, int limit) {
        throw notOnRunPath("Listing events");
    }

    @Override
    public List<JobEvent> listAll(int limit) {
        throw notOnRunPath("Listing events");
    }

    // ---- authoring: not on the run path ----

    @Override
    public Job create(Job job) {
        throw notOnRunPath("Creating a job");
    }

    @Override
    public Job updateIdentity(JobId id, String name, String folder) {
        throw notOnRunPath("Renaming a job");
    }

    @Override
    public io.streamdesk.model.Draft saveDraft(JobId id, String sql) {
        throw notOnRunPath("Saving a draft");
    }

    @Override
    public io.streamdesk.model.Draft saveDraft(JobId id, String sql, JobConfig config) {
        throw notOnRunPath("Saving a draft");
    }

    @Override
    public Optional<io.streamdesk.model.Draft> findDraft(JobId id) {
        throw notOnRunPath("Reading a draft");
    }

    @Override
    public Job createCopy(Job job, String draftSql, JobConfig draftConfig, Map<String, String> draftSettings,
                          Map<String, String> tags) {
        throw notOnRunPath("Copying a job");
    }

    @Override
    public Map<String, String> draftSettings(JobId id) {
        throw notOnRunPath("Reading draft settings");
    }

    @Override
    public void saveDraftSetting(JobId id, String key, String value) {
        throw notOnRunPath("Saving a draft setting");
    }

    @Override
    public Map<String, String> tags(JobId id) {
        throw notOnRunPath("Reading tags");
    }

    @Override
    public void saveTags(JobId id, Map<String, String> tags) {
        throw notOnRunPath("Saving tags");
    }

    private static UnsupportedOperationException notOnRunPath(String what) {
        return new UnsupportedOperationException(what + " is not part of running a published version from the command "
                + "line (this store opens only what a run needs)");
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void setInstant(PreparedStatement s, int column, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(column, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(column, value.atOffset(ZoneOffset.UTC));
        }
    }

    private static void setInteger(PreparedStatement s, int column, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(column, Types.INTEGER);
        } else {
            s.setInt(column, value);
        }
    }

    private static void setLong(PreparedStatement s, int column, Long value) throws SQLException {
        if (value == null) {
            s.setNull(column, Types.BIGINT);
        } else {
            s.setLong(column, value);
        }
    }
}
