package io.streamdesk.service;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconcile's part when a cluster without HA dies under a run (the fast half; the real child is killed in
 * ClusterFaultsOnLocalClusterTest): the run ends with the cluster, and the job resumes from its newest checkpoint once
 * the cluster is back, or shows Error with the reason and the fix.
 */
class ResumeAfterClusterLossTest {
    @TempDir
    Path dir;
    FakeServices services;
    Job job;

    @BeforeEach
    void runAJob() throws Exception {
        services = new FakeServices(dir);
        services.clusters().startAll();
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "v1");
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        Thread.sleep(2); // the crash comes strictly after the run started
    }

    private String checkpoint() throws java.io.IOException {
        Path chk = java.nio.file.Files.createDirectories(dir.resolve("chk-7"));
        java.nio.file.Files.writeString(chk.resolve("_metadata"), "x"); // a checkpoint whose files still exist
        String location = chk.toUri().toString();
        services.checkpointStore.upsert(List.of(new CheckpointRecord(job.id(), 1, 1, job.flinkJobId(), 7, "CHECKPOINT",
                SavepointSource.PERIODIC, SavepointStatus.COMPLETED, Instant.now(), Instant.now(), Duration.ofMillis(5),
                10L, location, null)));
        return location;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void theRunEndsWithTheClusterAndTheJobResumesFromItsCheckpointWhenTheClusterIsBack() throws Exception {
        String location = checkpoint();
        services.cluster.crash("The local cluster process exited unexpectedly (exit code 137)");

        services.runs().reconcile();
        Job ended = services.jobs().job(job.id());
        assertThat(ended.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(services.runs().runs(job.id()).get(0).endState()).isEqualTo("ENDED_WITH_CLUSTER");
        assertThat(ended.warning().message()).contains("ended with the cluster").contains("exit code 137")
                .contains("resumes from " + location);
        assertThat(services.clusters().jobStates().observe(ended).label())
                .isEqualTo("Ended with the cluster — resumes when the cluster is back");
        assertThat(services.runs().events(job.id())).extracting(JobEvent::kind).contains(EventKind.JOB_ENDED_WITH_CLUSTER);

        services.clusters().start("local");
        services.runs().reconcile();
        await(() -> services.jobs().job(job.id()).status() == JobStatus.RUNNING);
        assertThat(services.runs().runs(job.id()).get(0).restoredFrom()).isEqualTo(location);
        assertThat(services.submitter.restorePaths()).contains(location);
        assertThat(services.jobs().job(job.id()).warning()).isNull();
        await(() -> !services.clusters().jobStates().awaitingResume(job.id()));
    }

    @Test
    void withoutACheckpointTheJobShowsErrorWithTheFix() {
        services.cluster.crash("exit code 137");
        services.runs().reconcile();
        Job ended = services.jobs().job(job.id());
        assertThat(ended.status()).isEqualTo(JobStatus.ERROR);
        assertThat(ended.warning().message()).contains("ended with the cluster")
                .contains("It cannot be resumed: it has no completed checkpoint or savepoint");
        assertThat(ended.warning().suggestedFix()).contains("execution.checkpointing.interval");
    }

    @Test
    void withResumingOffTheJobShowsErrorAndSaysHowToResume() throws Exception {
        checkpoint();
        services.clusters().setResumeJobsAfterRestart(false);
        services.cluster.crash("exit code 137");
        services.runs().reconcile();
        Job ended = services.jobs().job(job.id());
        assertThat(ended.status()).isEqualTo(JobStatus.ERROR);
        assertThat(ended.warning().suggestedFix()).contains("Run it from its latest checkpoint")
                .contains("Resume jobs after a cluster restart");
        services.clusters().start("local");
        services.runs().reconcile();
        assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.ERROR);
    }

    @Test
    void aResumeThatFailsShowsErrorWithTheReasonAndTheFix() throws Exception {
        checkpoint();
        services.cluster.crash("exit code 137");
        services.runs().reconcile();
        services.submitter.failNextSubmit("Savepoint path does not exist");
        services.clusters().start("local");
        services.runs().reconcile();
        await(() -> services.jobs().job(job.id()).status() == JobStatus.ERROR);
        Job failed = services.jobs().job(job.id());
        assertThat(failed.warning().operation()).isEqualTo("Resume");
        assertThat(failed.warning().message()).contains("Could not resume after the cluster restarted")
                .contains("Savepoint path does not exist");
        assertThat(failed.warning().suggestedFix()).isNotBlank();
    }

    @Test
    void aResumeAnEarlierProcessPlannedButDidNotLiveToStartIsPlannedAgainAtTheNextStart() throws Exception {
        String location = checkpoint();
        // what the earlier app process wrote before it quit, its cluster still down: the run ended with the cluster,
        // the job Stopped and told it resumes; the plan itself lived in that process's memory only
        services.cluster.crash("exit code 137");
        Instant ended = Instant.now();
        services.runStore.endRun(job.id(), 1, "ENDED_WITH_CLUSTER", ended);
        services.jobStore.updateRunState(services.jobs().job(job.id()).stopped(JobStatus.STOPPED, ended));

        assertThat(services.runs().planResumesLeftByEarlierProcess()).containsExactly(job.id());
        assertThat(services.clusters().jobStates().awaitingResume(job.id())).isTrue();
        assertThat(services.runs().planResumesLeftByEarlierProcess()).as("planned once").isEmpty();

        services.clusters().start("local");
        services.runs().reconcile();
        await(() -> services.jobs().job(job.id()).status() == JobStatus.RUNNING);
        assertThat(services.runs().runs(job.id()).get(0).restoredFrom()).isEqualTo(location);
    }

    @Test
    void aJobTheUserRanSinceOrThatCannotResumeIsNotPlanned() throws Exception {
        // no restore point: nothing to resume from (the earlier process showed Error with the fix)
        services.cluster.crash("exit code 137");
        Instant ended = Instant.now();
        services.runStore.endRun(job.id(), 1, "ENDED_WITH_CLUSTER", ended);
        services.jobStore.updateRunState(services.jobs().job(job.id()).stopped(JobStatus.STOPPED, ended));
        assertThat(services.runs().planResumesLeftByEarlierProcess()).isEmpty();

        // a stop by the user is not an end with the cluster
        checkpoint();
        services.runStore.endRun(job.id(), 1, "CANCELED", ended);
        assertThat(services.runs().planResumesLeftByEarlierProcess()).isEmpty();
    }
}
