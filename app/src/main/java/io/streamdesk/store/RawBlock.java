package io.streamdesk.store;

import java.nio.ByteBuffer;

/**
 * The packed form of one series' raw samples over an hour: {@code version:byte, n:int, n x (offset:int ms from the
 * block start, value:double)}, oldest first, one sample per time.
 */
final class RawBlock {
    static final long SPAN = 3_600_000L;
    private static final byte VERSION = 1;
    private static final int HEADER = 5;
    private static final int ENTRY = 12;

    private RawBlock() {
    }

    static long blockStart(long timestamp) {
        return Math.floorDiv(timestamp, SPAN) * SPAN;
    }

    static byte[] encode(RawSamples.Series samples, long blockStart) {
        ByteBuffer out = ByteBuffer.allocate(HEADER + samples.size() * ENTRY);
        out.put(VERSION);
        out.putInt(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            long offset = samples.time(i) - blockStart;
            if (offset < 0 || offset >= SPAN) {
                throw new IllegalArgumentException("sample " + samples.time(i) + " is not in block " + blockStart);
            }
            out.putInt((int) offset);
            out.putDouble(samples.value(i));
        }
        return out.array();
    }

    /** Adds the samples with {@code from <= ts < to} to {@code out}, oldest first. */
    static void decode(byte[] data, long blockStart, long from, long to, RawSamples.Series out) {
        if (data.length < HEADER || data[0] != VERSION) {
            throw new IllegalStateException("unknown raw block format (version " + (data.length == 0 ? -1 : data[0]) + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        int n = in.getInt(1);
        in.position(HEADER);
        for (int i = 0; i < n; i++) {
            long ts = blockStart + in.getInt();
            double v = in.getDouble();
            if (ts >= from && ts < to) {
                out.add(ts, v);
            }
        }
    }
}
