package io.streamdesk.model.metrics;

/**
 * How a metric's values behave. A GAUGE is read as is; a COUNTER only grows during a run and falls back to zero
 * when the job or the process restarts, so its rollups also carry the increase over the bucket (a drop counts as
 * a reset, not as a negative increase).
 */
public enum MetricKind {
    GAUGE, COUNTER
}
