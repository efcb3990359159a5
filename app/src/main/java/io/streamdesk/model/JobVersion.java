package io.streamdesk.model;

import java.time.Instant;

/** An immutable published version (V1): the frozen SQL with its number, description and author. */
public record JobVersion(JobId jobId, int number, String sql, String description, String author, Instant createdAt) {
}
