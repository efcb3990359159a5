package io.streamdesk.model.metrics;

/**
 * One point of a series at a granularity: the bucket's start (epoch ms) and the min, max, average and last value
 * of the raw samples in it, their count, and for counters the increase over the bucket (resets counted as a
 * restart from zero). A raw sample reads as a point with min = max = avg = last = value, count 1.
 */
public record MetricPoint(long timestamp, double min, double max, double avg, double last, int count,
                          double increase) {

    public static MetricPoint raw(long timestamp, double value) {
        return new MetricPoint(timestamp, value, value, value, value, 1, 0);
    }
}
