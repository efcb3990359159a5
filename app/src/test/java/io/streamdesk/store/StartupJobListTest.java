package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The job list of the first frame (one plain query) reads exactly what the Hibernate job store lists. */
class StartupJobListTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSameJobsInTheSameOrderAsTheJobStore() {
        try (Database db = Database.open(dir)) {
            HibernateJobStore store = new HibernateJobStore(db);
            Job plain = store.create(TestJobs.newJob("plain"));
            Job running = store.create(TestJobs.newJob("running"));
            Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
            JobWarning warning = new JobWarning("Run", "Cluster unreachable", "Start the local cluster", started);
            store.updateRunState(new Job(running.id(), running.name(), running.folder(), JobType.SQL, "local",
                    JobStatus.RUNNING, 3, running.createdAt(), Duration.ofMinutes(5), started, 2, "f00d", warning,
                    running.runStateVersion()));
            store.create(TestJobs.newJob("third"));
            DatabaseTest.execute(db, "insert into workspace (id, name, created_at) values ('team', 'Team', current_timestamp)");
            new HibernateJobStore(db, "team").create(TestJobs.newJob("another workspace"));

            List<Job> read = StartupJobList.read(db.dataSource());

            assertThat(read).isEqualTo(store.list());
            assertThat(read).extracting(Job::name).containsExactly("plain", "running", "third");
            assertThat(read.get(0)).isEqualTo(plain);
            assertThat(read.get(1).warning()).isEqualTo(warning);
            assertThat(read.get(1).onlineVersion()).isEqualTo(3);
            assertThat(read.get(0).onlineVersion()).isNull();
        }
    }

    @Test
    void readsOverTheFirstHalfOfOpeningBeforeHibernateBoots() {
        try (Database db = Database.open(dir)) {
            new HibernateJobStore(db).create(TestJobs.newJob("kept"));
        }
        Database.Opening opening = Database.begin(dir);
        List<Job> read = StartupJobList.read(opening.dataSource());
        try (Database db = opening.finish()) {
            assertThat(read).extracting(Job::name).containsExactly("kept");
            assertThat(new HibernateJobStore(db).list()).isEqualTo(read);
        }
    }
}
