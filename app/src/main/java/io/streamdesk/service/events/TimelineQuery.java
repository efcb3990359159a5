package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobId;

import java.time.Instant;
import java.util.Set;

/**
 * A timeline filter (EV5): one job or the whole workspace (jobId null), kinds (empty = all), one run instance
 * (null = all), and a time range of at most 7 days within the last 90 days.
 */
public record TimelineQuery(JobId jobId, Set<EventKind> kinds, Integer runInstance, Instant from, Instant to) {
    public TimelineQuery {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }
}
