package io.streamdesk.service.alarms;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.EventKinds;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.events.EventJson;
import io.streamdesk.service.port.AlarmStore;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.SeriesReader;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the alarm rules (AL1, AL2) and turns state changes into notifications: a metric rule triggers when its
 * condition held for N periods and clears when it no longer does; an event rule triggers on a matching event and
 * clears when that event is cleared by its recovery (events without a recovery kind trigger once). Silenced rules
 * keep their state but notify nothing; flapping alarms are held back (see {@link FlapGuard}).
 */
public final class AlarmEvaluator {
    private final AlarmStore store;
    private final JobStore jobs;
    private final EventStore events;
    private final SeriesReader series;
    private final AlarmNotifier notifier;
    private final Clock clock;
    private final Map<Key, Held> states = new ConcurrentHashMap<>();
    private volatile Instant eventsCheckedUntil;

    private record Key(long ruleId, JobId jobId) {
    }

    /** A triggered alarm and, for an event alarm, the event that must clear. */
    private record Held(boolean triggered, Long eventId, FlapGuard flaps) {
    }

    public AlarmEvaluator(AlarmStore store, JobStore jobs, EventStore events, SeriesReader series,
                          AlarmNotifier notifier, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.events = events;
        this.series = series;
        this.notifier = notifier;
        this.clock = clock;
        this.eventsCheckedUntil = clock.instant();
    }

    /** One round over every enabled rule. */
    public synchronized void evaluate() {
        Instant now = clock.instant();
        List<Job> allJobs = jobs.list();
        List<JobEvent> fresh = new ArrayList<>(events.listBetween(null, eventsCheckedUntil, now.plusMillis(1), 5_000));
        java.util.Collections.reverse(fresh); // oldest first
        eventsCheckedUntil = now.plusMillis(1);
        for (AlarmRule rule : store.rules()) {
            if (!rule.enabled()) {
                continue;
            }
            List<Job> scoped = inScope(rule, allJobs);
            if (rule.kind() == AlarmRule.Kind.METRIC) {
                evaluateMetric(rule, scoped, now);
            } else {
                evaluateEvents(rule, scoped, fresh, now);
            }
        }
    }

    /** Jobs a rule watches. */
    public List<Job> inScope(AlarmRule rule, List<Job> allJobs) {
        AlarmRule.Scope scope = rule.scope();
        return switch (scope.type()) {
            case WORKSPACE -> allJobs;
            case ONE, SEVERAL -> allJobs.stream().filter(j -> scope.jobs().contains(j.id())).toList();
            case TAG -> {
                Set<JobId> tagged = Set.copyOf(store.jobsWithTag(scope.tag()));
                yield allJobs.stream().filter(j -> tagged.contains(j.id())).toList();
            }
        };
    }

    private void evaluateMetric(AlarmRule rule, List<Job> scoped, Instant now) {
        AlarmRule.MetricCondition c = rule.metric();
        Instant from = now.minus(c.period().multipliedBy(c.periods() + 1L));
        for (Job job : scoped) {
            if (job.status() != JobStatus.RUNNING) {
                continue;
            }
            Optional<MetricAlarmCheck.Verdict> verdict =
                    MetricAlarmCheck.evaluate(c, series.read(job.id(), c.metric(), from, now), now);
            if (verdict.isEmpty()) {
                continue; // no data: keep the state
            }
            Key key = new Key(rule.id(), job.id());
            Held held = states.get(key);
            boolean was = held != null && held.triggered();
            boolean is = verdict.get().breached();
            if (was != is) {
                change(rule, job, is, null, verdict.get().describe(c), now, key);
            }
        }
    }

