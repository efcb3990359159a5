package io.streamdesk.model.cluster;

import io.streamdesk.model.EventKind;

import java.time.Instant;
import java.util.Objects;

/**
 * A container of a Flink pod that terminated (EV4), as the pod's status reports it, and what its exit code means.
 * Exit code 143 (SIGTERM: Kubernetes stopped the pod on purpose, e.g. a scale-in or an upgrade) is normal; every
 * other code is an abnormal exit the timeline records with its meaning.
 *
 * @param pod           the pod's name
 * @param container     the container's name (flink-main-container for the operator's pods)
 * @param role          the pod's Flink role, from its {@code component} label
 * @param exitCode      the exit code; {@link #NO_EXIT_CODE} when the platform gave none
 * @param reason        Kubernetes' reason (OOMKilled, Error, ...), or null
 * @param restartCount  the container's restart count when it was seen
 * @param finishedAt    when the container terminated as the pod says, or null when it does not say
 */
public record PodExit(String pod, String container, Role role, int exitCode, String reason, int restartCount,
                      Instant finishedAt) {

    /** The exit code reported when the container ended without one (the node or runtime failed). */
    public static final int NO_EXIT_CODE = -1;
    /** SIGTERM: Kubernetes asked the container to stop. */
    public static final int NORMAL_EXIT_CODE = 143;

    /** A Flink pod's role, from the operator's {@code component} label. */
    public enum Role {
        JOB_MANAGER("JobManager", EventKind.JM_POD_ABNORMAL_EXIT),
        TASK_MANAGER("TaskManager", EventKind.TM_POD_ABNORMAL_EXIT);

        private final String label;
        private final EventKind eventKind;

        Role(String label, EventKind eventKind) {
            this.label = label;
            this.eventKind = eventKind;
        }

        public String label() {
            return label;
        }

        public EventKind eventKind() {
            return eventKind;
        }

        /** The role for the operator's {@code component} label value, null for pods that are neither. */
        public static Role fromComponentLabel(String component) {
            if ("jobmanager".equals(component)) {
                return JOB_MANAGER;
            }
            if ("taskmanager".equals(component)) {
                return TASK_MANAGER;
            }
            return null;
        }
    }

    public PodExit {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(role, "role");
    }

    /** Whether this exit is one the timeline records (any code other than 143). */
    public boolean abnormal() {
        return isAbnormal(exitCode);
    }

    public static boolean isAbnormal(int exitCode) {
        return exitCode != NORMAL_EXIT_CODE;
    }

    /** What an exit code of a Flink container means and what to do about it (EV4), one sentence. */
    public static String meaning(int exitCode) {
        return switch (exitCode) {
            case NORMAL_EXIT_CODE -> "Normal stop (SIGTERM): Kubernetes stopped the container on purpose.";
            case 137 -> "Out of memory: the container was killed for exceeding its memory. Raise the TaskManager"
                    + " spec (memory) or the job's parallelism.";
            case NO_EXIT_CODE -> "No exit code: the container ended without one, a problem of the platform (node,"
                    + " container runtime), not of Flink.";
            case 0 -> "Start failure: the pod could not start, e.g. no address left in the subnet.";
            case 1 -> "Flink failed to initialize: look for \"Could not start cluster entrypoint\" in the log.";
            case 2 -> "Fatal error at JobManager start: look for \"Fatal error occurred in the cluster entrypoint\""
                    + " in the log.";
            case 239 -> "An uncaught fatal error in a Flink thread: look for \"produced an uncaught exception."
                    + " Stopping the process\" in the log.";
            default -> "Unknown exit code " + exitCode + ": look at the container's log for the cause.";
        };
    }

    public EventKind eventKind() {
        return role.eventKind();
    }

    /** The event's text: which pod, the code, Kubernetes' reason and the meaning. */
    public String message() {
        return role.label() + " pod " + pod + " (container " + container + ") exited with code " + exitCode
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + (restartCount > 0 ? ", restart " + restartCount : "") + ". " + meaning(exitCode);
    }

    /** The notice the cluster connection passes on; {@code seenAt} stands in when the pod gave no finish time. */
    public ClusterNotice notice(Instant seenAt) {
        return new ClusterNotice(eventKind(), message(), finishedAt != null ? finishedAt : seenAt);
    }
}
