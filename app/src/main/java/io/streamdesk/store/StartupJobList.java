package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobWarning;
import io.streamdesk.service.port.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The job list as {@link HibernateJobStore#list()} reads it, with one plain query, for the first frame: the app
 * shows it while Hibernate boots and the services are wired. Read only; the services replace it once ready.
 * {@code StartupJobListTest} checks that both read the same jobs.
 */
public final class StartupJobList {
    private StartupJobList() {
    }

    /** The jobs of the default workspace, ordered as the job store orders them. */
    public static List<Job> read(DataSource dataSource) {
        String sql = "SELECT id, name, folder, type, cluster_id, status, online_version, created_at, cumulative_run_ms, "
                + "run_started_at, run_instance, flink_job_id, warning_operation, warning_message, warning_fix, "
                + "warning_at, run_state_version FROM job WHERE workspace_id = ? ORDER BY created_at, id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, HibernateJobStore.DEFAULT_WORKSPACE);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String warningOperation = r.getString(13);
                    String warningMessage = r.getString(14);
                    JobWarning warning = warningMessage == null && warningOperation == null ? null
                            : new JobWarning(warningOperation, warningMessage, r.getString(15), instant(r, 16));
                    int online = r.getInt(7);
                    Integer onlineVersion = r.wasNull() ? null : online;
                    jobs.add(new Job(new JobId(r.getString(1)), r.getString(2), r.getString(3),
                            JobType.valueOf(r.getString(4)), r.getString(5), JobStatus.valueOf(r.getString(6)),
                            onlineVersion, instant(r, 8), Duration.ofMillis(r.getLong(9)), instant(r, 10),
                            r.getInt(11), r.getString(12), warning, r.getLong(17)));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new StoreException("Listing jobs failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
