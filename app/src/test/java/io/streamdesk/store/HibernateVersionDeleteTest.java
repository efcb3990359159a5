package io.streamdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a version on the real database (V2): gone from the list, its number never reused, also after reopening. */
class HibernateVersionDeleteTest {

    @TempDir
    Path dir;

    @Test
    void deletedNumbersAreNotReused() {
        Job job;
        try (Database db = Database.open(dir)) {
            HibernateJobStore jobs = new HibernateJobStore(db);
            HibernateVersionStore versions = new HibernateVersionStore(db);
            job = jobs.create(TestJobs.newJob("deleting"));
            versions.publish(job.id(), "SELECT 1", "first", "ana");
            versions.publish(job.id(), "SELECT 2", "second", "ana");
            assertThat(versions.delete(job.id(), 2)).isTrue();
            assertThat(versions.delete(job.id(), 2)).isFalse();
            assertThat(versions.find(job.id(), 2)).isEmpty();
            assertThat(versions.list(job.id())).extracting(v -> v.number()).containsExactly(1);
        }
        try (Database db = Database.open(dir)) {
            HibernateVersionStore versions = new HibernateVersionStore(db);
            assertThat(versions.publish(job.id(), "SELECT 3", "third", "bo").number()).isEqualTo(3);
            assertThat(versions.list(job.id())).extracting(v -> v.number()).containsExactly(3, 1);
        }
    }
}
