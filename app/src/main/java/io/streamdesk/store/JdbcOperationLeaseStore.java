package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.model.LeaseOwner;
import io.streamdesk.model.OperationLease;
import io.streamdesk.service.port.OperationLeaseStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link OperationLeaseStore} on the {@code job_operation_lease} table (V11). The app and the CLI reach the same H2
 * file (AUTO_SERVER), so a lease taken here is seen by both. Taking one reads the row FOR UPDATE and then inserts or
 * overwrites it in the same transaction: two takers of one job are serialised by the row lock, or, when there was no
 * row, by the primary key (the second INSERT fails and that taker reads the winner's row).
 */
public final class JdbcOperationLeaseStore implements OperationLeaseStore {
    private static final String DUPLICATE_KEY = "23505";
    private static final String COLUMNS = "job_id, operation, owner_pid, owner_host, owner_started_at, acquired_at, expires_at";

    private final DataSource dataSource;

    public JdbcOperationLeaseStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public OperationLease tryAcquire(JobId job, String operation, LeaseOwner owner, Instant now, Instant expiresAt) {
        String op = Limits.required(operation, "Operation", 40);
        try {
            return JdbcTransactions.inTransaction(dataSource, "Taking the operation lease of " + job, c -> {
                Optional<OperationLease> held = select(c, job, true);
                OperationLease mine = new OperationLease(job, op, owner, now, expiresAt);
                if (held.isEmpty()) {
                    insert(c, mine);
                    return mine;
                }
                OperationLease current = held.get();
                boolean free = !now.isBefore(current.expiresAt()) || current.owner().id().equals(owner.id())
                        || current.owner().isGoneOnThisHost();
                if (!free) {
                    return current;
                }
                overwrite(c, mine);
                return mine;
            });
        } catch (io.streamdesk.service.port.StoreException e) {
            if (e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
                // another process inserted the row between our read and our insert: it holds the lease
                return find(job).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    @Override
    public boolean renew(JobId job, LeaseOwner owner, Instant expiresAt) {
        return JdbcTransactions.inTransaction(dataSource, "Renewing the operation lease of " + job, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update job_operation_lease set expires_at = ? where job_id = ? and owner_id = ?")) {
                ps.setObject(1, ts(expiresAt));
                ps.setString(2, job.value());
                ps.setString(3, owner.id());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(JobId job, LeaseOwner owner) {
        JdbcTransactions.inTransaction(dataSource, "Releasing the operation lease of " + job, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from job_operation_lease where job_id = ? and owner_id = ?")) {
                ps.setString(1, job.value());
                ps.setString(2, owner.id());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<OperationLease> find(JobId job) {
        return JdbcTransactions.read(dataSource, "Reading the operation lease of " + job, c -> select(c, job, false));
    }

    private static Optional<OperationLease> select(Connection c, JobId job, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                + " from job_operation_lease where job_id = ?" + (forUpdate ? " for update" : ""))) {
            ps.setString(1, job.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LeaseOwner owner = new LeaseOwner(rs.getLong("owner_pid"), rs.getString("owner_host"),
                        instant(rs, "owner_started_at"));
                return Optional.of(new OperationLease(job, rs.getString("operation"), owner,
                        instant(rs, "acquired_at"), instant(rs, "expires_at")));
            }
        }
    }

    private static void insert(Connection c, OperationLease lease) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into job_operation_lease (operation, owner_id, owner_pid, "
                + "owner_host, owner_started_at, acquired_at, expires_at, job_id) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, lease);
            ps.executeUpdate();
        }
    }

    private static void overwrite(Connection c, OperationLease lease) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update job_operation_lease set operation = ?, owner_id = ?, "
                + "owner_pid = ?, owner_host = ?, owner_started_at = ?, acquired_at = ?, expires_at = ? where job_id = ?")) {
            bind(ps, lease);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, OperationLease lease) throws SQLException {
        ps.setString(1, lease.operation());
        ps.setString(2, Limits.truncated(lease.owner().id(), 300));
        ps.setLong(3, lease.owner().pid());
        ps.setString(4, Limits.truncated(lease.owner().host(), 200));
        ps.setObject(5, lease.owner().processStart() == null ? null : ts(lease.owner().processStart()));
        ps.setObject(6, ts(lease.acquiredAt()));
        ps.setObject(7, ts(lease.expiresAt()));
        ps.setString(8, lease.jobId().value());
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
