package io.streamdesk.store;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.LogLevel;
import io.streamdesk.model.RuntimeMode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafts and versions keep their configuration (P1-P6, V1), and migration V2 gives older rows honest values. */
class JobConfigStorageTest {
    @TempDir
    Path dir;

    private static final JobConfig CUSTOM = new JobConfig("pipeline.max-parallelism: 256\nstate.backend.type: hashmap\n",
            new JobResources(0.5, 2, 3), RuntimeMode.BATCH, LogLevel.WARN);

    @Test
    void draftsAndVersionsRoundTripTheirConfiguration() {
        Job job;
        try (Database db = Database.open(dir)) {
            HibernateJobStore jobs = new HibernateJobStore(db);
            HibernateVersionStore versions = new HibernateVersionStore(db);
            job = jobs.create(TestJobs.newJob("configured"));
            Draft first = jobs.saveDraft(job.id(), "SELECT 1");
            assertThat(first.config()).isEqualTo(JobConfig.defaults());
            jobs.saveDraft(job.id(), "SELECT 1", CUSTOM);
            Draft sqlOnly = jobs.saveDraft(job.id(), "SELECT 2");
            assertThat(sqlOnly.config()).as("a SQL-only save keeps the configuration").isEqualTo(CUSTOM);
            versions.publish(job.id(), "SELECT 2", CUSTOM, "custom", "me");
            jobs.saveDraft(job.id(), "SELECT 3", JobConfig.defaults());
            versions.publish(job.id(), "SELECT 3", JobConfig.defaults(), "defaults", "me");
        }
        try (Database db = Database.open(dir)) {
            HibernateVersionStore versions = new HibernateVersionStore(db);
            JobVersion v1 = versions.find(job.id(), 1).orElseThrow();
            assertThat(v1.config()).isEqualTo(CUSTOM);
            assertThat(v1.configurationEntries()).containsExactly(
                    java.util.Map.entry("parameters.pipeline.max-parallelism", "256"),
                    java.util.Map.entry("parameters.state.backend.type", "hashmap"),
                    java.util.Map.entry("resources.jobmanager-cu", "0.5"),
                    java.util.Map.entry("resources.taskmanager-cu", "2"),
                    java.util.Map.entry("resources.parallelism", "3"),
                    java.util.Map.entry("runtime-mode", "BATCH"),
                    java.util.Map.entry("log-level", "WARN"));
            assertThat(versions.find(job.id(), 2).orElseThrow().config()).isEqualTo(JobConfig.defaults());
            assertThat(new HibernateJobStore(db).findDraft(job.id()).orElseThrow().config()).isEqualTo(JobConfig.defaults());
        }
    }

    @Test
    void migrationV2GivesOldDraftsTheDefaultsAndOldVersionsNoParameters() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("streamdesk") + Database.URL_SETTINGS;
        org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(url, "sa", "");
        // one connection held open for the whole setup, so the database is not reopened per Flyway statement
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("1").load().migrate();
            s.execute("INSERT INTO job (id, workspace_id, name, folder, type, cluster_id, status, created_at) "
                    + "VALUES ('cql-old00001', 'default', 'old', '/', 'SQL', 'local', 'STOPPED', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO draft (job_id, sql, revision, saved_at) VALUES ('cql-old00001', 'SELECT 1', 3, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO job_version (job_id, number, sql, description, author, created_at) "
                    + "VALUES ('cql-old00001', 1, 'SELECT 1', 'old', 'me', CURRENT_TIMESTAMP)");
        } finally {
            pool.dispose();
        }
        try (Database db = Database.open(dir)) {
            io.streamdesk.model.JobId id = new io.streamdesk.model.JobId("cql-old00001");
            Draft draft = new HibernateJobStore(db).findDraft(id).orElseThrow();
            assertThat(draft.config()).isEqualTo(JobConfig.defaults());
            JobVersion v1 = new HibernateVersionStore(db).find(id, 1).orElseThrow();
            assertThat(v1.config().parameters()).isEmpty();
            assertThat(v1.config().resources()).isEqualTo(JobResources.defaults());
            assertThat(v1.config().runtimeMode()).isEqualTo(RuntimeMode.STREAMING);
        }
    }
}
