package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.LogLevel;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.service.jobconfig.ConfigProblem;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import io.streamdesk.ui.job.JobPageViewModel;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobConfigViewModelTest {
    private final FakeServices services = new FakeServices();
    private final ManualScheduler scheduler = new ManualScheduler();
    private Job job;
    private JobConfigViewModel vm;

    @BeforeEach
    void setUp() {
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT 1");
        vm = new JobConfigViewModel(job.id(), services.jobs(), services.jobConfig(), TestContexts.synchronous(scheduler));
        vm.load();
    }

    @Test
    void aNewDraftShowsTheP3DefaultsWithoutProblems() {
        assertThat(vm.loadedParametersProperty().get()).isEqualTo(JobConfig.DEFAULT_PARAMETERS);
        assertThat(vm.current()).isEqualTo(JobConfig.defaults());
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("No problems");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.cuTextProperty().get()).startsWith("Uses 2 CUs");
        assertThat(vm.capacityTextProperty().get()).contains("unknown until the job's cluster runs");
        assertThat(vm.logLevelNote()).contains("cannot be applied");
    }

    @Test
    void editsAreCheckedAtOnceWithLinesAndAutosavedWithTheDraft() {
        vm.parametersProperty().set("pipeline.max-parallelism: 128\ntaskmanager.numberOfTaskSlots: 4\nbroken line\n");
        assertThat(vm.problems()).extracting(ConfigProblem::line).containsExactly(2, 3);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 errors");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.runtimeModeProperty().set(RuntimeMode.BATCH);
        vm.logLevelProperty().set(LogLevel.DEBUG);
        vm.parallelismProperty().set(3);
        assertThat(vm.cuTextProperty().get()).startsWith("Uses 4 CUs");

        int savesBefore = services.jobStore.saves;
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(services.jobStore.saves).isEqualTo(savesBefore + 1);
        assertThat(vm.dirtyProperty().get()).isFalse();
        JobConfig saved = services.jobs().draft(job.id()).orElseThrow().config();
        assertThat(saved.runtimeMode()).isEqualTo(RuntimeMode.BATCH);
        assertThat(saved.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(saved.resources().parallelism()).isEqualTo(3);
        assertThat(saved.parameters()).contains("broken line"); // drafts keep errors; publishing refuses them
        assertThat(services.jobs().draft(job.id()).orElseThrow().sql()).isEqualTo("INSERT INTO a SELECT 1");
    }

    @Test
    void theCapacityShowsWhenTheClusterRunsAndAConfigurationThatExceedsItIsFlagged() {
        services.clusters().startAll();
        vm.refreshCapacity();
        assertThat(vm.capacityTextProperty().get()).contains("needs 1 slot", "4 are free", "as Flink reports them");
        vm.parallelismProperty().set(5);
        assertThat(vm.exceedsCapacityProperty().get()).isTrue();
        assertThat(vm.capacityTextProperty().get()).contains("largest parallelism that fits is 4");
    }

    @Test
    void publishingFromThePageFreezesTheEditedConfiguration() {
        JobPageViewModel page = new JobPageViewModel(job.id(), services.jobs(), services.runs(), services.jobConfig(),
                services.versionRuns(), TestContexts.synchronous(scheduler));
        page.open();
        page.config().parallelismProperty().set(2);
        var dialog = page.newPublishDialog();
        dialog.descriptionProperty().set("with parallelism 2");
        dialog.publish(v -> { });
        assertThat(services.jobs().versions(job.id())).singleElement()
                .satisfies(v -> assertThat(v.config().resources().parallelism()).isEqualTo(2));
        assertThat(page.config().dirtyProperty().get()).isFalse();
    }
}
