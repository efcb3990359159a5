package io.streamdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's run path opens the database without Flyway and Hibernate only when the schema is exactly this
 * build's (real H2, real Flyway history); anything else goes the full way.
 */
class RunPathDatabaseTest {

    @Test
    void aDatabaseMigratedByThisBuildIsOpenedWithoutFlyway(@TempDir Path dir) throws Exception {
        DataDirectory dirs = DataDirectory.at(dir);
        assertThat(RunPathDatabase.openIfCurrent(dirs)).as("no database yet").isEmpty();
        Database.open(dirs).close();

        assertThat(RunPathDatabase.newestMigration()).isGreaterThanOrEqualTo(17);
        try (RunPathDatabase db = RunPathDatabase.openIfCurrent(dirs).orElseThrow();
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("select count(*) from job").next()).isTrue();
        }
    }

    @Test
    void aSchemaBehindOrAheadOfThisBuildGoesTheFullWay(@TempDir Path dir) throws Exception {
        DataDirectory dirs = DataDirectory.at(dir);
        Database database = Database.open(dirs);
        int newest = RunPathDatabase.newestMigration();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            // a newer build migrated it: its tables may differ from what this build's stores write
            s.executeUpdate("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"installed_by\", \"execution_time\", \"success\") values (1000, '"
                    + (newest + 1) + "', 'later', 'SQL', 'V" + (newest + 1) + "__later.sql', 'sa', 1, true)");
        }
        database.close();

        assertThat(RunPathDatabase.openIfCurrent(dirs)).isEmpty();
    }
}
