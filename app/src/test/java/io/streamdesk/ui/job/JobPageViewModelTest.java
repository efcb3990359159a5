package io.streamdesk.ui.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.VersionRunService.RunRequest;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobPageViewModelTest {
    private final FakeServices services = new FakeServices();
    private JobPageViewModel vm;
    private Job job;

    @BeforeEach
    void setUp() {
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "SELECT 1");
        services.jobs().publish(job.id(), "v1");
        vm = new JobPageViewModel(job.id(), services.jobs(), services.runs(), services.jobConfig(), services.versionRuns(),
                TestContexts.synchronous(new ManualScheduler()));
        vm.open();
    }

    @Test
    void showsHeaderStateAndAllowsRunOnlyWhenStopped() {
        assertThat(vm.nameProperty().get()).isEqualTo("orders");
        assertThat(vm.statusLabelProperty().get()).isEqualTo("Stopped");
        assertThat(vm.canRunProperty().get()).isTrue();
        assertThat(vm.canStopProperty().get()).isFalse();
    }

    @Test
    void runThenStopWithSavepointOffersTheSavepointNextTime() {
        vm.runChecked(new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));
        assertThat(vm.statusProperty().get()).isEqualTo(JobStatus.RUNNING);
        assertThat(vm.onlineVersionProperty().get()).isEqualTo("v1");
        assertThat(vm.versions().rows().get(0).running()).isTrue();
        assertThat(vm.canStopProperty().get()).isTrue();

        vm.stop(true);
        assertThat(vm.statusProperty().get()).isEqualTo(JobStatus.STOPPED);
        // the Run dialog (the only one) offers the savepoint just taken
        var dialog = vm.newRunDialog(null);
        dialog.load();
        assertThat(dialog.savepointPaths()).hasSize(1);
        assertThat(dialog.latestSavepointProperty().get()).isNotEmpty();
    }

    @Test
    void aFailedRunShowsTheWarningBannerAndTheActualStatus() {
        services.submitter.failNextSubmit("Connector 'kafka' not found");
        vm.runChecked(new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));
        assertThat(vm.statusProperty().get()).isEqualTo(JobStatus.STOPPED);
        assertThat(vm.warningTextProperty().get()).contains("Run failed").contains("kafka");
        assertThat(vm.warningFixProperty().get()).isNotEmpty();
        assertThat(vm.operationInFlightProperty().get()).isFalse();
    }
}
