package io.streamdesk.service.port;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;

import java.time.Instant;
import java.util.List;

/** Events (EV1). Commits before returning. */
public interface EventStore {

    /** Records an event; {@code jobId} is null for a cluster event. */
    JobEvent add(JobId jobId, int runInstance, EventKind kind, Instant at, String message);

    /** Events of a job, newest first, at most {@code limit}. */
    List<JobEvent> listForJob(JobId jobId, int limit);

    /** All events, newest first, at most {@code limit}. */
    List<JobEvent> listAll(int limit);

    /** Records a detected event with its severity, evidence and fix (its id is ignored); answers it with its id. */
    default JobEvent add(JobEvent event) {
        return add(event.jobId(), event.runInstance(), event.kind(), event.at(), event.message());
    }

    /** Sets "cleared at" of an event when its recovery arrived. */
    default void markCleared(long eventId, Instant clearedAt) {
    }

    /** Events with {@code from <= at < to}, newest first, at most {@code limit}; {@code jobId} null means all. */
    default List<JobEvent> listBetween(JobId jobId, Instant from, Instant to, int limit) {
        return (jobId == null ? listAll(Integer.MAX_VALUE) : listForJob(jobId, Integer.MAX_VALUE)).stream()
                .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).limit(limit).toList();
    }
}
