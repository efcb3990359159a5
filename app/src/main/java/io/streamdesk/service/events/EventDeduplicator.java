package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.EventKinds;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** EV3: at most one event of a kind per job run instance per hour (pod exits excepted). */
public final class EventDeduplicator {
    public static final Duration WINDOW = Duration.ofHours(1);

    /** Whether an event of {@code kind} at {@code at} may be recorded, given the job's recent events. */
    public boolean admits(List<JobEvent> recent, JobId jobId, int runInstance, EventKind kind, Instant at) {
        if (!EventKinds.deduplicated(kind)) {
            return true;
        }
        Instant since = at.minus(WINDOW);
        return recent.stream().noneMatch(e -> e.kind() == kind && Objects.equals(e.jobId(), jobId)
                && e.runInstance() == runInstance && e.at().isAfter(since) && !e.at().isAfter(at));
    }
}
