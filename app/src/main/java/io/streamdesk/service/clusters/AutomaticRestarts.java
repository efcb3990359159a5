package io.streamdesk.service.clusters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to restart a failed cluster by itself: with a growing delay after each failure, at most {@link #MAX_RESTARTS}
 * times in {@link #WINDOW}; after that it gives up until someone restarts the cluster by hand. A cluster that dies
 * again and again (out of memory at every start, a broken job restored each time) must not loop forever.
 */
public final class AutomaticRestarts {
    public static final int MAX_RESTARTS = 3;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** Delay before the first, second, third restart of a window, counted from the noticed failure. */
    static final Duration[] BACKOFF = {Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    public enum Decision { RESTART_NOW, WAIT, GIVE_UP }

    private final Deque<Instant> restarts = new ArrayDeque<>();

    /** What to do at {@code now} about a cluster that failed at {@code failedAt}. */
    public synchronized Decision decide(Instant failedAt, Instant now) {
        forgetOlderThan(now);
        if (restarts.size() >= MAX_RESTARTS) {
            return Decision.GIVE_UP;
        }
        Duration delay = BACKOFF[Math.min(restarts.size(), BACKOFF.length - 1)];
        return now.isBefore(failedAt.plus(delay)) ? Decision.WAIT : Decision.RESTART_NOW;
    }

    /** Counts an automatic restart made at {@code now}. */
    public synchronized void restarted(Instant now) {
        restarts.addLast(now);
    }

    /** Automatic restarts within the window before {@code now}. */
    public synchronized int recentRestarts(Instant now) {
        forgetOlderThan(now);
        return restarts.size();
    }

    /** Someone restarted the cluster by hand: the budget starts over. */
    public synchronized void reset() {
        restarts.clear();
    }

    private void forgetOlderThan(Instant now) {
        Instant oldest = now.minus(WINDOW);
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(oldest)) {
            restarts.removeFirst();
        }
    }
}
