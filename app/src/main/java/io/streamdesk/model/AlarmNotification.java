package io.streamdesk.model;

import java.time.Instant;

/** One state change of an alarm (triggered or cleared) for a job: a line of the in-app notification list. */
public record AlarmNotification(long id, long ruleId, String ruleName, JobId jobId, State state, Instant at,
                                String message, Instant acknowledgedAt) {

    public enum State { TRIGGERED, CLEARED }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
