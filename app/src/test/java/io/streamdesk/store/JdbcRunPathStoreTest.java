package io.streamdesk.store;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.JobWarning;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.service.port.StaleRunStateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line's run-path store writes the rows the Hibernate stores read, and reads what they wrote, on the same
 * real H2 database (Flyway-migrated): the two mappings of the job, version, run and event tables agree.
 */
class JdbcRunPathStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00.123456789Z");

    @TempDir
    Path dir;
    Database db;
    HibernateJobStore hibernateJobs;
    HibernateRunStore hibernateRuns;
    JdbcRunPathStore jdbc;
    Job job;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        hibernateJobs = new HibernateJobStore(db);
        hibernateRuns = new HibernateRunStore(db);
        jdbc = new JdbcRunPathStore(db.dataSource());
        job = hibernateJobs.create(TestJobs.newJob("runner"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void jobsAndVersionsReadAsHibernateReadsThem() {
        job = hibernateJobs.updateRunState(job.withStatus(JobStatus.STOPPED).withWarning(
                new JobWarning("Run", "it failed", "fix it", T0)));
        HibernateVersionStore versions = new HibernateVersionStore(db);
        JobConfig config = JobConfig.defaults().withRuntimeMode(RuntimeMode.BATCH);
        versions.publish(job.id(), "INSERT INTO a SELECT 1;", config, "first", "tester");
        versions.publish(job.id(), "INSERT INTO a SELECT 2;", config, "second", "tester");

        assertThat(jdbc.find(job.id())).contains(hibernateJobs.find(job.id()).orElseThrow());
        assertThat(jdbc.list()).isEqualTo(hibernateJobs.list());
        assertThat(jdbc.list(job.id())).isEqualTo(versions.list(job.id()));
        JobVersion second = jdbc.find(job.id(), 2).orElseThrow();
        assertThat(second).isEqualTo(versions.find(job.id(), 2).orElseThrow());
        assertThat(second.config().runtimeMode()).isEqualTo(RuntimeMode.BATCH);
        assertThat(jdbc.find(job.id(), 3)).isEmpty();
    }

    @Test
    void runStateWritesKeepTheCompareAndWriteHibernateChecks() {
        Job operating = jdbc.updateRunState(job.withStatus(JobStatus.OPERATING));
        assertThat(hibernateJobs.find(job.id()).orElseThrow()).isEqualTo(operating);
        assertThat(operating.runStateVersion()).isEqualTo(job.runStateVersion() + 1);

        Job running = hibernateJobs.updateRunState(operating.running(1, 1, "abcd", T0));
        assertThat(jdbc.find(job.id())).contains(running);

        // a write from a stale read is refused by both
        assertThatThrownBy(() -> jdbc.updateRunState(operating.withStatus(JobStatus.STOPPED)))
                .isInstanceOf(StaleRunStateException.class);
        Job stopped = jdbc.updateRunState(running.stopped(JobStatus.STOPPED, T0.plusSeconds(5)));
        assertThatThrownBy(() -> hibernateJobs.updateRunState(running.withStatus(JobStatus.ERROR)))
                .isInstanceOf(StaleRunStateException.class);
        assertThat(hibernateJobs.find(job.id()).orElseThrow()).isEqualTo(stopped);
    }

    @Test
    void runsAndEventsAreTheRowsHibernateWritesAndReads() {
        JobRun first = hibernateRuns.startRun(job.id(), 1, "aaaa", null, T0);
        hibernateRuns.endRun(job.id(), 1, "CANCELED", T0.plusSeconds(1));
        JobRun second = jdbc.startRun(job.id(), 1, "bbbb", "file:/sp/1", T0.plusSeconds(2));

        assertThat(second.instance()).isEqualTo(first.instance() + 1);
        assertThat(hibernateRuns.liveRun(job.id())).contains(second);
        assertThat(jdbc.liveRun(job.id())).contains(second);
        jdbc.finishRun(job.id(), second.instance(), T0.plusSeconds(3), 500L, 499L);
        assertThat(jdbc.listRuns(job.id())).isEqualTo(hibernateRuns.listRuns(job.id()));
        assertThat(hibernateRuns.listRuns(job.id()).get(0).recordsWritten()).isEqualTo(499L);
        assertThat(jdbc.liveRun(job.id())).isEmpty();

        JobEvent added = jdbc.add(job.id(), second.instance(), EventKind.JOB_STARTED, T0, "Version 1 started");
        JobEvent detailed = jdbc.add(new JobEvent(0, job.id(), 2, EventKind.JOB_FAILED, T0.plusSeconds(1), "failed",
                io.streamdesk.model.Severity.CRITICAL, "chain", "fix", null));
        assertThat(new HibernateEventStore(db).listForJob(job.id(), 10)).containsExactly(detailed, added);
    }
}
