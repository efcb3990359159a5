package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.Job;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.TestJars;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Configuration tab's Dependencies (DP3): the uploaded versions to choose from, add (another version of the same
 * dependency replaces it), remove, autosaved with the configuration; editing another field keeps them.
 */
class DraftDependenciesViewModelTest {
    @TempDir
    Path dir;

    @Test
    void chooseVersionsAutosaveThemAndKeepThemWhenOtherFieldsChange() throws Exception {
        FakeServices services = new FakeServices(dir);
        ManualScheduler scheduler = new ManualScheduler();
        Job job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "SELECT 1;");
        DependencyVersion k1 = services.dependencies().add(TestJars.jar(dir.resolve("up"), "kafka.jar", "1"), "one");
        DependencyVersion k2 = services.dependencies().add(TestJars.jar(dir.resolve("up"), "kafka.jar", "2"), "two");
        DependencyVersion conf = services.dependencies().add(TestJars.text(dir.resolve("up"), "app.conf", "a: 1"), "");

        JobConfigViewModel vm = new JobConfigViewModel(job.id(), services.jobs(), services.jobConfig(),
                TestContexts.synchronous(scheduler)).withDependencies(services::dependencies);
        vm.load();
        assertThat(vm.dependenciesAvailable()).isTrue();
        assertThat(vm.dependencies()).isEmpty();
        vm.loadAvailableDependencies();
        assertThat(vm.availableDependencies()).extracting(DependencyVersion::label)
                .containsExactly("app.conf@1", "kafka.jar@2", "kafka.jar@1");

        vm.addDependency(k1);
        vm.addDependency(conf);
        vm.addDependency(k2); // replaces kafka.jar@1 in its place
        assertThat(vm.dependencies()).extracting(DependencyRef::toString).containsExactly("kafka.jar@2", "app.conf@1");
        assertThat(JobConfigViewModel.label(vm.dependencies().get(0))).isEqualTo("kafka.jar@2 \u00b7 "
                + k2.sha256().substring(0, 12));
        assertThat(vm.dirtyProperty().get()).isTrue();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(services.jobs().draft(job.id()).orElseThrow().config().dependencies())
                .containsExactly(new DependencyRef("kafka.jar", 2, k2.sha256()), new DependencyRef("app.conf", 1, conf.sha256()));

        vm.parallelismProperty().set(3);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(services.jobs().draft(job.id()).orElseThrow().config().dependencies()).hasSize(2);

        vm.removeDependency("kafka.jar");
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(services.jobs().draft(job.id()).orElseThrow().config().dependencies())
                .containsExactly(new DependencyRef("app.conf", 1, conf.sha256()));
        assertThat(services.dependencies().referencedBy("kafka.jar")).isEmpty();
        services.dependencies().remove("kafka.jar"); // nothing references it any more
        assertThat(services.dependencies().list()).extracting(d -> d.name()).containsExactly("app.conf");
        assertThat(List.of(k1.version(), k2.version())).containsExactly(1, 2);
    }
}
