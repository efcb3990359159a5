package io.streamdesk.store;

import io.streamdesk.model.metrics.MetricPoint;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The packed form of a series' closed rollup buckets over one block of time (an hour of 1-minute buckets, a day of
 * 5-minute buckets): one row per series and block instead of one row per bucket, so a 7-day chart decodes 168 rows
 * per series, not 10,080. The bytes hold the non-empty buckets only (a gap stays a gap), oldest first:
 * {@code version:byte, n:short, n x (slot:short, min, max, avg, last:double, count:int, increase:double)}, slot being
 * the bucket's index within the block. The values are the ones the narrow rollup row held, bit for bit.
 */
final class RollupBlock {
    static final byte VERSION = 1;
    private static final int HEADER = 3;
    private static final int ENTRY = 2 + 5 * 8 + 4;

    private RollupBlock() {
    }

    /** Bytes of a block holding {@code points} (oldest first, all inside the block, at most one per bucket). */
    static byte[] encode(List<MetricPoint> points, long blockStart, long bucketMs) {
        ByteBuffer out = ByteBuffer.allocate(HEADER + points.size() * ENTRY);
        out.put(VERSION);
        out.putShort((short) points.size());
        for (MetricPoint p : points) {
            long slot = (p.timestamp() - blockStart) / bucketMs;
            if (p.timestamp() < blockStart || slot > Short.MAX_VALUE || (p.timestamp() - blockStart) % bucketMs != 0) {
                throw new IllegalArgumentException("point " + p.timestamp() + " is not a bucket of block " + blockStart);
            }
            out.putShort((short) slot);
            out.putDouble(p.min());
            out.putDouble(p.max());
            out.putDouble(p.avg());
            out.putDouble(p.last());
            out.putInt(p.count());
            out.putDouble(p.increase());
        }
        return out.array();
    }

    /** Number of points a block's bytes hold. */
    static int size(byte[] data) {
        checkVersion(data);
        return ByteBuffer.wrap(data).getShort(1);
    }

    /** Appends the points of a block with {@code from <= timestamp < to} to {@code out}, oldest first. */
    static void decode(byte[] data, long blockStart, long bucketMs, long from, long to, List<MetricPoint> out) {
        checkVersion(data);
        ByteBuffer in = ByteBuffer.wrap(data);
        int n = in.getShort(1);
        in.position(HEADER);
        for (int i = 0; i < n; i++) {
            long ts = blockStart + in.getShort() * bucketMs;
            if (ts < from || ts >= to) {
                in.position(in.position() + ENTRY - 2);
                continue;
            }
            out.add(new MetricPoint(ts, in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(), in.getInt(),
                    in.getDouble()));
        }
    }

    static List<MetricPoint> decodeAll(byte[] data, long blockStart, long bucketMs) {
        List<MetricPoint> out = new ArrayList<>();
        decode(data, blockStart, bucketMs, Long.MIN_VALUE, Long.MAX_VALUE, out);
        return out;
    }

    /**
     * Both lists oldest first; where both hold a bucket, {@code newer}'s point wins (a narrow row written after the
     * block was packed carries a late sample).
     */
    static List<MetricPoint> overlay(List<MetricPoint> older, List<MetricPoint> newer) {
        if (newer.isEmpty()) {
            return older;
        }
        if (older.isEmpty()) {
            return newer;
        }
        List<MetricPoint> out = new ArrayList<>(older.size() + newer.size());
        int i = 0;
        int j = 0;
        while (i < older.size() || j < newer.size()) {
            if (j == newer.size()) {
                out.add(older.get(i++));
            } else if (i == older.size()) {
                out.add(newer.get(j++));
            } else {
                long a = older.get(i).timestamp();
                long b = newer.get(j).timestamp();
                if (a < b) {
                    out.add(older.get(i++));
                } else {
                    if (a == b) {
                        i++;
                    }
                    out.add(newer.get(j++));
                }
            }
        }
        return out;
    }

    private static void checkVersion(byte[] data) {
        if (data.length < HEADER || data[0] != VERSION) {
            throw new IllegalStateException("unknown rollup block format (version " + (data.length == 0 ? -1 : data[0]) + ")");
        }
    }
}
