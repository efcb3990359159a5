package io.streamdesk.store;

import io.streamdesk.model.metrics.MetricKind;
import io.streamdesk.model.metrics.MetricPoint;

import java.nio.ByteBuffer;

/**
 * What the store keeps in memory per series so that an in-order sample updates its rollups without reading raw
 * samples back: the newest sample's time and value, and the open 1-minute and 5-minute buckets (the buckets of the
 * newest sample). The arithmetic is {@link io.streamdesk.model.metrics.Rollups}' own, in the same order, so a bucket
 * built here equals, bit for bit, one recomputed from the raw samples. The store persists them with every append
 * ({@link #write}) so that they survive a restart without reading raw samples back. Not thread-safe (the store writes
 * under a lock).
 */
final class OpenBuckets {
    private final MetricKind kind;
    private long newest;
    private double before;
    private final Bucket one;
    private final Bucket five;

    private OpenBuckets(MetricKind kind, long newest, double before, Bucket one, Bucket five) {
        this.kind = kind;
        this.newest = newest;
        this.before = before;
        this.one = one;
        this.five = five;
    }

    /**
     * The open buckets of a series rebuilt from its raw samples, oldest first, which must reach the newest raw sample
     * and start at or before the start of its 5-minute bucket; {@code previous} is the value before the first sample
     * (NaN when none). Null when there is no sample.
     */
    static OpenBuckets rebuild(long[] ts, double[] values, double previous, MetricKind kind, long oneMs, long fiveMs) {
        int n = ts.length;
        if (n == 0) {
            return null;
        }
        long newest = ts[n - 1];
        OpenBuckets b = new OpenBuckets(kind, Long.MIN_VALUE, previous,
                new Bucket(Math.floorDiv(newest, oneMs) * oneMs, oneMs), new Bucket(Math.floorDiv(newest, fiveMs) * fiveMs, fiveMs));
        for (int i = 0; i < n; i++) {
            if (ts[i] >= b.five.start) {
                b.add(ts[i], values[i]);
            } else {
                b.before = values[i];
            }
        }
        return b;
    }

    /** True when a sample at {@code timestamp} is newer than every sample seen, so {@link #add} applies. */
    boolean takes(long timestamp) {
        return timestamp > newest;
    }

    /** Adds a sample newer than every one seen; moves the open buckets on when it falls in a later bucket. */
    void add(long timestamp, double value) {
        double increase = 0;
        if (kind == MetricKind.COUNTER && !Double.isNaN(before)) {
            increase = value >= before ? value - before : value;
        }
        one.add(timestamp, value, increase);
        five.add(timestamp, value, increase);
        before = value;
        newest = timestamp;
    }

    /** Time of the newest sample. */
    long newest() {
        return newest;
    }

    MetricPoint oneMinute() {
        return one.point(kind);
    }

    MetricPoint fiveMinutes() {
        return five.point(kind);
    }

    long oneMinuteStart() {
        return one.start;
    }

    long fiveMinuteStart() {
        return five.start;
    }

    /** Bytes written per series by {@link #write}. */
    static final int BYTES = 8 + 1 + 8 + 8 + 2 * Bucket.BYTES;

    /** Writes the state (with its series id) so that {@link #read} gives it back after a restart. */
    void write(long seriesId, ByteBuffer out) {
        out.putLong(seriesId);
        out.put((byte) kind.ordinal());
        out.putLong(newest);
        out.putDouble(before);
        one.write(out);
        five.write(out);
    }

    /** Reads one state written by {@link #write}; the series id is read first, by the caller. */
    static OpenBuckets read(ByteBuffer in, long oneMs, long fiveMs) {
        MetricKind kind = MetricKind.values()[in.get()];
        long newest = in.getLong();
        double before = in.getDouble();
        Bucket one = Bucket.read(in, oneMs);
        Bucket five = Bucket.read(in, fiveMs);
        return new OpenBuckets(kind, newest, before, one, five);
    }

    OpenBuckets copy() {
        return new OpenBuckets(kind, newest, before, one.copy(), five.copy());
    }

    /** One open bucket: Rollups' running min, max, sum, last, count and increase. */
    private static final class Bucket {
        private final long width;
        private long start;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;
        private double last = Double.NaN;
        private double increase;
        private int count;

        Bucket(long start, long width) {
            this.start = start;
            this.width = width;
        }

        void add(long timestamp, double value, double step) {
            long bucket = Math.floorDiv(timestamp, width) * width;
            if (bucket != start) {
                start = bucket;
                min = Double.POSITIVE_INFINITY;
                max = Double.NEGATIVE_INFINITY;
                sum = 0;
                last = Double.NaN;
                increase = 0;
                count = 0;
            }
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            count++;
            increase += step;
            last = value;
        }

        MetricPoint point(MetricKind kind) {
            return count == 0 ? null
                    : new MetricPoint(start, min, max, sum / count, last, count, kind == MetricKind.COUNTER ? increase : 0);
        }

        static final int BYTES = 8 * 6 + 4;

        void write(ByteBuffer out) {
            out.putLong(start);
            out.putDouble(min);
            out.putDouble(max);
            out.putDouble(sum);
            out.putDouble(last);
            out.putDouble(increase);
            out.putInt(count);
        }

        static Bucket read(ByteBuffer in, long width) {
            Bucket b = new Bucket(in.getLong(), width);
            b.min = in.getDouble();
            b.max = in.getDouble();
            b.sum = in.getDouble();
            b.last = in.getDouble();
            b.increase = in.getDouble();
            b.count = in.getInt();
            return b;
        }

        Bucket copy() {
            Bucket b = new Bucket(start, width);
            b.min = min;
            b.max = max;
            b.sum = sum;
            b.last = last;
            b.increase = increase;
            b.count = count;
            return b;
        }
    }
}
