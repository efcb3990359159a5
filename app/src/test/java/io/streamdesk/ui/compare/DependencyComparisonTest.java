package io.streamdesk.ui.compare;

import io.streamdesk.model.Job;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.compare.ConfigChange;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.TestJars;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import io.streamdesk.ui.versions.VersionsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V1 + V3: each version freezes the dependency versions of the draft it was published from, and the comparison's
 * configuration table shows the dependency versions with their hashes (changed, added), also for a name that reads
 * like a secret.
 */
class DependencyComparisonTest {
    @TempDir
    Path dir;

    @Test
    void theConfigurationTableShowsDependencyVersionsWithTheirHashes() throws Exception {
        FakeServices services = new FakeServices(dir);
        Job job = services.jobs().createSqlJob("orders", "/");
        DependencyVersion k1 = services.dependencies().add(TestJars.jar(dir.resolve("up"), "kafka.jar", "1"), "one");
        DependencyVersion k2 = services.dependencies().add(TestJars.jar(dir.resolve("up"), "kafka.jar", "2"), "two");
        DependencyVersion conf = services.dependencies().add(TestJars.text(dir.resolve("up"), "secret-config.yaml", "a: 1"), "");

        services.jobs().saveDraft(job.id(), "SELECT 1;");
        services.dependencies().useInDraft(job.id(), List.of(DependencyRef.parse("kafka.jar@1")));
        services.jobs().publish(job.id(), "with kafka 1");
        services.dependencies().useInDraft(job.id(), List.of(DependencyRef.parse("kafka.jar@2"),
                DependencyRef.parse("secret-config.yaml@1")));
        services.jobs().publish(job.id(), "with kafka 2");

        assertThat(services.jobs().version(job.id(), 1).config().dependencies())
                .containsExactly(new DependencyRef("kafka.jar", 1, k1.sha256()));

        ComparisonViewModel vm = new VersionsViewModel(job.id(), services.jobs(),
                TestContexts.synchronous(new ManualScheduler())).compareVersions(1, 2);
        vm.load();
        assertThat(vm.configChanges()).containsExactly(
                new ConfigChange("Configuration: dependencies.kafka.jar", ConfigChange.Kind.CHANGED,
                        "v1 sha256 " + k1.sha256(), "v2 sha256 " + k2.sha256(), false),
                new ConfigChange("Configuration: dependencies.secret-config.yaml", ConfigChange.Kind.ADDED,
                        "", "v1 sha256 " + conf.sha256(), false));
        assertThat(vm.configSummaryProperty().get()).isEqualTo("2 configuration keys differ");
    }
}
