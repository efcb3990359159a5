package io.streamdesk.service.alarms;

import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.EventKinds;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.service.events.EventJson;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.SeriesReader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Evaluates a rule over the last N hours of stored samples and events and answers when it would have fired. */
public final class AlarmDryRun {
    public static final int MAX_HOURS = 24 * 7;

    /** A moment the rule would have triggered or cleared. */
    public record Hit(Instant at, JobId jobId, boolean triggered, String detail) {
    }

    private final EventStore events;
    private final SeriesReader series;

    public AlarmDryRun(EventStore events, SeriesReader series) {
        this.events = events;
        this.series = series;
    }

    public List<Hit> run(AlarmRule rule, List<Job> scopedJobs, Instant now, int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new io.streamdesk.service.InputRejectedException("Dry run: hours must be 1.." + MAX_HOURS + " (got " + hours + ").");
        }
        Instant from = now.minus(Duration.ofHours(hours));
        List<Hit> hits = rule.kind() == AlarmRule.Kind.METRIC
                ? metric(rule.metric(), scopedJobs, from, now)
                : event(rule, scopedJobs, from, now);
        hits.sort(Comparator.comparing(Hit::at));
        return hits;
    }

    private List<Hit> metric(AlarmRule.MetricCondition c, List<Job> jobs, Instant from, Instant now) {
        List<Hit> hits = new ArrayList<>();
        for (Job job : jobs) {
            var points = series.read(job.id(), c.metric(), from.minus(c.period().multipliedBy(c.periods() + 1L)), now);
            boolean state = false;
            for (Instant end = from.plus(c.period()); !end.isAfter(now); end = end.plus(c.period())) {
                var verdict = MetricAlarmCheck.evaluate(c, points, end);
                if (verdict.isPresent() && verdict.get().breached() != state) {
                    state = verdict.get().breached();
                    hits.add(new Hit(end, job.id(), state, verdict.get().describe(c)));
                }
            }
        }
        return hits;
    }

    private List<Hit> event(AlarmRule rule, List<Job> jobs, Instant from, Instant now) {
        EventPattern pattern = EventPattern.parse(rule.eventPattern());
        Map<JobId, Job> byId = jobs.stream().collect(Collectors.toMap(Job::id, Function.identity()));
        List<Hit> hits = new ArrayList<>();
        for (JobEvent e : events.listBetween(null, from, now.plusMillis(1), 10_000)) {
            if (e.kind() == EventKind.ALARM_TRIGGERED || e.kind() == EventKind.ALARM_CLEARED) {
                continue;
            }
            boolean inScope = e.jobId() == null ? rule.scope().type() == AlarmRule.ScopeType.WORKSPACE : byId.containsKey(e.jobId());
            if (inScope && pattern.matches(EventJson.of(e, byId.get(e.jobId())))) {
                hits.add(new Hit(e.at(), e.jobId(), true, EventKinds.label(e.kind()) + ": " + e.message()));
                if (e.clearedAt() != null && !e.clearedAt().isAfter(now)) {
                    hits.add(new Hit(e.clearedAt(), e.jobId(), false, "cleared by its recovery"));
                }
            }
        }
        return hits;
    }
}
