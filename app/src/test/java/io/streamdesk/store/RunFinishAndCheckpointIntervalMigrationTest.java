package io.streamdesk.store;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.service.jobconfig.ParameterValidator;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration V10: record counts of finished runs, and P3's periodic checkpoints for drafts saved before it. */
class RunFinishAndCheckpointIntervalMigrationTest {
    @TempDir
    Path dir;

    /** The default parameters a draft got before V10 (V2's text with V9's comment). */
    static final String BEFORE_V10 = JobConfig.DEFAULT_PARAMETERS.replace(
            "# periodic checkpoints: what \"run from the latest checkpoint\" restores after a stop or a crash\n"
                    + "execution.checkpointing.interval: 60 s\n", "");

    @Test
    void draftsWithoutACheckpointIntervalGetTheDefaultLineAndOthersKeepTheirs() throws Exception {
        assertThat(BEFORE_V10).doesNotContain("checkpointing.interval");
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("streamdesk") + Database.URL_SETTINGS;
        org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(url, "sa", "");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("9").load().migrate();
            insertDraft(s, "cql-default1", BEFORE_V10);
            insertDraft(s, "cql-custom01", "pipeline.max-parallelism: 128");
            insertDraft(s, "cql-ownvalue", "execution.checkpointing.interval: 10 s\n");
        } finally {
            pool.dispose();
        }
        try (Database db = Database.open(dir)) {
            HibernateJobStore store = new HibernateJobStore(db);
            JobConfig migrated = store.findDraft(new JobId("cql-default1")).orElseThrow().config();
            assertThat(migrated.parameters()).isEqualTo(JobConfig.DEFAULT_PARAMETERS);
            assertThat(migrated.parameterEntries()).containsEntry("execution.checkpointing.interval", "60 s");
            assertThat(new ParameterValidator().validate(migrated, new ParameterValidator.Context(null, null, false)))
                    .as("the migrated default parses without problems").isEmpty();

            assertThat(store.findDraft(new JobId("cql-custom01")).orElseThrow().config().parameters())
                    .startsWith("pipeline.max-parallelism: 128\n# periodic checkpoints")
                    .endsWith("execution.checkpointing.interval: 60 s\n");
            assertThat(store.findDraft(new JobId("cql-ownvalue")).orElseThrow().config().parameters())
                    .isEqualTo("execution.checkpointing.interval: 10 s\n");
        }
    }

    @Test
    void aFinishedRunKeepsItsRecordCounts() {
        try (Database db = Database.open(dir)) {
            io.streamdesk.model.Job job = new HibernateJobStore(db).create(TestJobs.newJob("bounded"));
            HibernateRunStore runs = new HibernateRunStore(db);
            Instant t0 = Instant.parse("2026-12-03T10:00:00Z");
            JobRun run = runs.startRun(job.id(), 1, "f1", null, t0);
            runs.finishRun(job.id(), run.instance(), t0.plusSeconds(3), 1000L, 10L);
            JobRun finished = runs.listRuns(job.id()).get(0);
            assertThat(finished.endState()).isEqualTo(JobRun.FINISHED);
            assertThat(finished.recordsRead()).isEqualTo(1000L);
            assertThat(finished.recordsWritten()).isEqualTo(10L);
            assertThat(finished.finishSummary()).isEqualTo("3.0 s, 1,000 records read, 10 written");
            assertThat(runs.liveRun(job.id())).isEmpty();

            JobRun second = runs.startRun(job.id(), 1, "f2", null, t0.plusSeconds(10));
            runs.endRun(job.id(), second.instance(), "CANCELED", t0.plusSeconds(20));
            assertThat(runs.listRuns(job.id()).get(0).recordsRead()).isNull();
            assertThat(runs.listRuns(job.id()).get(0).finishSummary()).isNull();
        }
    }

    private static void insertDraft(Statement s, String id, String parameters) throws Exception {
        s.execute("INSERT INTO job (id, workspace_id, name, folder, type, cluster_id, status, created_at) "
                + "VALUES ('" + id + "', 'default', 'old', '/', 'SQL', 'local', 'STOPPED', CURRENT_TIMESTAMP)");
        s.execute("INSERT INTO draft (job_id, sql, revision, saved_at, parameters) VALUES ('" + id
                + "', 'SELECT 1', 3, CURRENT_TIMESTAMP, '" + parameters.replace("'", "''") + "')");
    }
}
