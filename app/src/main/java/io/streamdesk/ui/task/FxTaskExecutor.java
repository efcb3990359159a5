package io.streamdesk.ui.task;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's executor: a bounded pool of daemon threads, so a hung cluster call never keeps the JVM alive after the
 * window closed, and a burst of work queues instead of spawning unbounded threads.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ThreadPoolExecutor pool;

    public FxTaskExecutor(int threads) {
        AtomicInteger counter = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "ui-task-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public <T> Future<T> submit(Callable<T> work) {
        return pool.submit(work);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
