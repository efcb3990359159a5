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
            // the last one applied, by rank: versions are text ("9" sorts after "11")
            assertThat(queryString(db, "select \"version\" from \"flyway_schema_history\" where \"success\" "
                    + "order by \"installed_rank\" desc limit 1")).isEqualTo(newestMigration());
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
                        .isEqualTo(Integer.toString(migrationFiles().size()));
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

    /** The migration files shipped (V1__..., V2__..., V2_1__...): every one runs once. */
    private static java.util.List<String> migrationFiles() throws Exception {
        java.net.URL dir = DatabaseTest.class.getResource("/db/migration");
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V[0-9_]+__.*\\.sql")).toList();
        }
    }

    /** The highest version as Flyway writes it ("2.1" for V2_1__). */
    static String newestMigration() throws Exception {
        return migrationFiles().stream().map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                .max(java.util.Comparator.comparing(v -> java.util.Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt)
                        .boxed().map(x -> String.format("%06d", x)).reduce("", String::concat)))
                .orElseThrow();
    }
}
