package io.streamdesk.store;

import io.streamdesk.service.port.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Plain-JDBC units of work for the stores that bypass Hibernate: one transaction, rolled back on any failure. */
final class JdbcTransactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private JdbcTransactions() {
    }

    /** Runs {@code work} in one transaction; a failure rolls it back and becomes a StoreException naming {@code action}. */
    static <T> T inTransaction(DataSource dataSource, String action, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(action + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs a read in auto-commit mode. */
    static <T> T read(DataSource dataSource, String action, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(action + " failed: " + e.getMessage(), e);
        }
    }
}
