package io.streamdesk.model;

import java.time.Instant;

/** Something that happened to a job or a cluster. {@code jobId} is null for cluster events. */
public record JobEvent(long id, JobId jobId, int runInstance, EventKind kind, Instant at, String message) {
}
