package io.streamdesk.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import org.junit.jupiter.api.Test;

/** The CUs column (J3): the running version's CUs, "—" when the job runs none. */
class JobListCusTest {
    private final FakeServices services = new FakeServices();

    @Test
    void aRunningJobShowsItsVersionsCusAndAStoppedOneADash() {
        Job job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT 1", JobConfig.defaults().withResources(new JobResources(0.5, 0.25, 3)));
        services.jobs().publish(job.id(), "v1");
        JobListViewModel vm = new JobListViewModel(TestContexts.synchronous(new ManualScheduler()));
        vm.attach(services.jobs());
        JobRow row = vm.rows().get(0);
        assertThat(row.cus()).isEqualTo("—");

        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(row.cus()).isEqualTo("1.25"); // 0.5 + 0.25 x 3
        services.runs().stop(job.id(), false);
        assertThat(row.cus()).isEqualTo("—");
    }
}
