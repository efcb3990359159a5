package io.streamdesk.model;

import java.time.Instant;

/** The saved, editable SQL of a job. {@code revision} grows by one on each save. */
public record Draft(JobId jobId, String sql, long revision, Instant savedAt) {
}
