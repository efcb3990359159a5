package io.streamdesk.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The start-up schema check (ADR 0015): Flyway runs when the database is new, behind or ahead of the app's
 * migrations, and only then; the versions the check lists are the ones Flyway resolves; the entities match the
 * migrated schema (Hibernate's validation, which the start no longer runs).
 */
class SchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void theCarriedVersionsAreTheMigrationsFlywayResolves() {
        try (Database db = Database.open(dir)) {
            Set<String> resolved = Arrays.stream(Flyway.configure().dataSource(db.dataSource())
                            .locations("classpath:" + SchemaVersion.LOCATION).load().info().all())
                    .map(MigrationInfo::getVersion).map(v -> v.getVersion()).collect(Collectors.toSet());
            assertThat(SchemaVersion.carriedVersions()).isNotEmpty().isEqualTo(resolved);
            assertThat(SchemaVersion.appliedVersions(db.dataSource())).isEqualTo(resolved);
        }
    }

    @Test
    void migratesANewDatabaseAndSkipsFlywayWhenUpToDate() {
        Database.Opening first = Database.begin(dir);
        first.finish().close();
        Database.Opening again = Database.begin(dir);
        try {
            assertThat(SchemaVersion.migrateWhenBehind(again.dataSource())).contains("nothing to migrate");
        } finally {
            again.abandon();
        }
    }

    @Test
    void aDatabaseBehindTheAppIsMigratedByFlyway() throws Exception {
        Database.open(dir).close();
        Database.Opening opening = Database.begin(dir);
        try (Connection c = opening.dataSource().getConnection(); Statement s = c.createStatement()) {
            // as if the newest migration had never run: its history row gone (its tables stay; Flyway re-runs it)
            String newest = DatabaseTest.newestMigration();
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + newest + "'");
            assertThat(SchemaVersion.appliedVersions(opening.dataSource())).doesNotContain(newest);
        } finally {
            opening.abandon();
        }
        assertThatThrownBy(() -> Database.open(dir))
                .describedAs("Flyway ran the missing migration again (its tables exist already), so it was not skipped")
                .hasMessageContaining("Cannot open the database");
    }

    @Test
    void theEntitiesMatchTheMigratedSchema() {
        try (Database db = Database.open(dir)) {
            Database.buildSessionFactory(db.dataSource(), true).close(); // hbm2ddl validate: throws on a drift
        }
    }
}
