package io.streamdesk.ui.fake;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.service.port.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class InMemoryEventStore implements EventStore {
    private final List<JobEvent> events = new ArrayList<>();

    @Override
    public synchronized JobEvent add(JobId jobId, int runInstance, EventKind kind, Instant at, String message) {
        JobEvent e = new JobEvent(events.size() + 1, jobId, runInstance, kind, at, message);
        events.add(0, e);
        return e;
    }

    @Override
    public synchronized List<JobEvent> listForJob(JobId jobId, int limit) {
        return events.stream().filter(e -> Objects.equals(e.jobId(), jobId)).limit(limit).toList();
    }

    @Override
    public synchronized List<JobEvent> listAll(int limit) {
        return new ArrayList<>(events.subList(0, Math.min(limit, events.size())));
    }
}
