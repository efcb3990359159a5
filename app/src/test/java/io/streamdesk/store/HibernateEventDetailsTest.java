package io.streamdesk.store;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** One database for the class (opening it costs seconds); a job per test. Detected events keep severity, evidence, fix and "cleared at" (V5). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HibernateEventDetailsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    static Path dir;
    Database db;
    HibernateEventStore events;
    Job job;

    @BeforeAll
    void open() {
        db = Database.open(dir);
        events = new HibernateEventStore(db);
    }

    @BeforeEach
    void newJob() {
        job = new HibernateJobStore(db).create(TestJobs.newJob("a"));
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void keepsTheDiagnosisAndClearsOnce() {
        JobEvent stored = events.add(new JobEvent(0, job.id(), 3, EventKind.CHECKPOINT_FAILED, T0, "2 checkpoint(s) failed",
                Severity.WARNING, "failed: 0 -> 2", "raise the timeout", null));
        assertThat(stored.id()).isPositive();
        events.markCleared(stored.id(), T0.plusSeconds(60));
        events.markCleared(stored.id(), T0.plusSeconds(120)); // a later recovery does not move it
        JobEvent read = events.listForJob(job.id(), 1).get(0);
        assertThat(read.severity()).isEqualTo(Severity.WARNING);
        assertThat(read.evidence()).isEqualTo("failed: 0 -> 2");
        assertThat(read.fix()).isEqualTo("raise the timeout");
        assertThat(read.clearedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void listsATimeRangeWithTheLowerBoundIncluded() {
        events.add(job.id(), 1, EventKind.JOB_STARTED, T0, "a");
        events.add(job.id(), 1, EventKind.JOB_STOPPED, T0.plusSeconds(10), "b");
        events.add(null, 0, EventKind.CLUSTER_STARTED, T0.plusSeconds(5), "c");
        assertThat(events.listBetween(job.id(), T0, T0.plusSeconds(10), 10)).extracting(JobEvent::message).containsExactly("a");
        assertThat(events.listBetween(null, T0, T0.plusSeconds(11), 10)).extracting(JobEvent::message)
                .containsSubsequence("b", "c", "a");
        assertThat(events.listForJob(job.id(), 5).get(0).severity()).isEqualTo(Severity.INFO);
    }
}
