package io.streamdesk.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Everything a process does on a schedule (reconcile, event detection, metric rules, alarms, sampling, retention,
 * one-off warm-ups), in one place that starts and stops it. Each task runs on one daemon thread, one run at a time,
 * and waits its interval after a run ends (a slow cluster never piles runs up). The interval is asked again after
 * every run, so a changed setting applies from the next run; {@link #reschedule} applies it at once.
 *
 * <p>Failures are never swallowed: a task that throws is logged at WARN with its cause, then at most once per
 * {@link #WARN_EVERY} while it keeps failing (with the count), and at INFO when it works again. What fails right now
 * is in {@link #failures()}, for a status bar.
 */
public final class PeriodicWork implements AutoCloseable {
    /** While a task keeps failing, one WARN per this long, not one per run. */
    public static final Duration WARN_EVERY = Duration.ofMinutes(5);

    /** A task that fails at the moment: since when, how many runs in a row, the newest message. */
    public record Failure(String task, Instant since, int runs, String message) {
    }

    /** Where failures are reported; SLF4J in the app, a list in tests. */
    public interface Reporter {
        void warn(String message, Throwable cause);

        void info(String message);

        static Reporter slf4j() {
            Logger log = LoggerFactory.getLogger(PeriodicWork.class);
            return new Reporter() {
                @Override
                public void warn(String message, Throwable cause) {
                    log.warn(message, cause);
                }

                @Override
                public void info(String message) {
                    log.info(message);
                }
            };
        }
    }

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Reporter reporter;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, Failure> failures = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;

    public PeriodicWork(Clock clock) {
        this(clock, Reporter.slf4j());
    }

    public PeriodicWork(Clock clock, Reporter reporter) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "streamdesk-periodic");
            t.setDaemon(true);
            return t;
        });
    }

    /** Registers a task that first runs one interval after {@link #start}. */
    public PeriodicWork every(String name, Supplier<Duration> interval, Runnable work) {
        return every(name, null, interval, work);
    }

    /** Registers a task that first runs {@code firstAfter} (null: one interval) after {@link #start}. */
    public synchronized PeriodicWork every(String name, Duration firstAfter, Supplier<Duration> interval, Runnable work) {
        if (started) {
            throw new IllegalStateException("Register periodic tasks before start(): " + name);
        }
        if (tasks.putIfAbsent(name, new Task(name, firstAfter, interval, work)) != null) {
            throw new IllegalArgumentException("Two periodic tasks named " + name);
        }
        return this;
    }

    /** Schedules every registered task. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        tasks.values().forEach(t -> t.schedule(t.firstAfter != null ? t.firstAfter : t.interval.get()));
    }

    /** Runs {@code work} once on the background thread (failures reported like a task's). */
    public synchronized void runOnce(String name, Runnable work) {
        if (closed) {
            return;
        }
        try {
            scheduler.execute(() -> runReported(name, work));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** The task's next run waits its current interval from now (a changed setting applies at once). */
    public synchronized void reschedule(String name) {
        Task t = tasks.get(name);
        // a running task schedules its next run itself when it ends, with the interval of that moment
        if (t != null && started && !closed && !t.running && t.next != null && t.next.cancel(false)) {
            t.schedule(t.interval.get());
        }
    }

    /** The tasks that failed on their last run, oldest failure first. */
    public synchronized List<Failure> failures() {
        return new ArrayList<>(failures.values());
    }

    public synchronized List<String> taskNames() {
        return List.copyOf(tasks.keySet());
    }

    /** Stops scheduling and waits (bounded) for a run in progress: a sampling tick may still be writing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Also told of every run's outcome (the status bar's problems, S1): a task's name and its failure, or null. */
    private volatile java.util.function.BiConsumer<String, Throwable> outcomes = (name, error) -> { };

    /** Sends every run's outcome to {@code listener} as well: the task's name and its failure, null when it worked. */
    public PeriodicWork onOutcome(java.util.function.BiConsumer<String, Throwable> listener) {
        this.outcomes = Objects.requireNonNull(listener, "listener");
        return this;
    }

    private void runReported(String name, Runnable work) {
        try {
            work.run();
            succeeded(name);
            outcomes.accept(name, null);
        } catch (RuntimeException | LinkageError e) {
            failed(name, e);
            outcomes.accept(name, e);
        }
    }

    private synchronized void succeeded(String name) {
        Failure f = failures.remove(name);
        lastWarned.remove(name);
        if (f != null) {
            reporter.info(name + " works again after " + f.runs() + " failed run" + (f.runs() == 1 ? "" : "s")
                    + " since " + f.since());
        }
    }

    private final Map<String, Instant> lastWarned = new LinkedHashMap<>();

    private synchronized void failed(String name, Throwable e) {
        Instant now = clock.instant();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Failure before = failures.get(name);
        Failure current = before == null ? new Failure(name, now, 1, message)
                : new Failure(name, before.since(), before.runs() + 1, message);
        failures.put(name, current);
        Instant warned = lastWarned.get(name);
        if (warned == null) {
            lastWarned.put(name, now);
            reporter.warn(name + " failed: " + message, e);
        } else if (!now.isBefore(warned.plus(WARN_EVERY))) {
            lastWarned.put(name, now);
            reporter.warn(name + " still fails (" + current.runs() + " runs in a row since " + current.since() + "): "
                    + message, e);
        }
    }

    private final class Task {
        final String name;
        final Duration firstAfter;
        final Supplier<Duration> interval;
        final Runnable work;
        ScheduledFuture<?> next;
        boolean running;

        Task(String name, Duration firstAfter, Supplier<Duration> interval, Runnable work) {
            this.name = name;
            this.firstAfter = firstAfter;
            this.interval = Objects.requireNonNull(interval, "interval");
            this.work = Objects.requireNonNull(work, "work");
        }

        /** Called with the PeriodicWork's lock held. */
        void schedule(Duration delay) {
            if (closed) {
                return;
            }
            try {
                next = scheduler.schedule(this::runThenScheduleNext, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }

        private void runThenScheduleNext() {
            synchronized (PeriodicWork.this) {
                running = true;
            }
            try {
                runReported(name, work);
            } finally {
                Duration wait;
                try {
                    wait = interval.get();
                } catch (RuntimeException e) {
                    failed(name + " (interval)", e);
                    wait = Duration.ofMinutes(1);
                }
                synchronized (PeriodicWork.this) {
                    running = false;
                    schedule(wait);
                }
            }
        }
    }
}
