package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.testing.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real app's graph (H2, the stored files, Flink's checker): a job's uploaded jar reaches the check through the
 * JarFiles hook (stored, verified, loaded by the job's class loader), and a jar changed on disk afterwards fails the
 * check with the dependency named instead of being loaded.
 */
class DependencyJarsInTheCheckTest {
    @TempDir
    Path dir;

    @Test
    void theJobsJarIsVerifiedAndUsedByTheRealCheck() throws Exception {
        String sql = "CREATE TABLE s (x INT) WITH ('connector' = 'datagen');\n"
                + "CREATE TABLE k (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT x FROM s;\n";
        try (AppContext app = AppContext.open(dir.resolve("data"), AppOptions.forCli())) {
            Job job = app.jobs().createSqlJob("orders", "/");
            app.jobs().saveDraft(job.id(), sql);
            DependencyVersion udf = app.dependencies().add(TestJars.jar(dir.resolve("up"), "udfs.jar", "1"), "");
            app.dependencies().useInDraft(job.id(), List.of(DependencyRef.parse("udfs.jar@1")));

            assertThat(app.jobs().check(job.id(), sql)).isEmpty();
            assertThat(app.jobs().publish(job.id(), "with udfs").config().dependencies())
                    .containsExactly(new DependencyRef("udfs.jar", 1, udf.sha256()));

            Path stored = app.dependencies().files(app.jobs().version(job.id(), 1).config().dependencies()).get(0);
            assertThat(stored).startsWith(dir.resolve("data").resolve("dependencies"));
            stored.toFile().setWritable(true);
            Files.write(stored, Files.readAllBytes(TestJars.jar(dir.resolve("other"), "udfs.jar", "tampered")));
            // the check reports it as a problem at 1:1; publishing refuses it
            assertThat(app.jobs().check(job.id(), sql)).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.message()).contains("udfs.jar@1", "changed on disk");
            });
            assertThatThrownBy(() -> app.jobs().publish(job.id(), "again"))
                    .isInstanceOf(InputRejectedException.class).hasMessageContaining("changed on disk");
        }
    }
}
