package io.streamdesk.service.port;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.AlarmState;
import io.streamdesk.model.JobId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Alarm rules, notifications, the delivery log and job tags (AL1-AL3). Commits before returning. */
public interface AlarmStore {

    List<AlarmRule> rules();

    /** Inserts (id 0) or updates a rule; answers it with its id. */
    AlarmRule saveRule(AlarmRule rule);

    void deleteRule(long id);

    AlarmNotification addNotification(AlarmNotification notification);

    /** Newest first. */
    List<AlarmNotification> notifications(int limit);

    void acknowledge(long notificationId, Instant at);

    /** One external message sent (or given up on). */
    void addDelivery(Instant at, String channel, String target, String outcome, int attempts, String detail);

    /** External messages started (outcome QUEUED) since {@code since}: the 24 h budget counts these. */
    int deliveriesSince(Instant since);

    Set<String> tags(JobId jobId);

    void setTags(JobId jobId, Set<String> tags);

    List<JobId> jobsWithTag(String tag);

    /** The evaluator's alarm states, so that a restart continues where the app stopped. */
    List<AlarmState> alarmStates();

    /** Inserts or replaces the state of the alarm {@code ruleId} + {@code jobId}. */
    void saveAlarmState(AlarmState state);

    /** Forgets the states of a rule (it was deleted). */
    void deleteAlarmStates(long ruleId);

    /** Up to when (exclusive) event alarms have looked at events; empty before the first evaluation. */
    Optional<Instant> eventsCheckedUntil();

    void setEventsCheckedUntil(Instant at);
}
