package io.streamdesk.store;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HibernateEventStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    Path dir;
    Database db;
    HibernateEventStore events;
    Job job;
    Job other;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        HibernateJobStore jobs = new HibernateJobStore(db);
        job = jobs.create(TestJobs.newJob("a"));
        other = jobs.create(TestJobs.newJob("b"));
        events = new HibernateEventStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void listsNewestFirstByTimeThenByInsertion() {
        JobEvent started = events.add(job.id(), 1, EventKind.JOB_STARTED, T0, "started");
        JobEvent failed = events.add(job.id(), 1, EventKind.JOB_FAILED, T0.plusSeconds(20), "failed");
        JobEvent recovered = events.add(job.id(), 2, EventKind.JOB_RECOVERED, T0.plusSeconds(10), "recovered late");
        JobEvent sameTime = events.add(job.id(), 2, EventKind.JOB_STOPPED, T0.plusSeconds(20), "stopped");

        assertThat(events.listForJob(job.id(), 10)).containsExactly(sameTime, failed, recovered, started);
        assertThat(started).isEqualTo(new JobEvent(started.id(), job.id(), 1, EventKind.JOB_STARTED, T0, "started"));
    }

    @Test
    void limitKeepsTheNewest() {
        for (int i = 0; i < 10; i++) {
            events.add(job.id(), 1, EventKind.JOB_STARTED, T0.plusSeconds(i), "event " + i);
        }

        assertThat(events.listForJob(job.id(), 3)).extracting(JobEvent::message).containsExactly("event 9", "event 8", "event 7");
        assertThat(events.listForJob(job.id(), 0)).isEmpty();
    }

    @Test
    void jobListsOnlyItsOwnEventsAndListAllHasEveryone() {
        events.add(job.id(), 1, EventKind.JOB_STARTED, T0, "mine");
        events.add(other.id(), 1, EventKind.JOB_STARTED, T0.plusSeconds(1), "theirs");
        JobEvent cluster = events.add(null, 0, EventKind.CLUSTER_UNREACHABLE, T0.plusSeconds(2), "cluster down");

        assertThat(events.listForJob(job.id(), 10)).extracting(JobEvent::message).containsExactly("mine");
        assertThat(events.listForJob(null, 10)).containsExactly(cluster);
        assertThat(cluster.jobId()).isNull();
        assertThat(events.listAll(10)).extracting(JobEvent::message).containsExactly("cluster down", "theirs", "mine");
        assertThat(events.listAll(2)).extracting(JobEvent::message).containsExactly("cluster down", "theirs");
    }

    @Test
    void overlongMessagesAreCutNotLost() {
        JobEvent e = events.add(job.id(), 1, EventKind.OPERATION_FAILED, T0, "trace ".repeat(2000));

        assertThat(e.message()).hasSize(Limits.MESSAGE).endsWith("\u2026");
        assertThat(events.listForJob(job.id(), 1)).containsExactly(e);
    }
}
