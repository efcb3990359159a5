package io.streamdesk.model;

import java.util.Locale;
import java.util.Optional;

/** Facts about event kinds: default severity, which recovery clears which problem, readable labels (EV1). */
public final class EventKinds {
    private EventKinds() {
    }

    public static Severity severity(EventKind kind) {
        return switch (kind) {
            case JOB_FAILED, CLUSTER_EXITED, CLUSTER_UNREACHABLE, CLUSTER_RESTARTS_EXHAUSTED, JOB_ENDED_WITH_CLUSTER, BACKPRESSURE_TOO_HIGH, TM_POD_ABNORMAL_EXIT,
                 JM_POD_ABNORMAL_EXIT, JM_FULL_GC_TOO_LONG, ALARM_TRIGGERED -> Severity.CRITICAL;
            case CHECKPOINT_FAILED, TM_FULL_GC_TOO_LONG, TM_CPU_TOO_HIGH, BACKPRESSURE_HIGH, JM_CPU_TOO_HIGH,
                 OPERATION_FAILED, CLUSTER_RESTARTING -> Severity.WARNING;
            default -> Severity.INFO;
        };
    }

    /** The problem kind a recovery kind clears, if it is one. */
    public static Optional<EventKind> clears(EventKind recovery) {
        return Optional.ofNullable(switch (recovery) {
            case JOB_RECOVERED -> EventKind.JOB_FAILED;
            case CHECKPOINT_RECOVERED -> EventKind.CHECKPOINT_FAILED;
            case CLUSTER_REACHABLE -> EventKind.CLUSTER_UNREACHABLE;
            case ALARM_CLEARED -> EventKind.ALARM_TRIGGERED;
            default -> null;
        });
    }

    /**
     * Whether a recovery of this kind also clears its open problem from earlier runs of the job: a completed
     * checkpoint of the next run clears the checkpoint failure of the run the user replaced to fix it. A job that
     * runs again after a failure is a new start, not a recovery, so job failures stay per run.
     */
    public static boolean clearsEarlierRuns(EventKind recovery) {
        return recovery == EventKind.CHECKPOINT_RECOVERED;
    }

    /** The recovery kind that clears a problem kind, if there is one. */
    public static Optional<EventKind> clearedBy(EventKind problem) {
        for (EventKind k : EventKind.values()) {
            if (clears(k).filter(problem::equals).isPresent()) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** EV3 exempts pod exits from the one-per-hour limit. */
    public static boolean deduplicated(EventKind kind) {
        return kind != EventKind.TM_POD_ABNORMAL_EXIT && kind != EventKind.JM_POD_ABNORMAL_EXIT;
    }

    /** "checkpoint failed" for CHECKPOINT_FAILED; TM and JM stay upper case. */
    public static String label(EventKind kind) {
        String s = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        s = s.replace("tm ", "TaskManager ").replace("jm ", "JobManager ").replace("gc", "GC").replace("cpu", "CPU");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
