package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The job's operation lock between the background reconcile and the user's operations: a stop that arrives while a
 * reconcile looks at the job waits for it instead of failing with "another operation is still in flight"; a reconcile
 * skips a job under an operation; a second operation still fails at once. The race is made deterministic by
 * blocking the reconcile inside the (fake) cluster call on a latch.
 */
class RunServiceLockTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private final FakeServices services = new FakeServices();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Job job;

    @BeforeEach
    void runAJob() {
        services.clusters().startAll();
        job = services.jobs().createSqlJob("orders", "/prod");
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "v1");
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());
    }

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    /** Blocks the first cluster lookup made on a thread named {@code name} until {@link #release}. */
    private void blockLookupsOn(String name) {
        services.gateway.beforeJobsOverview = () -> {
            if (Thread.currentThread().getName().equals(name) && blocked.getCount() > 0) {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private Future<?> onThread(String name, Runnable work) {
        return threads.submit(() -> {
            String old = Thread.currentThread().getName();
            Thread.currentThread().setName(name);
            try {
                work.run();
            } finally {
                Thread.currentThread().setName(old);
            }
        });
    }

    @Test
    void aStopThatArrivesDuringAReconcileWaitsForItAndSucceeds() throws Exception {
        blockLookupsOn("reconcile");
        Future<?> reconcile = onThread("reconcile", services.runs()::reconcile);
        assertThat(blocked.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).as("the reconcile holds the job").isTrue();

        AtomicReference<Thread> stopper = new AtomicReference<>();
        Future<Job> stop = threads.submit(() -> {
            stopper.set(Thread.currentThread());
            return services.runs().stop(job.id(), false);
        });
        // the stop waits for the job's lock (a timed wait) while the reconcile is still blocked
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            while (stopper.get() == null || stopper.get().getState() != Thread.State.TIMED_WAITING) {
                assertThat(stop.isDone()).as("the stop must wait, not fail").isFalse();
                Thread.onSpinWait();
            }
        });
        release.countDown();

        Job stopped = stop.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        reconcile.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(services.jobs().job(job.id()).warning()).isNull();
    }

    @Test
    void aReconcileSkipsAJobUnderAnOperationAndASecondOperationFailsAtOnce() throws Exception {
        blockLookupsOn("stop");
        Future<?> stop = onThread("stop", () -> services.runs().stop(job.id(), false));
        assertThat(blocked.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).as("the stop holds the job").isTrue();

        assertTimeoutPreemptively(HANG_GUARD, services.runs()::reconcile); // does not wait for the stop
        assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.OPERATING);
        assertThatThrownBy(() -> services.runs().stop(job.id(), false))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("still in flight");

        release.countDown();
        stop.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
    }
}
