package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.LogLevel;
import io.streamdesk.service.BatchOperation.JobResult;
import io.streamdesk.service.BatchOperation.Outcome;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch actions over the real services on fakes: what fits runs, what does not fails with its reason. */
class BatchActionsTest {
    final FakeServices services = new FakeServices();

    Job published(String name) {
        Job job = services.jobs().createSqlJob(name, "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT 1;");
        services.jobs().publish(job.id(), "first");
        return services.jobs().job(job.id());
    }

    @Test
    void runStartsPublishedJobsAndReportsTheOthers() {
        Job a = published("a");
        Job draftOnly = services.jobs().createSqlJob("draft only", "/");
        Job c = published("c");

        List<JobResult> results = BatchOperation.run(List.of(a, draftOnly, c),
                services.batchActions().run(RestoreChoice.fresh()), (r, n, t) -> { }, () -> false);

        assertThat(results).extracting(JobResult::outcome).containsExactly(Outcome.OK, Outcome.FAILED, Outcome.OK);
        assertThat(results.get(1).message()).contains("No published version");
        assertThat(services.jobs().job(a.id()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(services.jobs().job(c.id()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(services.jobs().job(draftOnly.id()).warning()).as("a refused job gets no warning").isNull();

        List<JobResult> again = BatchOperation.run(List.of(a), services.batchActions().run(RestoreChoice.fresh()),
                (r, n, t) -> { }, () -> false);
        assertThat(again.get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(again.get(0).message()).contains("Already running");
        assertThat(services.jobs().job(a.id()).warning()).isNull();
    }

    @Test
    void stopStopsRunningJobsAndReportsTheOthers() {
        Job a = published("a");
        Job b = published("b");
        services.runs().run(a.id(), 1, RestoreChoice.fresh());

        List<JobResult> results = BatchOperation.run(List.of(a, b), services.batchActions().stop(false),
                (r, n, t) -> { }, () -> false);

        assertThat(results).extracting(JobResult::outcome).containsExactly(Outcome.OK, Outcome.FAILED);
        assertThat(results.get(1).message()).contains("Not running");
        assertThat(services.jobs().job(a.id()).status()).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    void logLevelIsStoredAndTheSharedLocalClusterIsNamed() {
        Job a = published("a");
        List<JobResult> results = BatchOperation.run(List.of(a), services.batchActions().logLevel(LogLevel.WARN),
                (r, n, t) -> { }, () -> false);
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.OK);
        assertThat(results.get(0).message()).contains("WARN").contains("shared");
        assertThat(services.jobs().logLevel(a.id())).contains(LogLevel.WARN);
    }

    @Test
    void copyMakesOneCopyPerJob() {
        Job a = published("a");
        Job b = published("b");
        List<JobResult> results = BatchOperation.run(List.of(a, b), services.batchActions().copy("/copies", null),
                (r, n, t) -> { }, () -> false);
        assertThat(results).allMatch(JobResult::ok);
        assertThat(services.jobs().list()).filteredOn(j -> j.folder().equals("/copies"))
                .extracting(Job::name).containsExactlyInAnyOrder("a-copy", "b-copy");
    }
}
