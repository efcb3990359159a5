package io.streamdesk.model;

import java.time.Instant;
import java.util.List;

/**
 * The evaluator's state of one alarm (a rule for a job, or for the workspace when {@code jobId} is null), kept in the
 * store so that a restart neither forgets a triggered alarm nor triggers it twice.
 *
 * @param triggered    whether the condition holds now
 * @param eventId      for an event alarm, the event whose recovery clears it; otherwise null
 * @param owesClear    a TRIGGERED was notified and no CLEARED since: the user is owed a CLEARED
 * @param message      what the last state change said (for a notification that was held back and is sent later)
 * @param changes      the state changes within the flap window, oldest first (flap suppression)
 */
public record AlarmState(long ruleId, JobId jobId, boolean triggered, Long eventId, boolean owesClear, String message,
                         List<Instant> changes) {

    public AlarmState {
        message = message == null ? "" : message;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
