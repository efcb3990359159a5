package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The stops of one quit (R1, S5): every running job is stopped with a savepoint, all at once (a quit takes as long as
 * the slowest savepoint, not their sum). The quit dialog shows its rows; the shutdown path (window closed, SIGTERM)
 * starts it or joins the one the dialog started, and waits a bounded time. "Quit without savepoints" skips the
 * waiting: stops still in flight end with the cluster.
 */
public final class StopAtQuit {
    /** At most this many stops at once; more jobs queue. */
    static final int MAX_PARALLEL = 8;

    public enum Step { STOPPING, SAVEPOINT_TAKEN, FAILED }

    /**
     * One job's line in the quit dialog.
     *
     * @param detail the savepoint location once taken, the error when failed, empty while stopping
     */
    public record Row(JobId jobId, String jobName, Step step, String detail) {
    }

    private final RunService runs;
    private final Map<JobId, Row> rows = new LinkedHashMap<>();
    private final List<Consumer<Row>> listeners = new CopyOnWriteArrayList<>();
    private CountDownLatch done;
    private volatile boolean skipped;

    StopAtQuit(RunService runs) {
        this.runs = runs;
    }

    /**
     * Starts stopping every running job; later calls do nothing and return the same rows. The rows are in the job
     * list's order, each STOPPING until its stop ends.
     */
    public List<Row> start() {
        List<Job> toStop;
        synchronized (this) {
            if (done != null) {
                return rows();
            }
            toStop = runs.runningJobs();
            done = new CountDownLatch(toStop.size());
            for (Job job : toStop) {
                rows.put(job.id(), new Row(job.id(), job.name(), Step.STOPPING, ""));
            }
        }
        if (toStop.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, toStop.size()), r -> {
            Thread t = new Thread(r, "streamdesk-stop-at-quit");
            t.setDaemon(true); // a skipped quit does not wait for them
            return t;
        });
        for (Job job : toStop) {
            pool.execute(() -> stopOne(job));
        }
        pool.shutdown();
        return rows();
    }

    private void stopOne(Job job) {
        Row row;
        try {
            Job stopped = runs.stopAtQuit(job.id());
            String location = runs.latestSavepoint(job.id()).map(s -> s.location()).orElse("");
            row = new Row(job.id(), stopped.name(), Step.SAVEPOINT_TAKEN, location);
        } catch (RuntimeException e) {
            row = new Row(job.id(), job.name(), Step.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        // the row and the count first: a listener that asks finished() on the last row must see true
        synchronized (this) {
            rows.put(row.jobId(), row);
        }
        done.countDown();
        for (Consumer<Row> l : listeners) {
            l.accept(row);
        }
    }

    /**
     * Waits until every stop ended, the quit was skipped, or {@code timeout} passed. True when every stop ended.
     * Returns at once when nothing was started.
     */
    public boolean await(Duration timeout) {
        CountDownLatch latch;
        synchronized (this) {
            latch = done;
        }
        if (latch == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!skipped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (latch.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            }
            return latch.getCount() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits at most {@code timeout} for the stops still in flight to end (after a skip, once the cluster is gone). */
    public void awaitStragglers(Duration timeout) {
        CountDownLatch latch;
        synchronized (this) {
            latch = done;
        }
        if (latch == null) {
            return;
        }
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "Quit without savepoints": stop waiting for the savepoints. */
    public void skip() {
        skipped = true;
    }

    public boolean skipped() {
        return skipped;
    }

    /** True once every started stop ended. */
    public synchronized boolean finished() {
        return done != null && done.getCount() == 0;
    }

    public synchronized List<Row> rows() {
        return new ArrayList<>(rows.values());
    }

    /** Called on the stopping thread with each row that changed. */
    public void addListener(Consumer<Row> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Row> listener) {
        listeners.remove(listener);
    }
}
