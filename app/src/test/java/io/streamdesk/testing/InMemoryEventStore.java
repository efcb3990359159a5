package io.streamdesk.testing;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.service.port.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** EventStore in memory: ids count up from 1, lists are newest first. */
public final class InMemoryEventStore implements EventStore {
    private final List<JobEvent> events = new ArrayList<>();

    @Override
    public synchronized JobEvent add(JobId jobId, int runInstance, EventKind kind, Instant at, String message) {
        JobEvent event = new JobEvent(events.size() + 1, jobId, runInstance, kind, at, message);
        events.add(event);
        return event;
    }

    @Override
    public synchronized List<JobEvent> listForJob(JobId jobId, int limit) {
        return listAll(Integer.MAX_VALUE).stream().filter(e -> Objects.equals(e.jobId(), jobId)).limit(limit).toList();
    }

    @Override
    public synchronized List<JobEvent> listAll(int limit) {
        List<JobEvent> newestFirst = new ArrayList<>(events);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }

    @Override
    public synchronized JobEvent add(JobEvent event) {
        JobEvent stored = event.withId(events.size() + 1);
        events.add(stored);
        return stored;
    }

    @Override
    public synchronized void markCleared(long eventId, Instant clearedAt) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).id() == eventId && events.get(i).clearedAt() == null) {
                events.set(i, events.get(i).clearedAt(clearedAt));
            }
        }
    }
}
