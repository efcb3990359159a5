package io.streamdesk.model;

import java.time.Instant;

/** The app's own record of a savepoint, so it survives cluster restarts (C1). */
public record SavepointRecord(long id, JobId jobId, int runInstance, int version, String location,
                              SavepointSource source, SavepointStatus status, String description, Instant createdAt) {
}
