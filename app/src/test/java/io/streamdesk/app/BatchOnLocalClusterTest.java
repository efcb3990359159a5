package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.service.BatchOperation;
import io.streamdesk.service.BatchOperation.JobResult;
import io.streamdesk.service.BatchOperation.Outcome;
import io.streamdesk.service.RestoreChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch Run / Stop / Copy (J5, J6) on real parts: H2 with Flyway and the embedded local cluster running real Flink
 * 2.3.0; two small datagen -> blackhole jobs and a job without a version in the middle of the selection.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchOnLocalClusterTest {
    static final String SQL = """
            CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
            CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO sink SELECT id FROM src;
            """;

    @TempDir
    static Path dataDir;
    static AppContext app;
    static Job first;
    static Job unpublished;
    static Job second;

    @BeforeAll
    static void open() {
        app = AppContext.open(dataDir, AppOptions.forTests());
        app.clusters().startAll();
        first = published("batch one");
        unpublished = app.jobs().createSqlJob("never published", "/batch");
        app.jobs().saveDraft(unpublished.id(), SQL);
        second = published("batch two");
    }

    static Job published(String name) {
        Job job = app.jobs().createSqlJob(name, "/batch");
        app.jobs().saveDraft(job.id(), SQL);
        app.jobs().publish(job.id(), "first");
        return app.jobs().job(job.id());
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    static List<JobResult> batch(BatchOperation.JobAction action, List<Job> jobs) {
        List<String> progress = new ArrayList<>();
        List<JobResult> results = BatchOperation.run(jobs, action, (r, done, total) -> progress.add(done + "/" + total),
                () -> false);
        assertThat(progress).hasSize(jobs.size()).last().isEqualTo(jobs.size() + "/" + jobs.size());
        return results;
    }

    @Test
    @Order(1)
    void batchRunStartsBothJobsAndReportsTheOneWithoutAVersion() {
        List<JobResult> results = batch(app.batchActions().run(RestoreChoice.fresh()), List.of(first, unpublished, second));

        assertThat(results).extracting(JobResult::outcome).containsExactly(Outcome.OK, Outcome.FAILED, Outcome.OK);
        assertThat(results.get(1).message()).contains("No published version");
        for (Job job : List.of(first, second)) {
            Job now = app.jobs().job(job.id());
            assertThat(now.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(app.clusters().currentGateway("local").job(now.flinkJobId()).orElseThrow().allTasksRunning()).isTrue();
        }
        assertThat(app.jobs().job(unpublished.id()).warning()).isNull();
    }

    @Test
    @Order(2)
    void batchStopWithSavepointStopsBothAndReportsTheOneNotRunning() {
        List<JobResult> results = batch(app.batchActions().stop(true), List.of(first, unpublished, second));

        assertThat(results).extracting(JobResult::outcome).containsExactly(Outcome.OK, Outcome.FAILED, Outcome.OK);
        assertThat(results.get(1).message()).contains("Not running");
        for (Job job : List.of(first, second)) {
            assertThat(app.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
            assertThat(app.runs().latestSavepoint(job.id()).orElseThrow().source()).isEqualTo(SavepointSource.ON_STOP);
        }
    }

    @Test
    @Order(3)
    void batchCopyGivesDraftsWithoutVersionsAndSharesNoOnStopSavepoint() {
        List<JobResult> results = batch(app.batchActions().copy("/batch/copies", null), List.of(first, second));

        assertThat(results).allMatch(JobResult::ok);
        List<Job> copies = app.jobs().list().stream().filter(j -> j.folder().equals("/batch/copies")).toList();
        assertThat(copies).extracting(Job::name).containsExactlyInAnyOrder("batch one-copy", "batch two-copy");
        for (Job copy : copies) {
            assertThat(copy.status()).isEqualTo(JobStatus.UNPUBLISHED);
            assertThat(app.jobs().versions(copy.id())).isEmpty();
            assertThat(app.jobs().draft(copy.id()).orElseThrow().sql()).isEqualTo(SQL);
            assertThat(app.runs().savepoints(copy.id())).as("savepoints taken on stop stay with the source").isEmpty();
        }
        // a copy runs on its own once published
        Job copy = copies.get(0);
        app.jobs().publish(copy.id(), "copied");
        assertThat(app.runs().run(copy.id(), 1, RestoreChoice.fresh()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(app.runs().stop(copy.id(), false).status()).isEqualTo(JobStatus.STOPPED);
    }
}
