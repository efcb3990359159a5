package io.streamdesk.service;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a run has started (issue 10, section 2), on real services over in-memory stores and a fake cluster. */
class RunServiceStartSemanticsTest {
    private final FakeServices services = new FakeServices();
    private Job job;

    @BeforeEach
    void setUp() {
        services.clusters().startAll();
        job = services.jobs().createSqlJob("bounded", "/etl");
        services.jobs().saveDraft(job.id(), "INSERT INTO snk SELECT 1;");
        services.jobs().publish(job.id(), "v1");
    }

    /** The first Flink job id the fake cluster hands out. */
    private static final String FIRST = String.format("%032x", 1);

    @Test
    void aJobThatFinishesBeforeTheFirstPollIsFinishedNotFailed() {
        services.gateway.beforeJobsOverview = () -> {
            if (services.gateway.state(FIRST) != null) {
                services.gateway.setState(FIRST, "FINISHED");
            }
        };
        Job ran = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(ran.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(ran.warning()).isNull();
        assertThat(ran.onlineVersion()).isNull();
        JobRun run = services.runs().runs(job.id()).get(0);
        assertThat(run.endState()).isEqualTo(JobRun.FINISHED);
        assertThat(services.runs().events(job.id())).extracting(e -> e.kind())
                .contains(EventKind.JOB_STARTED).doesNotContain(EventKind.OPERATION_FAILED, EventKind.JOB_FAILED);
        // a finished job can run again
        services.gateway.beforeJobsOverview = () -> { };
        assertThat(services.runs().run(job.id(), 1, RestoreChoice.fresh()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aRunningJobThatLaterFinishesIsReconciledToFinished() {
        Job ran = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(ran.status()).isEqualTo(JobStatus.RUNNING);
        services.gateway.setState(ran.flinkJobId(), "FINISHED");
        services.runs().reconcile();
        Job after = services.jobs().job(job.id());
        assertThat(after.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(after.warning()).isNull();
        assertThat(services.runs().runs(job.id()).get(0).finished()).isTrue();
    }

    @Test
    void aRetryWhileTheSubmittedJobIsStillTrackedSubmitsNoSecondCopy() {
        Job ran = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        // the store says stopped, but the run the app recorded is live: its Flink job may still run
        services.jobStore.updateRunState(services.jobs().job(job.id()).stopped(JobStatus.STOPPED, java.time.Instant.now()));
        assertThatThrownBy(() -> services.runs().run(job.id(), 1, RestoreChoice.fresh()))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("still running");
        assertThat(services.submitter.restorePaths()).hasSize(1);
        assertThat(ran.flinkJobId()).isEqualTo(FIRST);
    }
}
