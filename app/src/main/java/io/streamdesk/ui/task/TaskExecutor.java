package io.streamdesk.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/** Runs work off the FX thread: a bounded pool in the app, the calling thread in tests. */
public interface TaskExecutor extends AutoCloseable {

    <T> Future<T> submit(Callable<T> work);

    /** Stops accepting work; running work may finish (the pool's threads are daemons). */
    @Override
    void close();
}
