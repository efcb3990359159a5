package io.streamdesk.model.cluster;

import io.streamdesk.model.EventKind;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a cluster adapter saw that the event timeline records (EV1, EV4), e.g. a TaskManager pod that exited
 * with code 137. The cluster registry turns it into an event of the cluster.
 *
 * @param kind       the event kind (TM_POD_ABNORMAL_EXIT, JM_POD_ABNORMAL_EXIT, ...)
 * @param message    what happened and what it means, for the user
 * @param occurredAt when it happened, as the source says
 */
public record ClusterNotice(EventKind kind, String message, Instant occurredAt) {
    public ClusterNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
