package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.EventKinds;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.service.port.EventStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Records findings as events: applies dedup (EV3), sets "cleared at" on the open problems a recovery clears,
 * and tells listeners (alarms, the timeline) about every recorded event.
 */
public final class EventRecorder {
    private final EventStore store;
    private final EventDeduplicator dedup = new EventDeduplicator();
    private final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();

    public EventRecorder(EventStore store) {
        this.store = store;
    }

    public void addListener(Consumer<JobEvent> listener) {
        listeners.add(listener);
    }

    /** Records the finding unless EV3 suppresses it; answers the stored event. */
    public synchronized Optional<JobEvent> record(JobId jobId, int runInstance, Finding f, Instant at) {
        List<JobEvent> recent = store.listBetween(jobId, at.minus(EventDeduplicator.WINDOW), at.plusMillis(1), 1000);
        if (!dedup.admits(recent, jobId, runInstance, f.kind(), at)) {
            return Optional.empty();
        }
        JobEvent stored = store.add(new JobEvent(0, jobId, runInstance, f.kind(), at, f.cause(), f.severity(),
                f.evidence(), f.fix(), null));
        Optional<EventKind> cleared = EventKinds.clears(f.kind());
        cleared.ifPresent(problem -> store.listForJob(jobId, 200).stream()
                .filter(e -> e.kind() == problem && !e.cleared() && (e.runInstance() == runInstance
                        || EventKinds.clearsEarlierRuns(f.kind()) && e.runInstance() < runInstance))
                .forEach(e -> store.markCleared(e.id(), at)));
        for (Consumer<JobEvent> l : listeners) {
            try {
                l.accept(stored);
            } catch (RuntimeException e) {
                // a failing listener must not lose the event for the others
            }
        }
        return Optional.of(stored);
    }
}
