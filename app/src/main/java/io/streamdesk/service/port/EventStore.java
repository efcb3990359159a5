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
}
