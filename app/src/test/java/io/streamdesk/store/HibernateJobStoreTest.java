package io.streamdesk.store;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobWarning;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HibernateJobStoreTest {

    @TempDir
    Path dir;
    Database db;
    HibernateJobStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = new HibernateJobStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createdJobIsFoundWithAllFields() {
        Instant created = Instant.parse("2026-03-01T10:15:30.123456789Z");
        Job job = TestJobs.newJob(JobId.generate(), "orders to kafka", created);

        Job returned = store.create(job);

        assertThat(returned).isEqualTo(job);
        assertThat(store.find(job.id())).contains(job);
        assertThat(DatabaseTest.queryString(db, "select workspace_id from job where id = '" + job.id() + "'"))
                .isEqualTo("default");
    }

    @Test
    void createAddsTheJobsFolderToTheFolderTree() {
        Job job = store.create(TestJobs.newJob("x"));

        assertThat(DatabaseTest.queryString(db, "select count(*) from folder where path = '" + job.folder() + "'")).isEqualTo("1");
        store.create(TestJobs.newJob("y")); // same folder: no duplicate row
        assertThat(DatabaseTest.queryString(db, "select count(*) from folder where path = '" + job.folder() + "'")).isEqualTo("1");
    }

    @Test
    void creatingAnExistingIdFails() {
        Job job = store.create(TestJobs.newJob("first"));

        assertThatThrownBy(() -> store.create(job.withName("second")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("already exists");
        assertThat(store.find(job.id())).get().extracting(Job::name).isEqualTo("first");
    }

    @Test
    void creatingOnAnUnknownClusterFailsClearly() {
        Job job = TestJobs.newJob("x");
        Job onNowhere = new Job(job.id(), "x", "/", JobType.SQL, "nowhere", JobStatus.UNINITIALIZED, null, Instant.now(),
                Duration.ZERO, null, 0, null, null);

        assertThatThrownBy(() -> store.create(onNowhere))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unknown cluster 'nowhere'");
        assertThat(store.find(job.id())).isEmpty();
    }

    @Test
    void overlongNameIsRejectedWithASentence() {
        assertThatThrownBy(() -> store.create(TestJobs.newJob("n".repeat(201))))
                .isInstanceOf(StoreException.class)
                .hasMessage("Job name is too long: 201 characters, at most 200 allowed");
    }

    @Test
    void findOfAMissingJobIsEmpty() {
        assertThat(store.find(JobId.generate())).isEmpty();
        assertThat(store.findDraft(JobId.generate())).isEmpty();
    }

    @Test
    void listIsOrderedByCreationTimeAndLimitedToTheWorkspace() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Job second = store.create(TestJobs.newJob(JobId.generate(), "second", t.plusSeconds(10)));
        Job first = store.create(TestJobs.newJob(JobId.generate(), "first", t));
        Job third = store.create(TestJobs.newJob(JobId.generate(), "third", t.plusSeconds(20)));
        DatabaseTest.execute(db, "insert into workspace (id, name, created_at) values ('team', 'Team', current_timestamp)");
        new HibernateJobStore(db, "team").create(TestJobs.newJob("elsewhere"));

        assertThat(store.list()).extracting(Job::name).containsExactly("first", "second", "third");
        assertThat(store.list()).containsExactly(first, second, third);
        assertThat(new HibernateJobStore(db, "team").list()).extracting(Job::name).containsExactly("elsewhere");
    }

    @Test
    void aRunStateWriteChangesOnlyTheRunFieldsAndRaisesTheVersion() {
        Job job = store.create(TestJobs.newJob("before"));
        Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
        JobWarning warning = new JobWarning("Run", "Cluster unreachable", "Start the local cluster", started);
        Job changed = new Job(job.id(), "after", "/other", JobType.JAR, "elsewhere", JobStatus.RUNNING, 3,
                job.createdAt().minusSeconds(999), Duration.ofMinutes(5), started, 2, "f00d", warning, 0L);

        Job updated = store.updateRunState(changed);

        Job expected = new Job(job.id(), "before", job.folder(), JobType.SQL, "local", JobStatus.RUNNING, 3,
                job.createdAt(), Duration.ofMinutes(5), started, 2, "f00d", warning, 1L);
        assertThat(updated).isEqualTo(expected);
        assertThat(store.find(job.id())).contains(expected);
    }

    @Test
    void anIdentityWriteChangesOnlyNameAndFolder() {
        Job job = store.create(TestJobs.newJob("before"));
        Job running = store.updateRunState(job.running(1, 1, "f1", Instant.now().truncatedTo(ChronoUnit.MICROS)));

        Job renamed = store.updateIdentity(job.id(), "after", "/team/a");

        assertThat(renamed).isEqualTo(new Job(job.id(), "after", "/team/a", job.type(), job.clusterId(),
                JobStatus.RUNNING, 1, job.createdAt(), job.cumulativeRunTime(), running.runStartedAt(), 1, "f1", null,
                running.runStateVersion()));
        assertThat(store.find(job.id())).contains(renamed);
        assertThat(DatabaseTest.queryString(db, "select count(*) from folder where path = '/team/a'")).isEqualTo("1");
    }

    @Test
    void aStaleRunStateWriteIsRefusedAndWritesNothing() {
        Job job = store.create(TestJobs.newJob("raced"));
        Job readByA = store.find(job.id()).orElseThrow();
        Job readByB = store.find(job.id()).orElseThrow();
        store.updateRunState(readByA.running(1, 1, "f1", Instant.now()));

        assertThatThrownBy(() -> store.updateRunState(readByB.withStatus(JobStatus.STOPPED)))
                .isInstanceOf(io.streamdesk.service.port.StaleRunStateException.class)
                .hasMessageContaining("changed while it was being written").hasMessageContaining("RUNNING");
        assertThat(store.find(job.id())).get().extracting(Job::status).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void clearingTheWarningRemovesIt() {
        Job job = store.create(TestJobs.newJob("w"));
        Job warned = store.updateRunState(job.withWarning(new JobWarning("Stop", "boom", "retry", Instant.now())));

        store.updateRunState(warned.withWarning(null));

        assertThat(store.find(job.id())).get().extracting(Job::warning).isNull();
    }

    @Test
    void updatingAMissingJobFails() {
        assertThatThrownBy(() -> store.updateRunState(TestJobs.newJob("ghost")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No job with ID");
        assertThatThrownBy(() -> store.updateIdentity(JobId.generate(), "ghost", "/"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No job with ID");
    }

    @Test
    void draftRevisionsIncrementAndTheFirstSaveMakesTheJobUnpublished() {
        Job job = store.create(TestJobs.newJob("drafty"));
        assertThat(job.status()).isEqualTo(JobStatus.UNINITIALIZED);

        Draft first = store.saveDraft(job.id(), "SELECT 1");
        assertThat(first.revision()).isEqualTo(1);
        assertThat(store.find(job.id())).get().extracting(Job::status).isEqualTo(JobStatus.UNPUBLISHED);

        Draft second = store.saveDraft(job.id(), "SELECT 2");
        Draft third = store.saveDraft(job.id(), "SELECT 3 -- é ☕");

        assertThat(second.revision()).isEqualTo(2);
        assertThat(third.revision()).isEqualTo(3);
        assertThat(store.findDraft(job.id())).contains(third);
        assertThat(third.savedAt()).isAfterOrEqualTo(first.savedAt());
    }

    @Test
    void savingADraftKeepsAStatusOtherThanUninitialized() {
        Job job = store.create(TestJobs.newJob("running"));
        store.updateRunState(job.withStatus(JobStatus.RUNNING));

        store.saveDraft(job.id(), "SELECT 1");

        assertThat(store.find(job.id())).get().extracting(Job::status).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void largeDraftRoundTrips() {
        Job job = store.create(TestJobs.newJob("big"));
        String sql = "SELECT '" + "x".repeat(500_000) + "';";

        store.saveDraft(job.id(), sql);

        assertThat(store.findDraft(job.id())).get().extracting(Draft::sql).isEqualTo(sql);
    }

    @Test
    void draftOverTheSizeLimitIsRejected() {
        Job job = store.create(TestJobs.newJob("huge"));

        assertThatThrownBy(() -> store.saveDraft(job.id(), "x".repeat(Limits.SQL + 1)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("SQL is too long");
        assertThat(store.findDraft(job.id())).isEmpty();
    }

    @Test
    void savingTheDraftOfAMissingJobFails() {
        assertThatThrownBy(() -> store.saveDraft(JobId.generate(), "SELECT 1"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No job with ID");
    }
}
