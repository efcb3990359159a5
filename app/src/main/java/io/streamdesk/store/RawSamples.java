package io.streamdesk.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raw samples on one connection. New samples go to {@code metric_journal}, one row per append holding all its
 * samples as (series id, time, value) entries, so that a tick of many series writes one row instead of one row and
 * one index entry per sample (H2's cost per row, and per index page a commit touched, is what a tick costs). {@link #flush} moves the older journal rows into one row
 * per series and hour ({@link RawBlock}, cheap to read a series from) every few minutes. {@code metric_sample} holds
 * the samples written before schema V7. Reads see all three; where several hold a time, the journal's value is the
 * newest, then the block's.
 */
final class RawSamples implements AutoCloseable {

    private static final int ENTRY = 24;
    private static final int MAX_ENTRIES = 20_000;

    private final Connection c;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private ByteBuffer pending;
    private long minTs = Long.MAX_VALUE;
    private long maxTs = Long.MIN_VALUE;

    RawSamples(Connection c) {
        this.c = c;
    }

    private PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Queues a sample for the journal; a later sample of the same series and time replaces it. */
    void add(long seriesId, long timestamp, double value) throws SQLException {
        if (pending == null) {
            pending = ByteBuffer.allocate(MAX_ENTRIES * ENTRY);
        }
        pending.putLong(seriesId);
        pending.putLong(timestamp);
        pending.putDouble(value);
        minTs = Math.min(minTs, timestamp);
        maxTs = Math.max(maxTs, timestamp);
        if (!pending.hasRemaining()) {
            flushBatch();
        }
    }

    /** Writes the queued samples as one journal row. */
    void flushBatch() throws SQLException {
        if (pending == null || pending.position() == 0) {
            return;
        }
        PreparedStatement ps = ps("INSERT INTO metric_journal (min_ts, max_ts, points, data) VALUES (?, ?, ?, ?)");
        ps.setLong(1, minTs);
        ps.setLong(2, maxTs);
        ps.setInt(3, pending.position() / ENTRY);
        ps.setBytes(4, Arrays.copyOf(pending.array(), pending.position()));
        ps.executeUpdate();
        pending.clear();
        minTs = Long.MAX_VALUE;
        maxTs = Long.MIN_VALUE;
    }

    /** Journal samples of a series with {@code from <= ts < to} (later rows win), oldest first. */
    private Series journal(long seriesId, long from, long to) throws SQLException {
        PreparedStatement ps = ps("SELECT data FROM metric_journal WHERE max_ts >= ? AND min_ts < ? ORDER BY seq");
        ps.setLong(1, from);
        ps.setLong(2, to);
        TreeMap<Long, Double> found = new TreeMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ByteBuffer in = ByteBuffer.wrap(rs.getBytes(1));
                while (in.hasRemaining()) {
                    long id = in.getLong();
                    long ts = in.getLong();
                    double v = in.getDouble();
                    if (id == seriesId && ts >= from && ts < to) {
                        found.put(ts, v);
                    }
                }
            }
        }
        Series out = new Series();
        found.forEach(out::add);
        return out;
    }

    /** Samples of a series with {@code from <= ts < to}, oldest first. */
    Series range(long seriesId, long from, long to) throws SQLException {
        flushBatch();
        Series legacy = read(ps("SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts"),
                seriesId, from, to);
        Series packed = blocks(seriesId, RawBlock.blockStart(from), to, from, to);
        return Series.overlay(Series.overlay(legacy, packed), journal(seriesId, from, to));
    }

    private Series blocks(long seriesId, long firstBlock, long blocksBefore, long from, long to) throws SQLException {
        PreparedStatement ps = ps("SELECT block_ts, data FROM metric_raw_block WHERE series_id = ? AND block_ts >= ? "
                + "AND block_ts < ? ORDER BY block_ts");
        ps.setLong(1, seriesId);
        ps.setLong(2, firstBlock);
        ps.setLong(3, blocksBefore);
        Series out = new Series();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                RawBlock.decode(rs.getBytes(2), rs.getLong(1), from, to, out);
            }
        }
        return out;
    }

    /** The newest sample of a series with {@code ts < before} as (time, raw bits of the value), or null. */
    long[] newestBefore(long seriesId, long before) throws SQLException {
        flushBatch();
        Series recent = journal(seriesId, Long.MIN_VALUE, before);
        Series legacy = read(ps("SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts < ? ORDER BY ts DESC LIMIT 1"),
                seriesId, before);
        Series packed = new Series();
        PreparedStatement ps = ps("SELECT block_ts, data FROM metric_raw_block WHERE series_id = ? AND block_ts < ? "
                + "ORDER BY block_ts DESC LIMIT 2");
        ps.setLong(1, seriesId);
        ps.setLong(2, before);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next() && packed.size() == 0) { // the newest block may hold only samples at or after before
                RawBlock.decode(rs.getBytes(2), rs.getLong(1), Long.MIN_VALUE, before, packed);
            }
        }
        long[] best = null;
        for (Series s : new Series[]{legacy, packed, recent}) {
            if (s.size() > 0) {
                int last = s.size() - 1;
                if (best == null || s.time(last) >= best[0]) {
                    best = new long[]{s.time(last), Double.doubleToRawLongBits(s.value(last))};
                }
            }
        }
        return best;
    }

    /**
     * Moves the journal rows whose samples are all older than {@code before} into the raw blocks of their series;
     * returns how many samples.
     */
    int flush(long before) throws SQLException {
        flushBatch();
        Map<Long, TreeMap<Long, Double>> bySeries = new HashMap<>();
        List<Long> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, data FROM metric_journal WHERE max_ts < ? ORDER BY seq")) {
            ps.setLong(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                    ByteBuffer in = ByteBuffer.wrap(rs.getBytes(2));
                    while (in.hasRemaining()) {
                        long id = in.getLong();
                        long ts = in.getLong();
                        bySeries.computeIfAbsent(id, k -> new TreeMap<>()).put(ts, in.getDouble());
                    }
                }
            }
        }
        int moved = 0;
        for (Map.Entry<Long, TreeMap<Long, Double>> e : bySeries.entrySet()) {
            Series s = new Series();
            e.getValue().forEach(s::add);
            int i = 0;
            while (i < s.size()) {
                long block = RawBlock.blockStart(s.time(i));
                Series part = new Series();
                while (i < s.size() && RawBlock.blockStart(s.time(i)) == block) {
                    part.add(s.time(i), s.value(i));
                    i++;
                }
                Series existing = blocks(e.getKey(), block, block + 1, Long.MIN_VALUE, Long.MAX_VALUE);
                writeBlock(e.getKey(), block, Series.overlay(existing, part));
                moved += part.size();
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM metric_journal WHERE seq = ?")) {
            for (long seq : rows) {
                delete.setLong(1, seq);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        return moved;
    }

    /** Deletes the journal rows whose samples are all older than {@code cutoff}; returns how many samples. */
    long expireJournal(long cutoff) throws SQLException {
        flushBatch();
        long deleted;
        try (PreparedStatement count = c.prepareStatement("SELECT COALESCE(SUM(points), 0) FROM metric_journal WHERE max_ts < ?");
             PreparedStatement del = c.prepareStatement("DELETE FROM metric_journal WHERE max_ts < ?")) {
            count.setLong(1, cutoff);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                deleted = rs.getLong(1);
            }
            del.setLong(1, cutoff);
            del.executeUpdate();
        }
        return deleted;
    }

    private void writeBlock(long seriesId, long block, Series samples) throws SQLException {
        if (samples.size() == 0) {
            PreparedStatement del = ps("DELETE FROM metric_raw_block WHERE series_id = ? AND block_ts = ?");
            del.setLong(1, seriesId);
            del.setLong(2, block);
            del.executeUpdate();
            return;
        }
        PreparedStatement ps = ps("MERGE INTO metric_raw_block (series_id, block_ts, points, data) KEY (series_id, block_ts) "
                + "VALUES (?, ?, ?, ?)");
        ps.setLong(1, seriesId);
        ps.setLong(2, block);
        ps.setInt(3, samples.size());
        ps.setBytes(4, RawBlock.encode(samples, block));
        ps.executeUpdate();
    }

    /** Deletes the packed samples older than {@code cutoff}; returns how many. */
    long expire(long cutoff) throws SQLException {
        long deleted = 0;
        long wholeBefore = cutoff - RawBlock.SPAN;
        try (PreparedStatement count = c.prepareStatement(
                "SELECT COALESCE(SUM(points), 0) FROM metric_raw_block WHERE block_ts <= ?");
             PreparedStatement del = c.prepareStatement("DELETE FROM metric_raw_block WHERE block_ts <= ?")) {
            count.setLong(1, wholeBefore);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                deleted += rs.getLong(1);
            }
            del.setLong(1, wholeBefore);
            del.executeUpdate();
        }
        Map<long[], byte[]> across = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT series_id, block_ts, data FROM metric_raw_block WHERE block_ts > ? AND block_ts < ?")) {
            ps.setLong(1, wholeBefore);
            ps.setLong(2, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    across.put(new long[]{rs.getLong(1), rs.getLong(2)}, rs.getBytes(3));
                }
            }
        }
        for (Map.Entry<long[], byte[]> e : across.entrySet()) {
            long block = e.getKey()[1];
            Series all = new Series();
            RawBlock.decode(e.getValue(), block, Long.MIN_VALUE, Long.MAX_VALUE, all);
            Series kept = new Series();
            RawBlock.decode(e.getValue(), block, cutoff, Long.MAX_VALUE, kept);
            if (kept.size() < all.size()) {
                writeBlock(e.getKey()[0], block, kept);
                deleted += all.size() - kept.size();
            }
        }
        return deleted;
    }

    private static Series read(PreparedStatement ps, long... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setLong(i + 1, params[i]);
        }
        Series out = new Series();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1), rs.getDouble(2));
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
    }

    /** Times and values, oldest first. */
    static final class Series {
        private long[] ts = new long[16];
        private double[] values = new double[16];
        private int n;

        void add(long t, double v) {
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            ts[n] = t;
            values[n++] = v;
        }

        int size() {
            return n;
        }

        long[] times() {
            return Arrays.copyOf(ts, n);
        }

        double[] values() {
            return Arrays.copyOf(values, n);
        }

        long time(int i) {
            return ts[i];
        }

        double value(int i) {
            return values[i];
        }

        /** Both oldest first; {@code newer} wins on an equal time. */
        static Series overlay(Series older, Series newer) {
            if (newer.n == 0) {
                return older;
            }
            if (older.n == 0) {
                return newer;
            }
            Series out = new Series();
            int i = 0;
            int j = 0;
            while (i < older.n || j < newer.n) {
                if (j == newer.n || (i < older.n && older.ts[i] < newer.ts[j])) {
                    out.add(older.ts[i], older.values[i]);
                    i++;
                } else {
                    if (i < older.n && older.ts[i] == newer.ts[j]) {
                        i++;
                    }
                    out.add(newer.ts[j], newer.values[j]);
                    j++;
                }
            }
            return out;
        }
    }
}
