package io.streamdesk.ui.batch;

import io.streamdesk.model.Job;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchViewModelTest {
    final FakeServices services = new FakeServices();
    final BatchViewModel vm = new BatchViewModel("Run", TestContexts.synchronous(new ManualScheduler()));

    Job published(String name) {
        Job job = services.jobs().createSqlJob(name, "/");
        services.jobs().saveDraft(job.id(), "SELECT 1;");
        services.jobs().publish(job.id(), "v1");
        return services.jobs().job(job.id());
    }

    @Test
    void everyJobEndsWithItsOwnResultAndTheSummaryCountsThem() {
        Job a = published("a");
        Job b = services.jobs().createSqlJob("b", "/");
        Job c = published("c");
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((o, x, p) -> progress.add(p.doubleValue()));

        vm.start(List.of(a, b, c), services.batchActions().run(RestoreChoice.fresh()));

        assertThat(vm.rows()).extracting(BatchViewModel.Row::jobName).containsExactly("a", "b", "c");
        assertThat(vm.rows()).extracting(BatchViewModel.Row::state).containsExactly("OK", "Failed", "OK");
        assertThat(vm.rows().get(1).message()).contains("No published version");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 ok, 1 failed");
        assertThat(progress).containsExactly(1.0 / 3, 2.0 / 3, 1.0);
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void cancelBeforeTheStartSkipsEveryJob() {
        Job a = published("a");
        vm.cancel();
        vm.start(List.of(a), services.batchActions().run(RestoreChoice.fresh()));
        assertThat(vm.rows()).extracting(BatchViewModel.Row::state).containsExactly("Skipped");
        assertThat(services.jobs().job(a.id()).onlineVersion()).isNull();
    }
}
