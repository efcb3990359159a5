package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyDirectoryAndSeedsTheDefaultRows() throws Exception {
        try (Database db = Database.open(dir)) {
            assertThat(dir.resolve("streamdesk.mv.db")).exists();
            assertThat(queryString(db, "select name from workspace where id = 'default'")).isEqualTo("Default");
            assertThat(queryString(db, "select kind from cluster where id = 'local'")).isEqualTo("LOCAL");
            assertThat(queryString(db, "select path from folder where workspace_id = 'default'")).isEqualTo("/");
            assertThat(queryString(db, "select count(*) from \"flyway_schema_history\" where \"success\" and \"type\" = 'SQL'"))
                    .isEqualTo(migrationFiles()); // every V<n>__*.sql, whoever added it
        }
    }

    @Test
    void reopeningIsIdempotentAndKeepsData() throws Exception {
        Job job = TestJobs.newJob("kept");
        String historyRows;
        try (Database db = Database.open(dir)) {
            historyRows = queryString(db, "select count(*) from \"flyway_schema_history\"");
            new HibernateJobStore(db).create(job);
            new HibernateJobStore(db).saveDraft(job.id(), "SELECT 1");
        }
        for (int i = 0; i < 2; i++) {
            try (Database db = Database.open(dir)) {
                assertThat(queryString(db, "select count(*) from \"flyway_schema_history\"")).isEqualTo(historyRows);
                assertThat(queryString(db, "select count(*) from \"flyway_schema_history\" where \"type\" = 'SQL'"))
                        .isEqualTo(migrationFiles());
                assertThat(queryString(db, "select count(*) from workspace")).isEqualTo("1");
                assertThat(new HibernateJobStore(db).find(job.id())).get().extracting(Job::name).isEqualTo("kept");
                assertThat(new HibernateJobStore(db).findDraft(job.id())).get()
                        .satisfies(d -> assertThat(d.sql()).isEqualTo("SELECT 1"));
            }
        }
    }

    @Test
    void opensUnderTheDataDirectorysDbFolder() {
        DataDirectory data = DataDirectory.at(dir.resolve("data"));
        try (Database db = Database.open(data)) {
            assertThat(db.jdbcUrl()).contains(data.db().toString()).contains("WRITE_DELAY=0");
        }
        assertThat(data.db().resolve("streamdesk.mv.db")).exists();
    }

    @Test
    void twoOpensInOneProcessShareTheEngine() {
        try (Database first = Database.open(dir)) {
            // Within one JVM H2 shares the open engine (across processes its file lock refuses a second opener).
            try (Database second = Database.open(dir)) {
                assertThat(queryString(second, "select count(*) from workspace")).isEqualTo("1");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aFileThatIsNotADatabaseFailsWithStoreException() throws Exception {
        Files.writeString(dir.resolve("streamdesk.mv.db"), "this is not an H2 file");
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot open the database in " + dir);
    }

    static void execute(Database db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new AssertionError(sql, e);
        }
    }

    static String queryString(Database db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new AssertionError(sql, e);
        }
    }

    /** The number of migration scripts in the source tree, as text. */
    private static String migrationFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("app/src/main/resources/db/migration"))) {
            return String.valueOf(files.filter(f -> f.getFileName().toString().matches("V\\d+(_\\d+)*__.*\\.sql")).count());
        }
    }
}
