package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.service.BatchOperation.JobResult;
import io.streamdesk.service.BatchOperation.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class BatchOperationTest {

    static Job job(String name) {
        return new Job(JobId.generate(), name, "/", JobType.SQL, "local", JobStatus.STOPPED, null, Instant.now(),
                Duration.ZERO, null, 0, null, null);
    }

    @Test
    void aFailingJobInTheMiddleDoesNotStopTheRest() {
        List<Job> jobs = List.of(job("a"), job("b"), job("c"), job("d"));
        List<String> done = new ArrayList<>();
        List<String> progress = new ArrayList<>();

        List<JobResult> results = BatchOperation.run(jobs, j -> {
            done.add(j.name());
            if (j.name().equals("b")) {
                throw new OperationFailedException("Flink refused the stop: 404", "Refresh the job list.");
            }
            if (j.name().equals("c")) {
                throw new IllegalStateException("boom");
            }
            return "did " + j.name();
        }, (r, n, total) -> progress.add(n + "/" + total + " " + r.outcome()), () -> false);

        assertThat(done).containsExactly("a", "b", "c", "d");
        assertThat(results).extracting(JobResult::outcome)
                .containsExactly(Outcome.OK, Outcome.FAILED, Outcome.FAILED, Outcome.OK);
        assertThat(results).extracting(JobResult::jobId).containsExactlyElementsOf(jobs.stream().map(Job::id).toList());
        assertThat(results.get(0).message()).isEqualTo("did a");
        assertThat(results.get(1).message()).contains("Flink refused the stop: 404").contains("Refresh the job list.");
        assertThat(results.get(2).message()).isEqualTo("boom");
        assertThat(progress).containsExactly("1/4 OK", "2/4 FAILED", "3/4 FAILED", "4/4 OK");
        assertThat(BatchOperation.summary(results)).isEqualTo("2 ok, 2 failed");
    }

    @Test
    void cancellingSkipsTheJobsNotYetStarted() {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Job> jobs = List.of(job("a"), job("b"), job("c"));
        List<JobResult> results = BatchOperation.run(jobs, j -> {
            cancelled.set(true); // the user cancels while the first job runs
            return "ok";
        }, (r, n, t) -> { }, cancelled::get);

        assertThat(results).extracting(JobResult::outcome).containsExactly(Outcome.OK, Outcome.SKIPPED, Outcome.SKIPPED);
        assertThat(BatchOperation.summary(results)).isEqualTo("1 ok, 0 failed, 2 skipped");
    }

    @Test
    void aFailingListenerDoesNotStopTheBatch() {
        List<JobResult> results = BatchOperation.run(List.of(job("a"), job("b")), j -> "ok",
                (r, n, t) -> {
                    throw new IllegalStateException("listener bug");
                }, () -> false);
        assertThat(results).extracting(JobResult::outcome).containsExactly(Outcome.OK, Outcome.OK);
    }
}
