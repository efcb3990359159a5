package io.streamdesk.model.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * What one source of truth last said about a cluster or a job (ARCHITECTURE key decision 3): on Kubernetes the
 * operator's FlinkDeployment status for lifecycle, Flink's REST API for the JobManager and job details. The pages
 * show every source's value and when it was seen, and mark sources that disagree.
 *
 * @param source what said it, e.g. "Operator" or "Flink REST"
 * @param value  what it said, e.g. "STABLE / READY" or "RUNNING"
 * @param seenAt when it said it; null when it never answered
 * @param detail an error or explanation the source gave, or null
 * @param healthy whether this value means "running and well" for its source (used to find disagreement)
 */
public record SourceReading(String source, String value, Instant seenAt, String detail, boolean healthy) {
    public SourceReading {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
    }
}
