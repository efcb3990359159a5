package io.streamdesk.service.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Flap suppression: an alarm that changed state more than {@code maxChanges} times within {@code window} is
 * flapping; its further changes are not notified until it calms down.
 */
public final class FlapGuard {
    public static final int MAX_CHANGES = 4;
    public static final Duration WINDOW = Duration.ofHours(1);

    private final Deque<Instant> changes = new ArrayDeque<>();

    /** Records a state change; answers whether it may be notified. */
    public synchronized boolean admit(Instant at) {
        while (!changes.isEmpty() && !changes.peekFirst().isAfter(at.minus(WINDOW))) {
            changes.removeFirst();
        }
        changes.addLast(at);
        return changes.size() <= MAX_CHANGES;
    }

    /** Whether the last admitted change was the first one held back (say so once). */
    public synchronized boolean justStartedFlapping() {
        return changes.size() == MAX_CHANGES + 1;
    }
}
