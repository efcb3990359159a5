package io.streamdesk.service.dependencies;

import io.streamdesk.model.Job;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jobs and dependencies through the one service graph: choosing versions, freezing, refusals, the verified files. */
class DependencyJobsTest {
    @TempDir
    Path dir;

    @Test
    void aDraftTakesOnlyExistingVersionsOnceEach() throws Exception {
        FakeServices services = new FakeServices(dir);
        DependencyService deps = services.dependencies();
        Job job = services.jobs().createSqlJob("orders", "/");
        DependencyVersion v1 = deps.add(TestJars.jar(dir.resolve("up"), "udf.jar", "1"), "");

        assertThatThrownBy(() -> deps.useInDraft(job.id(), List.of(DependencyRef.parse("udf.jar@2"))))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("udf.jar has no version 2");
        assertThatThrownBy(() -> deps.useInDraft(job.id(), List.of(DependencyRef.parse("other.jar@1"))))
                .hasMessageContaining("No dependency named other.jar");
        assertThatThrownBy(() -> deps.useInDraft(job.id(), List.of(DependencyRef.parse("udf.jar@1"),
                DependencyRef.parse("udf.jar@1")))).hasMessageContaining("named twice");
        assertThatThrownBy(() -> deps.resolveTexts(List.of("udf.jar"))).hasMessageContaining("is not NAME@VERSION");

        deps.useInDraft(job.id(), List.of(DependencyRef.parse("udf.jar@1")));
        assertThat(services.jobs().draft(job.id()).orElseThrow().config().dependencies())
                .containsExactly(new DependencyRef("udf.jar", 1, v1.sha256()));
    }

    @Test
    void deletingAReferencedVersionIsRefusedNamingTheJobAndItsVersion() throws Exception {
        FakeServices services = new FakeServices(dir);
        DependencyService deps = services.dependencies();
        Job job = services.jobs().createSqlJob("orders", "/");
        deps.add(TestJars.jar(dir.resolve("up"), "kafka.jar", "1"), "");
        services.jobs().saveDraft(job.id(), "SELECT 1;");
        deps.useInDraft(job.id(), List.of(DependencyRef.parse("kafka.jar@1")));
        services.jobs().publish(job.id(), "v1");
        deps.useInDraft(job.id(), List.of());

        assertThatThrownBy(() -> deps.remove("kafka.jar", 1))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("kafka.jar@1 cannot be removed")
                .hasMessageContaining("job 'orders' (" + job.id().value() + ") version 1");
        assertThatThrownBy(() -> deps.remove("kafka.jar")).hasMessageContaining("job 'orders'");
        assertThat(deps.referencedBy("kafka.jar")).extracting(DependencyUse::describe)
                .containsExactly("job 'orders' (" + job.id().value() + ") version 1");

        services.jobs().deleteVersion(job.id(), 1);
        deps.remove("kafka.jar", 1);
        assertThat(deps.list()).isEmpty();
    }

    @Test
    void theFilesOfAJobAreItsVerifiedJarsAndAChangedFileIsAClearError() throws Exception {
        FakeServices services = new FakeServices(dir);
        DependencyService deps = services.dependencies();
        Job job = services.jobs().createSqlJob("orders", "/");
        DependencyVersion jar = deps.add(TestJars.jar(dir.resolve("up"), "kafka.jar", "1"), "");
        deps.add(TestJars.text(dir.resolve("up"), "app.conf", "a: 1\n"), "");
        List<DependencyRef> refs = deps.resolveTexts(List.of("app.conf@1", "kafka.jar@1"));

        List<Path> files = deps.files(refs);
        assertThat(files).containsExactly(services.dependencyFiles.pathOf(jar.sha256(), DependencyKind.JAR));
        deps.useInDraft(job.id(), refs);
        assertThat(services.graph().sqlContexts().forDraft(services.jobs().draft(job.id()).orElseThrow().config())
                .jars()).as("the check, compile and run of the draft get these jars").isEqualTo(files);

        Path stored = files.get(0);
        stored.toFile().setWritable(true);
        Files.write(stored, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> deps.files(refs))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("kafka.jar@1")
                .hasMessageContaining("changed on disk");
        Files.delete(stored);
        assertThatThrownBy(() -> deps.files(refs)).hasMessageContaining("missing");
        assertThatThrownBy(() -> deps.files(List.of(new DependencyRef("kafka.jar", 1, "f".repeat(64)))))
                .hasMessageContaining("was referenced with sha256");
    }
}
