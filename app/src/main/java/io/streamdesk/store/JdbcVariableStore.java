package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.model.variable.FrozenVariable;
import io.streamdesk.model.variable.Variable;
import io.streamdesk.model.sql.VariableSubstitution;
import io.streamdesk.service.port.StoreException;
import io.streamdesk.service.port.VariableStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link VariableStore} on the {@code variable} and {@code job_version_variable} tables (V15). A secret variable's
 * value is never a column: only the id of its secret in the secret store.
 */
public final class JdbcVariableStore implements VariableStore {
    private static final String WORKSPACE = HibernateJobStore.DEFAULT_WORKSPACE;
    private static final String COLUMNS = "name, var_value, secret_id, description, updated_at";

    private final DataSource dataSource;

    public JdbcVariableStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<Variable> list() {
        return JdbcTransactions.read(dataSource, "Listing the variables", c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from variable where workspace_id = ? order by name")) {
                ps.setString(1, WORKSPACE);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Variable> all = new ArrayList<>();
                    while (rs.next()) {
                        all.add(read(rs));
                    }
                    return all;
                }
            }
        });
    }

    @Override
    public Optional<Variable> find(String name) {
        return JdbcTransactions.read(dataSource, "Reading variable " + name, c -> select(c, name));
    }

    @Override
    public Variable save(Variable v) {
        return JdbcTransactions.inTransaction(dataSource, "Saving variable '" + v.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("merge into variable (workspace_id, name, var_value, "
                    + "secret_id, description, updated_at) key (workspace_id, name) values (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, WORKSPACE);
                ps.setString(2, Limits.required(v.name(), "Variable name", VariableSubstitution.MAX_NAME_LENGTH));
                ps.setString(3, Limits.bounded(v.value(), "Variable value", VariableSubstitution.MAX_VALUE_LENGTH));
                ps.setString(4, Limits.bounded(v.secretId(), "Secret ID", 100));
                ps.setString(5, Limits.bounded(v.description(), "Description", Limits.DESCRIPTION));
                ps.setObject(6, v.updatedAt().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return select(c, v.name()).orElseThrow();
        });
    }

    @Override
    public boolean delete(String name) {
        return JdbcTransactions.inTransaction(dataSource, "Deleting variable " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from variable where workspace_id = ? and name = ?")) {
                ps.setString(1, WORKSPACE);
                ps.setString(2, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void freeze(JobId job, int number, List<FrozenVariable> values) {
        if (values.isEmpty()) {
            return;
        }
        JdbcTransactions.inTransaction(dataSource, "Freezing the variables of " + job + " v" + number, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into job_version_variable (job_id, version, name, "
                    + "var_value, secret_id) values (?, ?, ?, ?, ?)")) {
                for (FrozenVariable v : values) {
                    ps.setString(1, job.value());
                    ps.setInt(2, number);
                    ps.setString(3, Limits.required(v.name(), "Variable name", VariableSubstitution.MAX_NAME_LENGTH));
                    ps.setString(4, Limits.bounded(v.value(), "Variable value", VariableSubstitution.MAX_VALUE_LENGTH));
                    ps.setString(5, Limits.bounded(v.secretId(), "Secret ID", 100));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<FrozenVariable> frozen(JobId job, int number) {
        return JdbcTransactions.read(dataSource, "Reading the variables of " + job + " v" + number, c -> {
            try (PreparedStatement ps = c.prepareStatement("select name, var_value, secret_id from "
                    + "job_version_variable where job_id = ? and version = ? order by name")) {
                ps.setString(1, job.value());
                ps.setInt(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    List<FrozenVariable> all = new ArrayList<>();
                    while (rs.next()) {
                        all.add(new FrozenVariable(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                    return all;
                }
            }
        });
    }

    @Override
    public boolean secretFrozen(String secretId) {
        return JdbcTransactions.read(dataSource, "Looking for secret " + secretId, c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from job_version_variable where secret_id = ? "
                    + "fetch first 1 rows only")) {
                ps.setString(1, secretId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static Optional<Variable> select(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                + " from variable where workspace_id = ? and name = ?")) {
            ps.setString(1, WORKSPACE);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Variable read(ResultSet rs) throws SQLException {
        try {
            return new Variable(rs.getString("name"), rs.getString("var_value"), rs.getString("secret_id"),
                    rs.getString("description"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
        } catch (IllegalArgumentException e) {
            throw new StoreException("Variable " + rs.getString("name") + " is stored without a value", e);
        }
    }
}
