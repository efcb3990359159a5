package io.streamdesk.service.alarms;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.AlarmState;
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
import java.time.Duration;
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
 * keep their state but notify nothing; flapping alarms are held back (see {@link FlapGuard}); once the silence ends or
 * the flapping calms down, the user is told the state if it differs from the last one notified.
 * <p>
 * The state of every alarm (triggered, the event that clears it, whether a CLEARED is owed, the flap history) and how
 * far the events were read are kept in the {@link AlarmStore} on every change and loaded by {@link #restore()}, so an
 * app restart neither forgets a triggered alarm nor triggers it twice. The N consecutive periods of a metric rule
 * need no state: they are read again from the stored samples. A state is saved before its notification and the
 * "CLEARED owed" mark after it: a crash between the two repeats a notification rather than loses one.
 */
public final class AlarmEvaluator {
    private final AlarmStore store;
    private final JobStore jobs;
    private final EventStore events;
    private final SeriesReader series;
    private final AlarmNotifier notifier;
    private final Clock clock;
    /** How far back a restart reads the events the alarms have not seen yet (the app was off meanwhile). */
    static final Duration MAX_CATCH_UP = Duration.ofDays(1);

    private final Map<Key, Held> states = new ConcurrentHashMap<>();
    private volatile Instant eventsCheckedUntil;

    private record Key(long ruleId, JobId jobId) {
    }

    /** An alarm's state (see {@link AlarmState}) with its flap guard. */
    private record Held(boolean triggered, Long eventId, boolean owesClear, String message, FlapGuard flaps) {
        Held owing(boolean owes) {
            return new Held(triggered, eventId, owes, message, flaps);
        }

        /** The user was last told a state other than this one. */
        boolean unannounced() {
            return triggered != owesClear;
        }

        AlarmState toState(Key key) {
            return new AlarmState(key.ruleId(), key.jobId(), triggered, eventId, owesClear, message, flaps.changes());
        }
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

    /**
     * Loads the alarm states and the event position the app left in the store (call once at start, before the first
     * evaluation). Without a stored position the events are read from now on; a position older than
     * {@link #MAX_CATCH_UP} is moved up to that.
     */
    public synchronized void restore() {
        states.clear();
        for (AlarmState s : store.alarmStates()) {
            states.put(new Key(s.ruleId(), s.jobId()),
                    new Held(s.triggered(), s.eventId(), s.owesClear(), s.message(), new FlapGuard(s.changes())));
        }
        Instant now = clock.instant();
        Instant oldest = now.minus(MAX_CATCH_UP);
        eventsCheckedUntil = store.eventsCheckedUntil().map(at -> at.isBefore(oldest) ? oldest : at).orElse(now);
    }

    /** One round over every enabled rule. */
    public synchronized void evaluate() {
        Instant now = clock.instant();
        Instant until = now.plusMillis(1);
        List<Job> allJobs = jobs.list();
        List<JobEvent> fresh = new ArrayList<>(events.listBetween(null, eventsCheckedUntil, until, 5_000));
        java.util.Collections.reverse(fresh); // oldest first
        List<AlarmRule> enabled = store.rules().stream().filter(AlarmRule::enabled).toList();
        for (AlarmRule rule : enabled) {
            List<Job> scoped = inScope(rule, allJobs);
            if (rule.kind() == AlarmRule.Kind.METRIC) {
                evaluateMetric(rule, scoped, now);
            } else {
                evaluateEvents(rule, scoped, fresh, now);
            }
        }
        announceHeldBack(enabled, allJobs, now);
        eventsCheckedUntil = until; // only after the round: a crash within it reads these events again
        store.setEventsCheckedUntil(until);
    }

    /** Tells the state a silence or flapping held back, once the silence is over and the flapping has calmed down. */
    private void announceHeldBack(List<AlarmRule> enabled, List<Job> allJobs, Instant now) {
        Map<Long, AlarmRule> rules = new java.util.HashMap<>();
        enabled.forEach(r -> rules.put(r.id(), r));
        for (Map.Entry<Key, Held> entry : List.copyOf(states.entrySet())) {
            Held held = entry.getValue();
            AlarmRule rule = rules.get(entry.getKey().ruleId());
            if (rule == null || !held.unannounced() || rule.silencedAt(now) || held.flaps().flapping(now)) {
                continue;
            }
            Job job = allJobs.stream().filter(j -> j.id().equals(entry.getKey().jobId())).findFirst().orElse(null);
            announce(rule, job, entry.getKey(), held, now, "Held back until now (silence or flapping): ");
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
                // a stopped job reports no metrics: a triggered metric alarm would never clear by itself
                Key key = new Key(rule.id(), job.id());
                Held held = states.get(key);
                if (held != null && held.triggered() && job.status() != JobStatus.OPERATING) {
                    change(rule, job, false, null, "The job is no longer running (" + job.status().name().toLowerCase(
                            java.util.Locale.ROOT) + "): its metrics stopped", now, key);
                }
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
                if (!holdsOpen) { // triggers once: nothing to clear, no CLEARED owed
                    Held after = states.get(key);
                    put(key, new Held(false, null, false, after.message(), after.flaps()));
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
        boolean admitted = flaps.admit(at);
        Held held = new Held(triggered, eventId, before != null && before.owesClear(), message, flaps);
        put(key, held);
        if (rule.silencedAt(clock.instant())) {
            return;
        }
        if (!admitted) {
            if (flaps.justStartedFlapping()) {
                notifier.notify(rule, notification(rule, key.jobId(), AlarmNotification.State.TRIGGERED, at,
                        "Flapping: changed state more than " + FlapGuard.MAX_CHANGES + " times in "
                                + FlapGuard.WINDOW.toMinutes() + " min; further changes are held back. Last: " + message),
                        json(rule, job));
                put(key, held.owing(true));
            }
            return;
        }
        announce(rule, job, key, held, at, "");
    }

    /** Notifies the alarm's state unless the user was told it last (no CLEARED without a TRIGGERED, no repeats). */
    private void announce(AlarmRule rule, Job job, Key key, Held held, Instant at, String prefix) {
        if (!held.unannounced()) {
            return;
        }
        notifier.notify(rule, notification(rule, key.jobId(),
                held.triggered() ? AlarmNotification.State.TRIGGERED : AlarmNotification.State.CLEARED, at,
                prefix + held.message()), json(rule, job));
        put(key, held.owing(held.triggered()));
    }

    /** Keeps the state in memory and in the store. */
    private void put(Key key, Held held) {
        states.put(key, held);
        store.saveAlarmState(held.toState(key));
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
    public synchronized void forget(long ruleId) {
        states.keySet().removeIf(k -> k.ruleId() == ruleId && Objects.nonNull(k));
        store.deleteAlarmStates(ruleId);
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