    private void evaluateEvents(AlarmRule rule, List<Job> scoped, List<JobEvent> fresh, Instant now) {
        EventPattern pattern = EventPattern.parse(rule.eventPattern());
        Map<JobId, Job> byId = new java.util.HashMap<>();
        scoped.forEach(j -> byId.put(j.id(), j));
        for (JobEvent e : fresh) {
            if (e.kind() == EventKind.ALARM_TRIGGERED || e.kind() == EventKind.ALARM_CLEARED) {
                continue; // alarms never trigger alarms
            }
            boolean inScope = e.jobId() == null ? rule.scope().type() == AlarmRule.ScopeType.WORKSPACE : byId.containsKey(e.jobId());
            if (!inScope || !pattern.matches(EventJson.of(e, byId.get(e.jobId())))) {
                continue;
            }
            Key key = new Key(rule.id(), e.jobId());
            Held held = states.get(key);
            boolean holdsOpen = e.clearedAt() == null && EventKinds.clearedBy(e.kind()).isPresent();
            if (held == null || !held.triggered()) {
                change(rule, byId.get(e.jobId()), true, holdsOpen ? e.id() : null,
                        EventKinds.label(e.kind()) + ": " + e.message(), e.at(), key);
                if (!holdsOpen) {
                    states.put(key, new Held(false, null, states.get(key).flaps()));
                }
            }
        }
        // clear event alarms whose event was cleared by its recovery
        for (Map.Entry<Key, Held> entry : states.entrySet()) {
            Held held = entry.getValue();
            if (entry.getKey().ruleId() != rule.id() || !held.triggered() || held.eventId() == null) {
                continue;
            }
            JobId jobId = entry.getKey().jobId();
            Optional<JobEvent> source = events.listForJob(jobId, 500).stream()
                    .filter(ev -> ev.id() == held.eventId()).findFirst();
            if (source.isEmpty() || source.get().cleared()) {
                Instant at = source.map(JobEvent::clearedAt).orElse(now);
                change(rule, byId.get(jobId), false, null, "The event was cleared by its recovery", at, entry.getKey());
            }
        }
    }

    private void change(AlarmRule rule, Job job, boolean triggered, Long eventId, String message, Instant at, Key key) {
        Held before = states.get(key);
        FlapGuard flaps = before == null ? new FlapGuard() : before.flaps();
        states.put(key, new Held(triggered, eventId, flaps));
        boolean admitted = flaps.admit(at);
        if (rule.silencedAt(clock.instant())) {
            return;
        }
        if (!admitted) {
            if (flaps.justStartedFlapping()) {
                notifier.notify(rule, notification(rule, key.jobId(), AlarmNotification.State.TRIGGERED, at,
                        "Flapping: changed state more than " + FlapGuard.MAX_CHANGES + " times in "
                                + FlapGuard.WINDOW.toMinutes() + " min; further changes are held back. Last: " + message),
                        json(rule, job));
            }
            return;
        }
        notifier.notify(rule, notification(rule, key.jobId(),
                triggered ? AlarmNotification.State.TRIGGERED : AlarmNotification.State.CLEARED, at, message), json(rule, job));
    }

    private static AlarmNotification notification(AlarmRule rule, JobId jobId, AlarmNotification.State state, Instant at,
                                                  String message) {
        return new AlarmNotification(0, rule.id(), rule.name(), jobId, state, at, message, null);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(AlarmRule rule, Job job) {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        node.put("ruleId", rule.id());
        node.put("workspaceId", "default");
        if (job != null) {
            node.put("jobId", job.id().value());
            node.put("jobName", job.name());
            node.put("folderId", job.folder());
            node.put("clusterId", job.clusterId());
        }
        return node;
    }

    /** Whether the alarm of {@code rule} for {@code jobId} is triggered now. */
    public boolean triggered(long ruleId, JobId jobId) {
        Held held = states.get(new Key(ruleId, jobId));
        return held != null && held.triggered();
    }

    /** Forget the state of a deleted rule. */
    public void forget(long ruleId) {
        states.keySet().removeIf(k -> k.ruleId() == ruleId && Objects.nonNull(k));
    }

    List<JobId> triggeredJobs() {
        List<JobId> out = new ArrayList<>();
        states.forEach((k, v) -> {
            if (v.triggered()) {
                out.add(k.jobId());
            }
        });
        return out;
    }
}
