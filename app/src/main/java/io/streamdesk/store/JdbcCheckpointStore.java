package io.streamdesk.store;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.port.CheckpointStore;
import io.streamdesk.service.port.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** {@link CheckpointStore} on H2 with plain JDBC (the sampler writes a few rows per tick). */
public final class JdbcCheckpointStore implements CheckpointStore {
    private final DataSource dataSource;

    public JdbcCheckpointStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void upsert(Collection<CheckpointRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        String sql = """
                MERGE INTO checkpoint_record t
                USING (VALUES (CAST(? AS VARCHAR(12)), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS VARCHAR(64)),
                               CAST(? AS BIGINT), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)),
                               CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT),
                               CAST(? AS VARCHAR(2000)), CAST(? AS VARCHAR(1000))))
                   AS s(job_id, run_instance, version, flink_job_id, checkpoint_id, kind, source, status,
                        trigger_ts, completion_ts, duration_ms, size_bytes, location, description)
                ON t.flink_job_id = s.flink_job_id AND t.checkpoint_id = s.checkpoint_id
                WHEN MATCHED THEN UPDATE SET status = s.status, completion_ts = s.completion_ts,
                     duration_ms = s.duration_ms, size_bytes = s.size_bytes,
                     location = COALESCE(s.location, t.location), description = COALESCE(s.description, t.description),
                     source = s.source
                WHEN NOT MATCHED THEN INSERT (job_id, run_instance, version, flink_job_id, checkpoint_id, kind, source,
                     status, trigger_ts, completion_ts, duration_ms, size_bytes, location, description)
                     VALUES (s.job_id, s.run_instance, s.version, s.flink_job_id, s.checkpoint_id, s.kind, s.source,
                     s.status, s.trigger_ts, s.completion_ts, s.duration_ms, s.size_bytes, s.location, s.description)
                """;
        JdbcTransactions.inTransaction(dataSource, "Storing checkpoint records", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (CheckpointRecord r : records) {
                    ps.setString(1, r.jobId().value());
                    ps.setInt(2, r.runInstance());
                    ps.setInt(3, r.version());
                    ps.setString(4, Limits.bounded(r.flinkJobId(), "Flink job id", 64));
                    ps.setLong(5, r.checkpointId());
                    ps.setString(6, r.kind() == null ? "CHECKPOINT" : r.kind());
                    ps.setString(7, r.source().name());
                    ps.setString(8, r.status().name());
                    ps.setLong(9, r.triggeredAt().toEpochMilli());
                    setLong(ps, 10, r.completedAt() == null ? null : r.completedAt().toEpochMilli());
                    setLong(ps, 11, r.duration() == null ? null : r.duration().toMillis());
                    setLong(ps, 12, r.sizeBytes());
                    ps.setString(13, Limits.bounded(r.location(), "Checkpoint location", 2000));
                    ps.setString(14, Limits.bounded(r.description(), "Description", 1000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    @Override
    public List<CheckpointRecord> list(JobId job, int limit) {
        String sql = "SELECT run_instance, version, flink_job_id, checkpoint_id, kind, source, status, trigger_ts, "
                + "completion_ts, duration_ms, size_bytes, location, description FROM checkpoint_record "
                + "WHERE job_id = ? ORDER BY trigger_ts DESC, checkpoint_id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job.value());
            ps.setInt(2, limit);
            List<CheckpointRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CheckpointRecord(job, rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), SavepointSource.valueOf(rs.getString(6)),
                            SavepointStatus.valueOf(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)),
                            instant(rs, 9), duration(rs, 10), nullableLong(rs, 11), rs.getString(12), rs.getString(13)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading the checkpoints of " + job + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int trimPeriodic(JobId job, int keep) {
        String sql = "DELETE FROM checkpoint_record WHERE job_id = ? AND source = 'PERIODIC' AND id NOT IN "
                + "(SELECT id FROM checkpoint_record WHERE job_id = ? AND source = 'PERIODIC' "
                + "ORDER BY trigger_ts DESC LIMIT ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job.value());
            ps.setString(2, job.value());
            ps.setInt(3, keep);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Trimming the checkpoints of " + job + " failed: " + e.getMessage(), e);
        }
    }

    private static Long nullableLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        Long v = nullableLong(rs, index);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    private static Duration duration(ResultSet rs, int index) throws SQLException {
        Long v = nullableLong(rs, index);
        return v == null ? null : Duration.ofMillis(v);
    }
}
