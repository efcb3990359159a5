package io.streamdesk.ui.task;

import java.time.Duration;
import java.time.Instant;

/**
 * Delayed and periodic actions that run on the UI thread. An interface so debounce and refresh logic can be tested
 * with a hand-cranked clock.
 */
public interface Scheduler {

    Instant now();

    /** Runs {@code action} on the UI thread after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable action);

    /** Runs {@code action} on the UI thread every {@code period}. */
    Cancellable every(Duration period, Runnable action);

    interface Cancellable {
        void cancel();
    }
}
