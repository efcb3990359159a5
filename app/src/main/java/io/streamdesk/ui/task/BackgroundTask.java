package io.streamdesk.ui.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A unit of work for the background with callbacks on the UI thread:
 * {@code BackgroundTask.wrap(() -> service.call()).onSuccess(vm::show).onFailure(vm::fail).executeWith(ctx)}.
 * The work itself never touches view state; only the callbacks do.
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private String title = "";
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> org.slf4j.LoggerFactory.getLogger(BackgroundTask.class)
            .warn("Background task failed", e);
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Runnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Shown in the status bar while the task runs. */
    public BackgroundTask<T> titled(String newTitle) {
        this.title = newTitle;
        return this;
    }

    /** Runs on the UI thread before the work starts. */
    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = action;
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = action;
        return this;
    }

    /** Receives the work's own exception (unwrapped from the executor's wrappers). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = action;
        return this;
    }

    /** Runs on the UI thread after success or failure. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = action;
        return this;
    }

    public Future<T> executeWith(TaskExecutor executor, UiThread ui, BackgroundWork work) {
        ui.run(() -> {
            if (shownInStatusBar()) {
                work.started(title);
            }
            onRunning.run();
        });
        try {
            return executor.submit(() -> {
                try {
                    T result = this.work.call();
                    ui.run(() -> finish(work, () -> onSuccess.accept(result)));
                    return result;
                } catch (Exception e) {
                    Throwable cause = unwrap(e);
                    ui.run(() -> finish(work, () -> onFailure.accept(cause)));
                    throw e;
                }
            });
        } catch (RejectedExecutionException e) {
            ui.run(() -> finish(work, () -> onFailure.accept(e)));
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    public Future<T> executeWith(UiContext context) {
        return executeWith(context.executor(), context.ui(), context.backgroundWork());
    }

    private void finish(BackgroundWork work, Runnable callback) {
        try {
            callback.run();
        } finally {
            if (shownInStatusBar()) {
                work.finished();
            }
            onFinished.run();
        }
    }

    /** Untitled work (a list refresh every few seconds) would only make the status bar flicker. */
    private boolean shownInStatusBar() {
        return title != null && !title.isBlank();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
