package io.streamdesk.ui.fake;

import io.streamdesk.ui.task.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A hand-cranked clock: {@link #advance} runs what became due, in time order, on the calling thread. */
public final class ManualScheduler implements Scheduler {
    private Instant now = Instant.parse("2026-01-01T10:00:00Z");
    private final List<Entry> entries = new ArrayList<>();

    private final class Entry implements Cancellable {
        Instant due;
        final Duration period;
        final Runnable action;
        boolean cancelled;

        Entry(Instant due, Duration period, Runnable action) {
            this.due = due;
            this.period = period;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
            entries.remove(this);
        }
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Entry e = new Entry(now.plus(delay), null, action);
        entries.add(e);
        return e;
    }

    @Override
    public Cancellable every(Duration period, Runnable action) {
        Entry e = new Entry(now.plus(period), period, action);
        entries.add(e);
        return e;
    }

    public void advance(Duration d) {
        Instant target = now.plus(d);
        while (true) {
            Entry next = entries.stream().filter(e -> !e.due.isAfter(target))
                    .min(Comparator.comparing((Entry e) -> e.due)).orElse(null);
            if (next == null) {
                break;
            }
            now = next.due;
            if (next.period == null) {
                entries.remove(next);
            } else {
                next.due = next.due.plus(next.period);
            }
            next.action.run();
        }
        now = target;
    }

    public int pending() {
        return entries.size();
    }
}
