package io.streamdesk.testing;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.AlarmState;
import io.streamdesk.model.JobId;
import io.streamdesk.service.port.AlarmStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** AlarmStore in memory; public lists so tests can look at deliveries. */
public final class InMemoryAlarmStore implements AlarmStore {
    public record Delivery(Instant at, String channel, String target, String outcome, int attempts, String detail) {
    }

    private final Map<Long, AlarmRule> rules = new java.util.TreeMap<>();
    private final List<AlarmNotification> notifications = new ArrayList<>();
    public final List<Delivery> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<JobId, Set<String>> tags = new HashMap<>();
    private long nextId = 1;
    private final Map<String, AlarmState> states = new java.util.TreeMap<>();
    private Instant eventsCheckedUntil;

    @Override
    public synchronized List<AlarmRule> rules() {
        return List.copyOf(rules.values());
    }

    @Override
    public synchronized AlarmRule saveRule(AlarmRule rule) {
        AlarmRule saved = rule.id() == 0 ? rule.withId(nextId++) : rule;
        rules.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized void deleteRule(long id) {
        rules.remove(id);
        deleteAlarmStates(id);
    }

    @Override
    public synchronized List<AlarmState> alarmStates() {
        return List.copyOf(states.values());
    }

    @Override
    public synchronized void saveAlarmState(AlarmState state) {
        states.put(state.ruleId() + "/" + (state.jobId() == null ? "" : state.jobId().value()), state);
    }

    @Override
    public synchronized void deleteAlarmStates(long ruleId) {
        states.values().removeIf(s -> s.ruleId() == ruleId);
    }

    @Override
    public synchronized Optional<Instant> eventsCheckedUntil() {
        return Optional.ofNullable(eventsCheckedUntil);
    }

    @Override
    public synchronized void setEventsCheckedUntil(Instant at) {
        eventsCheckedUntil = at;
    }

    @Override
    public synchronized AlarmNotification addNotification(AlarmNotification n) {
        AlarmNotification stored = new AlarmNotification(notifications.size() + 1, n.ruleId(), n.ruleName(), n.jobId(),
                n.state(), n.at(), n.message(), n.acknowledgedAt());
        notifications.add(stored);
        return stored;
    }

    @Override
    public synchronized List<AlarmNotification> notifications(int limit) {
        return notifications.stream().sorted(Comparator.comparing(AlarmNotification::at)
                .thenComparing(AlarmNotification::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized void acknowledge(long id, Instant at) {
        notifications.replaceAll(n -> n.id() == id && n.acknowledgedAt() == null
                ? new AlarmNotification(n.id(), n.ruleId(), n.ruleName(), n.jobId(), n.state(), n.at(), n.message(), at) : n);
    }

    @Override
    public void addDelivery(Instant at, String channel, String target, String outcome, int attempts, String detail) {
        deliveries.add(new Delivery(at, channel, target, outcome, attempts, detail));
    }

    @Override
    public int deliveriesSince(Instant since) {
        return (int) deliveries.stream().filter(d -> d.outcome().equals("QUEUED") && !d.at().isBefore(since)).count();
    }

    @Override
    public synchronized Set<String> tags(JobId jobId) {
        return new TreeSet<>(tags.getOrDefault(jobId, Set.of()));
    }

    @Override
    public synchronized void setTags(JobId jobId, Set<String> newTags) {
        tags.put(jobId, new TreeSet<>(newTags));
    }

    @Override
    public synchronized List<JobId> jobsWithTag(String tag) {
        return tags.entrySet().stream().filter(e -> e.getValue().contains(tag)).map(Map.Entry::getKey).sorted(
                Comparator.comparing(JobId::value)).toList();
    }
}
