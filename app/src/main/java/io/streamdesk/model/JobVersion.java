package io.streamdesk.model;

import java.time.Instant;
import java.util.Map;

/**
 * An immutable published version (V1): the frozen SQL and configuration (parameters, resources, runtime mode, log
 * level) with its number, description and author.
 */
public record JobVersion(JobId jobId, int number, String sql, String description, String author, Instant createdAt,
                         JobConfig config) {

    public JobVersion {
        config = config == null ? JobConfig.defaults() : config;
    }

    /** A version with the default configuration. */
    public JobVersion(JobId jobId, int number, String sql, String description, String author, Instant createdAt) {
        this(jobId, number, sql, description, author, createdAt, JobConfig.defaults());
    }

    /**
     * The frozen configuration as ordered key/value entries (see {@link JobConfig#entries()}): what a configuration
     * comparison of two versions (V3) lines up key by key.
     */
    public Map<String, String> configurationEntries() {
        return config.entries();
    }
}
