package io.streamdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Raw samples on one connection. New samples go to {@code metric_journal}, keyed by time first, so that a tick of
 * many series writes a few adjacent index pages instead of one page per series (H2 rewrites every page a commit
 * touched: that, not the row count, is what a tick costs). {@link #flush} moves the older journal rows to
 * {@code metric_sample} (keyed by series, cheap to read a series from) in one sorted batch every few minutes.
 * Reads see both; where both hold a time, the journal's value is the newer.
 */
final class RawSamples implements AutoCloseable {
    private static final String JOURNAL_MERGE = "MERGE INTO metric_journal (ts, series_id, val) KEY (ts, series_id) VALUES (?, ?, ?)";

    private final Connection c;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private int pending;

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

    /** Queues a sample for the journal (a repeated time replaces the value). */
    void add(long seriesId, long timestamp, double value) throws SQLException {
        PreparedStatement ps = ps(JOURNAL_MERGE);
        ps.setLong(1, timestamp);
        ps.setLong(2, seriesId);
        ps.setDouble(3, value);
        ps.addBatch();
        if (++pending == 1000) {
            flushBatch();
        }
    }

    void flushBatch() throws SQLException {
        if (pending > 0) {
            ps(JOURNAL_MERGE).executeBatch();
            pending = 0;
        }
    }

    /** Samples of a series with {@code from <= ts < to}, oldest first. */
    Series range(long seriesId, long from, long to) throws SQLException {
        flushBatch();
        Series kept = read(ps("SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts"),
                seriesId, from, to);
        Series recent = read(ps("SELECT ts, val FROM metric_journal WHERE ts >= ? AND ts < ? AND series_id = ? ORDER BY ts"),
                from, to, seriesId);
        return Series.overlay(kept, recent);
    }

    /** The newest sample of a series with {@code ts < before}, or null. */
    long[] newestBefore(long seriesId, long before) throws SQLException {
        flushBatch();
        Series kept = read(ps("SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts < ? ORDER BY ts DESC LIMIT 1"),
                seriesId, before);
        Series recent = read(ps("SELECT ts, val FROM metric_journal WHERE ts < ? AND series_id = ? ORDER BY ts DESC LIMIT 1"),
                before, seriesId);
        Series newest = recent.size() > 0 && (kept.size() == 0 || recent.ts[0] >= kept.ts[0]) ? recent : kept;
        return newest.size() == 0 ? null : new long[]{newest.ts[0], Double.doubleToRawLongBits(newest.values[0])};
    }

    /** Moves the journal rows older than {@code before} to {@code metric_sample}; returns how many. */
    int flush(long before) throws SQLException {
        flushBatch();
        try (PreparedStatement move = c.prepareStatement("MERGE INTO metric_sample (series_id, ts, val) KEY (series_id, ts) "
                + "SELECT series_id, ts, val FROM metric_journal WHERE ts < ? ORDER BY series_id, ts");
             PreparedStatement delete = c.prepareStatement("DELETE FROM metric_journal WHERE ts < ?")) {
            move.setLong(1, before);
            int moved = move.executeUpdate();
            delete.setLong(1, before);
            delete.executeUpdate();
            return moved;
        }
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
