package io.streamdesk.service;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.sql.SqlContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSqlContextsTest {
    private final DependencyRef kafka = new DependencyRef("kafka.jar", 2, "ab12");

    @Test
    void aVersionRunsWithItsDependencyFilesAndTheVariableValuesItFroze() {
        JobId id = JobId.generate();
        JobSqlContexts contexts = new JobSqlContexts()
                .withJarFiles(refs -> refs.stream().map(r -> Path.of("/deps/" + r.sha256() + ".jar")).toList())
                .withVariables(new JobSqlContexts.VariableSource() {
                    @Override
                    public Map<String, String> current() {
                        return Map.of("rate", "10");
                    }

                    @Override
                    public Map<String, String> frozen(JobId job, int version) {
                        return job.equals(id) && version == 3 ? Map.of("rate", "5") : Map.of();
                    }
                });
        JobConfig config = JobConfig.defaults().withDependencies(List.of(kafka));
        JobVersion v3 = new JobVersion(id, 3, "INSERT ...", "d", "me", Instant.EPOCH, config);

        SqlContext run = contexts.forVersion(v3);
        SqlContext draft = contexts.forDraft(config);

        assertThat(run.jars()).containsExactly(Path.of("/deps/ab12.jar"));
        assertThat(run.variables()).containsEntry("rate", "5");
        assertThat(draft.variables()).containsEntry("rate", "10");
        assertThat(run.catalog()).isEqualTo(MetadataSnapshot.EMPTY);
    }

    @Test
    void withoutADependencyStoreAJobWithDependenciesIsRefusedNotRunWithoutThem() {
        JobConfig config = JobConfig.defaults().withDependencies(List.of(kafka));
        assertThatThrownBy(() -> new JobSqlContexts().forDraft(config))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("kafka.jar@2");
        assertThat(new JobSqlContexts().forDraft(JobConfig.defaults()).jars()).isEmpty();
    }

    @Test
    void theComparisonShowsDependencyVersionsWithTheirHashes() {
        assertThat(JobConfig.defaults().withDependencies(List.of(kafka)).entries())
                .containsEntry("dependencies.kafka.jar", "v2 sha256 ab12");
        assertThat(DependencyRef.parse(" kafka.jar@2 ")).isEqualTo(new DependencyRef("kafka.jar", 2, null));
        assertThatThrownBy(() -> DependencyRef.parse("kafka.jar")).hasMessageContaining("NAME@VERSION");
    }
}
