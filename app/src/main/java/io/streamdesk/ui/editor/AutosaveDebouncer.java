package io.streamdesk.ui.editor;

import io.streamdesk.ui.task.Scheduler;
import java.time.Duration;
import java.time.Instant;

/**
 * Fires a save once typing pauses for {@code quiet}, but never later than {@code maxWait} after the first unsaved
 * keystroke, so continuous typing still reaches the disk (E4: at most ~2 s of typing lost).
 */
public final class AutosaveDebouncer {
    private final Scheduler scheduler;
    private final Duration quiet;
    private final Duration maxWait;
    private final Runnable save;
    private Scheduler.Cancellable pending;
    private Instant firstUnsaved;

    public AutosaveDebouncer(Scheduler scheduler, Duration quiet, Duration maxWait, Runnable save) {
        this.scheduler = scheduler;
        this.quiet = quiet;
        this.maxWait = maxWait;
        this.save = save;
    }

    /** A keystroke happened. */
    public void edited() {
        Instant now = scheduler.now();
        if (firstUnsaved == null) {
            firstUnsaved = now;
        }
        Duration left = maxWait.minus(Duration.between(firstUnsaved, now));
        Duration delay = left.compareTo(quiet) < 0 ? left : quiet;
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        cancel();
        pending = scheduler.schedule(delay, this::fire);
    }

    public boolean isPending() {
        return pending != null;
    }

    /** Drops a scheduled save (the caller saved by hand or the pane closed). */
    public void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** Saved by other means: start the max-wait window afresh with the next keystroke. */
    public void reset() {
        cancel();
        firstUnsaved = null;
    }

    private void fire() {
        pending = null;
        firstUnsaved = null;
        save.run();
    }
}
