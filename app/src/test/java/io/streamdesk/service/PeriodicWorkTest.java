package io.streamdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one place of scheduled work: runs, reschedules, stops, and reports failures at WARN without flooding. */
class PeriodicWorkTest {
    private static final Duration FAST = Duration.ofMillis(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> infos = new CopyOnWriteArrayList<>();
    private final PeriodicWork work = new PeriodicWork(clock, new PeriodicWork.Reporter() {
        @Override
        public void warn(String message, Throwable cause) {
            warnings.add(message);
        }

        @Override
        public void info(String message) {
            infos.add(message);
        }
    });

    @AfterEach
    void close() {
        work.close();
    }

    @Test
    void tasksRunAgainAndAgainUntilClosed() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        work.every("Reconcile", () -> FAST, runs::incrementAndGet).start();
        await(() -> runs.get() >= 3);
        work.close();
        int afterClose = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).isEqualTo(afterClose);
        assertThat(work.taskNames()).containsExactly("Reconcile");
    }

    @Test
    void aFailingTaskWarnsOnceThenOncePerWindowThenSaysItWorksAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Boolean> failing = new AtomicReference<>(true);
        work.every("Event detection", () -> FAST, () -> {
            runs.incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("cluster does not answer");
            }
        }).start();

        await(() -> runs.get() >= 5);
        assertThat(warnings).containsExactly("Event detection failed: cluster does not answer");
        assertThat(work.failures()).singleElement().satisfies(f -> {
            assertThat(f.task()).isEqualTo("Event detection");
            assertThat(f.runs()).isGreaterThanOrEqualTo(4); // the fifth run may still be on its way
            assertThat(f.since()).isEqualTo(clock.instant());
        });

        clock.advance(PeriodicWork.WARN_EVERY);
        int seen = runs.get();
        await(() -> runs.get() >= seen + 3);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).startsWith("Event detection still fails (").endsWith("cluster does not answer");

        failing.set(false);
        await(() -> !infos.isEmpty());
        assertThat(infos.get(0)).startsWith("Event detection works again after ");
        assertThat(work.failures()).isEmpty();
    }

    @Test
    void rescheduleAppliesAChangedIntervalAtOnce() throws Exception {
        AtomicReference<Duration> interval = new AtomicReference<>(Duration.ofHours(1));
        AtomicInteger runs = new AtomicInteger();
        work.every("Metric sampling", interval::get, runs::incrementAndGet).start();
        interval.set(FAST);
        work.reschedule("Metric sampling");
        await(() -> runs.get() >= 2);
    }

    @Test
    void aOneOffRunReportsItsFailureToo() throws Exception {
        work.runOnce("Planner warm-up", () -> {
            throw new IllegalStateException("no planner");
        });
        await(() -> !warnings.isEmpty());
        assertThat(warnings).containsExactly("Planner warm-up failed: no planner");
    }

    @Test
    void tasksAreRegisteredOnceAndBeforeTheStart() {
        work.every("Reconcile", () -> FAST, () -> { });
        assertThatThrownBy(() -> work.every("Reconcile", () -> FAST, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        work.start();
        assertThatThrownBy(() -> work.every("Alarms", () -> FAST, () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before start");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(2);
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
