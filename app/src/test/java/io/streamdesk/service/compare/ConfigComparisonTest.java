package io.streamdesk.service.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigComparisonTest {

    @Test
    void addedRemovedAndChangedKeysWithOldAndNewValues() {
        ConfigComparison c = ConfigComparison.of(
                Map.of("parallelism", "2", "log level", "INFO", "same", "1"),
                Map.of("parallelism", "4", "runtime mode", "batch", "same", "1"));
        assertThat(c.changes()).containsExactly(
                new ConfigChange("log level", ConfigChange.Kind.REMOVED, "INFO", "", false),
                new ConfigChange("parallelism", ConfigChange.Kind.CHANGED, "2", "4", false),
                new ConfigChange("runtime mode", ConfigChange.Kind.ADDED, "", "batch", false));
        assertThat(c.unchanged()).isEqualTo(1);
        assertThat(c.identical()).isFalse();
        assertThat(ConfigComparison.of(Map.of("a", "1"), Map.of("a", "1")).identical()).isTrue();
    }

    @Test
    void secretsAreMaskedButTheirChangeIsShown() {
        ConfigComparison c = ConfigComparison.of(
                Map.of("connector.password", "hunter2", "s3.access-key", "AKIA1"),
                Map.of("connector.password", "hunter3", "s3.access-key", "AKIA1", "auth.token", "t0k"));
        assertThat(c.changes()).containsExactly(
                new ConfigChange("auth.token", ConfigChange.Kind.ADDED, "", SecretKeys.MASK, true),
                new ConfigChange("connector.password", ConfigChange.Kind.CHANGED, SecretKeys.MASK, SecretKeys.MASK, true));
        assertThat(c.changes()).noneMatch(ch -> ch.oldValue().contains("hunter") || ch.newValue().contains("hunter"));
    }

    @Test
    void secretKeyNames() {
        assertThat(SecretKeys.isSecret("properties.sasl.jaas.config")).isTrue();
        assertThat(SecretKeys.isSecret("fs.s3a.secret.key")).isTrue();
        assertThat(SecretKeys.isSecret("fs.s3a.access.key")).isTrue();
        assertThat(SecretKeys.isSecret("DB_PASSWORD")).isTrue();
        assertThat(SecretKeys.isSecret("oauthToken")).isTrue();
        assertThat(SecretKeys.isSecret("key.fields")).isFalse();
        assertThat(SecretKeys.isSecret("parallelism.default")).isFalse();
        assertThat(SecretKeys.isSecret("table.exec.mini-batch.size")).isFalse();
    }

    @Test
    void aVersionsEntriesComeFromItsSetStatements() {
        String sql = """
                SET 'parallelism.default' = '4';
                -- SET 'commented.out' = 'x';
                set 'pipeline.name' = 'it''s mine';
                SELECT 'SET ''no'' = ''x'';' FROM t;
                """;
        JobVersion v = new JobVersion(JobId.generate(), 1, sql, "d", "me", Instant.EPOCH);
        assertThat(VersionConfiguration.of(v))
                .containsEntry("SQL SET: parallelism.default", "4")
                .containsEntry("SQL SET: pipeline.name", "it's mine")
                .doesNotContainKey("SQL SET: commented.out");
    }

    @Test
    void aVersionsFrozenConfigurationIsCompared() {
        io.streamdesk.model.JobConfig base = io.streamdesk.model.JobConfig.defaults();
        JobVersion v1 = new JobVersion(JobId.generate(), 1, "SELECT 1;", "d", "me", Instant.EPOCH, base);
        JobVersion v2 = new JobVersion(v1.jobId(), 2, "SELECT 1;", "d", "me", Instant.EPOCH,
                base.withLogLevel(io.streamdesk.model.LogLevel.DEBUG));
        ConfigComparison c = ConfigComparison.of(VersionConfiguration.of(v1), VersionConfiguration.of(v2));
        assertThat(c.changes()).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo("Configuration: log-level");
            assertThat(change.kind()).isEqualTo(ConfigChange.Kind.CHANGED);
            assertThat(change.oldValue()).isEqualTo("INFO");
            assertThat(change.newValue()).isEqualTo("DEBUG");
        });
    }
}
