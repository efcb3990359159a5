package io.streamdesk.service.events;

import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.port.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Event queries for the timeline (EV5) and the overview (D5). */
public final class EventService {
    public static final Duration MAX_RANGE = Duration.ofDays(7);
    public static final Duration MAX_AGE = Duration.ofDays(90);
    public static final int MAX_EVENTS = 10_000;

    private final EventStore events;
    private final Clock clock;

    public EventService(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The events of the query, newest first; the range is checked (EV5) and refused with a clear message. */
    public List<JobEvent> timeline(TimelineQuery q) {
        check(q.from(), q.to(), clock.instant());
        return events.listBetween(q.jobId(), q.from(), q.to(), MAX_EVENTS).stream()
                .filter(e -> q.kinds().isEmpty() || q.kinds().contains(e.kind()))
                .filter(e -> q.runInstance() == null || e.runInstance() == q.runInstance())
                .toList();
    }

    static void check(Instant from, Instant to, Instant now) {
        if (from == null || to == null) {
            throw new InputRejectedException("Time range: choose a start and an end.");
        }
        if (!from.isBefore(to)) {
            throw new InputRejectedException("Time range: the start must be before the end.");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InputRejectedException("Time range: at most 7 days wide (got "
                    + Duration.between(from, to).toHours() + " h).");
        }
        if (from.isBefore(now.minus(MAX_AGE))) {
            throw new InputRejectedException("Time range: events are kept 90 days; start on or after "
                    + now.minus(MAX_AGE).truncatedTo(java.time.temporal.ChronoUnit.DAYS) + ".");
        }
    }

    /** Run instances that have events in the range (for the run filter). */
    public List<Integer> runInstances(JobId jobId, Instant from, Instant to) {
        Set<Integer> runs = new LinkedHashSet<>();
        events.listBetween(jobId, from, to, MAX_EVENTS).forEach(e -> runs.add(e.runInstance()));
        return runs.stream().sorted().toList();
    }

    /** Jobs with at least one event in the last {@code window} (D5: last 6 hours). */
    public Set<JobId> jobsWithEvents(Duration window) {
        Instant now = clock.instant();
        Set<JobId> jobs = new LinkedHashSet<>();
        events.listBetween(null, now.minus(window), now.plusMillis(1), MAX_EVENTS).forEach(e -> {
            if (e.jobId() != null) {
                jobs.add(e.jobId());
            }
        });
        return jobs;
    }

    public Instant now() {
        return clock.instant();
    }
}
