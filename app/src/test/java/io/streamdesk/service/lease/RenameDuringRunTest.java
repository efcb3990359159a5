package io.streamdesk.service.lease;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.RestoreChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renames and status writes of one job meet (real H2 file database): the run writes Operating, then Running, while
 * the user renames the job in between; later a rename prepared from a read taken before a stop lands after it.
 * Neither write undoes the other, because each writes only its own columns.
 */
class RenameDuringRunTest {
    @TempDir
    Path dataDir;
    StoreBackedRunGraph graph;
    Job job;

    @BeforeEach
    void publishAJob() {
        graph = new StoreBackedRunGraph(dataDir);
        job = graph.jobs.createSqlJob("orders", "/prod");
        graph.jobs.saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        graph.jobs.publish(job.id(), "v1");
    }

    @AfterEach
    void close() {
        graph.close();
    }

    @Test
    void aRenameDuringARunSurvivesTheRunsStatusWrites() {
        graph.beforeSubmit = () -> {
            assertThat(graph.jobs.job(job.id()).status()).isEqualTo(JobStatus.OPERATING);
            graph.jobs.rename(job.id(), "orders (renamed while starting)");
        };

        Job ran = graph.runs.run(job.id(), 1, RestoreChoice.fresh());

        assertThat(ran.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(ran.name()).as("the run's last write returns the stored name").isEqualTo("orders (renamed while starting)");
        Job stored = graph.jobs.job(job.id());
        assertThat(stored.name()).isEqualTo("orders (renamed while starting)");
        assertThat(stored.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(stored.onlineVersion()).isEqualTo(1);
    }

    @Test
    void aRenameReadBeforeAStatusWriteDoesNotRevertTheStatus() {
        graph.runs.run(job.id(), 1, RestoreChoice.fresh());
        Job readBeforeTheStop = graph.jobs.job(job.id());
        assertThat(readBeforeTheStop.status()).isEqualTo(JobStatus.RUNNING);

        graph.runs.stop(job.id(), false);
        graph.jobStore.updateIdentity(job.id(), "orders (renamed late)", readBeforeTheStop.folder());

        Job stored = graph.jobs.job(job.id());
        assertThat(stored.name()).isEqualTo("orders (renamed late)");
        assertThat(stored.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(stored.onlineVersion()).isNull();
        assertThat(stored.runStartedAt()).isNull();
    }

    @Test
    void aStatusWriteFromAStaleReadIsRefused() {
        graph.runs.run(job.id(), 1, RestoreChoice.fresh());
        Job readBeforeTheStop = graph.jobs.job(job.id());
        graph.runs.stop(job.id(), false);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> graph.jobStore.updateRunState(readBeforeTheStop.withStatus(JobStatus.RUNNING)))
                .isInstanceOf(io.streamdesk.service.port.StaleRunStateException.class)
                .hasMessageContaining("refresh and try again");
        assertThat(graph.jobs.job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
    }
}
