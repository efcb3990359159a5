package io.streamdesk.service.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Flap suppression: an alarm that changed state more than {@code maxChanges} times within {@code window} is
 * flapping; its further changes are not notified until it calms down. The changes it remembers are part of the
 * alarm's stored state, so a restart does not forget that an alarm flaps.
 */
public final class FlapGuard {
    public static final int MAX_CHANGES = 4;
    public static final Duration WINDOW = Duration.ofHours(1);

    private final Deque<Instant> changes = new ArrayDeque<>();

    public FlapGuard() {
    }

    /** A guard that remembers {@code earlier} changes (oldest first), e.g. restored from the store. */
    public FlapGuard(Collection<Instant> earlier) {
        changes.addAll(earlier);
    }

    /** Records a state change; answers whether it may be notified. */
    public synchronized boolean admit(Instant at) {
        prune(at);
        changes.addLast(at);
        return changes.size() <= MAX_CHANGES;
    }

    /** Whether the last admitted change was the first one held back (say so once). */
    public synchronized boolean justStartedFlapping() {
        return changes.size() == MAX_CHANGES + 1;
    }

    /** Whether changes are still held back at {@code now}: more than the maximum within the window before it. */
    public synchronized boolean flapping(Instant now) {
        return changes.stream().filter(c -> c.isAfter(now.minus(WINDOW))).count() > MAX_CHANGES;
    }

    /**
     * The newest changes, oldest first: at most {@code MAX_CHANGES + 2}, which is all a restored guard needs to answer
     * {@link #admit}, {@link #justStartedFlapping} and {@link #flapping} as this one would.
     */
    public synchronized List<Instant> changes() {
        List<Instant> all = List.copyOf(changes);
        return all.subList(Math.max(0, all.size() - (MAX_CHANGES + 2)), all.size());
    }

    private void prune(Instant at) {
        while (!changes.isEmpty() && !changes.peekFirst().isAfter(at.minus(WINDOW))) {
            changes.removeFirst();
        }
    }
}
