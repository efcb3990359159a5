package io.streamdesk.model;

import java.time.Instant;

/**
 * The saved, editable SQL of a job and its configuration (P1-P6). {@code revision} grows by one on each save.
 */
public record Draft(JobId jobId, String sql, long revision, Instant savedAt, JobConfig config) {

    public Draft {
        config = config == null ? JobConfig.defaults() : config;
    }

    /** A draft with the default configuration of a new draft (P3). */
    public Draft(JobId jobId, String sql, long revision, Instant savedAt) {
        this(jobId, sql, revision, savedAt, JobConfig.defaults());
    }
}
