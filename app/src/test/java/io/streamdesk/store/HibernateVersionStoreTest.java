package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HibernateVersionStoreTest {

    @TempDir
    Path dir;
    Database db;
    HibernateJobStore jobs;
    HibernateVersionStore versions;
    Job job;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        jobs = new HibernateJobStore(db);
        versions = new HibernateVersionStore(db);
        job = jobs.create(TestJobs.newJob("versioned"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void publishNumbersOneTwoThreeAndListsNewestFirst() {
        JobVersion v1 = versions.publish(job.id(), "SELECT 1", "first", "ana");
        JobVersion v2 = versions.publish(job.id(), "SELECT 2", "second", "ana");
        JobVersion v3 = versions.publish(job.id(), "SELECT 3", "third", "bo");

        assertThat(List.of(v1.number(), v2.number(), v3.number())).containsExactly(1, 2, 3);
        assertThat(versions.list(job.id())).containsExactly(v3, v2, v1);
        assertThat(versions.find(job.id(), 2)).contains(v2);
        assertThat(v2.sql()).isEqualTo("SELECT 2");
        assertThat(v2.description()).isEqualTo("second");
        assertThat(v3.author()).isEqualTo("bo");
        assertThat(versions.find(job.id(), 4)).isEmpty();
    }

    @Test
    void numbersArePerJob() {
        Job other = jobs.create(TestJobs.newJob("other"));
        versions.publish(job.id(), "SELECT 1", "a", "ana");
        versions.publish(job.id(), "SELECT 2", "b", "ana");

        assertThat(versions.publish(other.id(), "SELECT 1", "a", "ana").number()).isEqualTo(1);
        assertThat(versions.list(other.id())).hasSize(1);
    }

    @Test
    void firstPublishMovesAnUnpublishedJobToStopped() {
        jobs.saveDraft(job.id(), "SELECT 1");
        assertThat(jobs.find(job.id())).get().extracting(Job::status).isEqualTo(JobStatus.UNPUBLISHED);

        versions.publish(job.id(), "SELECT 1", "first", "ana");

        assertThat(jobs.find(job.id())).get().extracting(Job::status).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    void publishKeepsARunningJobRunning() {
        jobs.updateRunState(jobs.find(job.id()).orElseThrow().withStatus(JobStatus.RUNNING));

        versions.publish(job.id(), "SELECT 1", "hotfix", "ana");

        assertThat(jobs.find(job.id())).get().extracting(Job::status).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void concurrentPublishesGetDistinctConsecutiveNumbers() throws Exception {
        int threads = 4;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<Integer>> work = () -> {
                    start.await();
                    List<Integer> numbers = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        numbers.add(versions.publish(job.id(), "SELECT " + thread + ", " + i, "t" + thread + " #" + i, "t" + thread).number());
                    }
                    return numbers;
                };
                futures.add(pool.submit(work));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : futures) {
                List<Integer> numbers = f.get();
                assertThat(numbers).as("one thread's numbers grow").isSorted();
                all.addAll(numbers);
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, threads * perThread).boxed().toList());
            assertThat(versions.list(job.id())).extracting(JobVersion::number)
                    .containsExactlyElementsOf(IntStream.iterate(threads * perThread, n -> n >= 1, n -> n - 1).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void descriptionIsRequired() {
        assertThatThrownBy(() -> versions.publish(job.id(), "SELECT 1", " ", "ana"))
                .isInstanceOf(StoreException.class)
                .hasMessage("A version description is required");
        assertThat(versions.list(job.id())).isEmpty();
    }

    @Test
    void overlongDescriptionIsRejected() {
        assertThatThrownBy(() -> versions.publish(job.id(), "SELECT 1", "d".repeat(1001), "ana"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("at most 1000");
    }

    @Test
    void publishingForAMissingJobFails() {
        assertThatThrownBy(() -> versions.publish(JobId.generate(), "SELECT 1", "x", "ana"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No job with ID");
    }

    @Test
    void versionsSurviveReopen() {
        JobVersion v1 = versions.publish(job.id(), "SELECT 'kept'", "first", "ana");
        db.close();

        db = Database.open(dir);
        versions = new HibernateVersionStore(db);

        assertThat(versions.list(job.id())).containsExactly(v1);
        assertThat(versions.publish(job.id(), "SELECT 2", "second", "ana").number()).isEqualTo(2);
    }
}
