package io.streamdesk.model.metrics;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rollup arithmetic (MO1), a pure function over raw samples so that it is easy to test and the store can recompute
 * a bucket whenever a late sample arrives: samples are sorted by time first, so arrival order never matters.
 * A bucket without samples gets no point (a gap stays a gap). For counters the increase over a bucket sums the
 * positive steps between consecutive samples, starting from the sample before the bucket when there is one; a drop
 * means the counter restarted from zero (the job or the process restarted), so the step is the new value itself.
 */
public final class Rollups {
    private Rollups() {
    }

    /**
     * @param timestamps  epoch ms of the samples, any order (duplicates: the later one in the array wins)
     * @param values      the values, same length
     * @param bucketMs    bucket width, e.g. 60,000
     * @param kind        how to read the values
     * @param previous    the value of the newest sample before the first bucket, or NaN when none is known
     * @return one point per non-empty bucket, oldest first
     */
    public static List<MetricPoint> rollup(long[] timestamps, double[] values, long bucketMs, MetricKind kind,
                                           double previous) {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
        if (bucketMs <= 0) {
            throw new IllegalArgumentException("bucket must be positive: " + bucketMs);
        }
        Integer[] order = sortedOrder(timestamps);
        List<MetricPoint> points = new ArrayList<>();
        int i = 0;
        double before = previous;
        while (i < order.length) {
            long bucket = Math.floorDiv(timestamps[order[i]], bucketMs) * bucketMs;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double last = Double.NaN;
            double increase = 0;
            int count = 0;
            while (i < order.length && Math.floorDiv(timestamps[order[i]], bucketMs) * bucketMs == bucket) {
                int k = order[i];
                // a duplicate timestamp replaces the earlier sample (a re-sent value)
                if (i + 1 < order.length && timestamps[order[i + 1]] == timestamps[k]) {
                    i++;
                    continue;
                }
                double v = values[k];
                i++;
                if (Double.isNaN(v)) {
                    continue;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                count++;
                if (kind == MetricKind.COUNTER && !Double.isNaN(before)) {
                    increase += v >= before ? v - before : v;
                }
                before = v;
                last = v;
            }
            if (count > 0) {
                points.add(new MetricPoint(bucket, min, max, sum / count, last, count,
                        kind == MetricKind.COUNTER ? increase : 0));
            }
        }
        return points;
    }

    /** Indices of the samples by time; equal times keep array order (stable sort). */
    private static Integer[] sortedOrder(long[] timestamps) {
        Integer[] order = new Integer[timestamps.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        boolean sorted = true;
        for (int i = 1; i < timestamps.length && sorted; i++) {
            sorted = timestamps[i] >= timestamps[i - 1];
        }
        if (!sorted) {
            Arrays.sort(order, (a, b) -> Long.compare(timestamps[a], timestamps[b]));
        }
        return order;
    }
}
