package io.streamdesk.model.metrics;

import java.util.Objects;

/** One raw value of a series at {@code timestamp} (epoch milliseconds). */
public record MetricSample(SeriesKey key, long timestamp, double value) {
    public MetricSample {
        Objects.requireNonNull(key, "key");
    }
}
