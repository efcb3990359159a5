package io.streamdesk.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Runs work at once on the calling thread: deterministic view model tests. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> Future<T> submit(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
    }
}
