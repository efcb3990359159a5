package io.streamdesk.store;

import io.streamdesk.model.metrics.MetricPoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JDBC over the rollup tables of one connection: narrow rows (open blocks, late buckets) and packed blocks
 * ({@link RollupBlock}). A bucket found in both is read from the narrow row, which is always the newer; packing a
 * block folds its narrow rows into the packed row and deletes them, in the caller's transaction. Statements are
 * prepared once per instance; narrow upserts are batched until {@link #flush}.
 */
final class RollupTables implements AutoCloseable {
    private final Connection c;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<RollupLevel, Integer> merges = new HashMap<>();
    private final Map<RollupLevel, Integer> inserts = new HashMap<>();

    RollupTables(Connection c) {
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

    // ---------------------------------------------------------------- narrow rows

    /** Queues an upsert of one bucket's narrow row (MERGE: for buckets that may or may not have a row). */
    void upsertNarrow(RollupLevel level, long seriesId, MetricPoint p) throws SQLException {
        bind(ps(level.mergeNarrow()), seriesId, p).addBatch();
        merges.merge(level, 1, Integer::sum);
    }

    /** Queues the row of a bucket that has none yet (its first sample). */
    void insertNarrow(RollupLevel level, long seriesId, MetricPoint p) throws SQLException {
        bind(ps(level.insertNarrow()), seriesId, p).addBatch();
        inserts.merge(level, 1, Integer::sum);
    }

    private static PreparedStatement bind(PreparedStatement ps, long seriesId, MetricPoint p) throws SQLException {
        ps.setLong(1, seriesId);
        ps.setLong(2, p.timestamp());
        ps.setDouble(3, p.min());
        ps.setDouble(4, p.max());
        ps.setDouble(5, p.avg());
        ps.setDouble(6, p.last());
        ps.setInt(7, p.count());
        ps.setDouble(8, p.increase());
        return ps;
    }

    /** Deletes the narrow row of one bucket, if there is one. */
    void deleteNarrow(RollupLevel level, long seriesId, long bucket) throws SQLException {
        flush();
        PreparedStatement del = ps(level.deleteNarrow());
        del.setLong(1, bucket);
        del.setLong(2, bucket + 1);
        del.setLong(3, seriesId);
        del.executeUpdate();
    }

    /** Writes the queued narrow rows. */
    void flush() throws SQLException {
        for (RollupLevel level : RollupLevel.values()) {
            if (merges.getOrDefault(level, 0) > 0) {
                ps(level.mergeNarrow()).executeBatch();
                merges.put(level, 0);
            }
            if (inserts.getOrDefault(level, 0) > 0) {
                ps(level.insertNarrow()).executeBatch();
                inserts.put(level, 0);
            }
        }
    }

    /** Narrow rows of several series with {@code from <= ts < to}, oldest first, in one statement. */
    Map<Long, List<MetricPoint>> narrow(RollupLevel level, Collection<Long> seriesIds, long from, long to) throws SQLException {
        flush();
        PreparedStatement ps = ps(level.selectNarrow());
        ps.setLong(1, from);
        ps.setLong(2, to);
        ps.setObject(3, seriesIds.toArray(new Long[0]));
        Map<Long, List<MetricPoint>> out = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(point(rs));
            }
        }
        return out;
    }

    private static MetricPoint point(ResultSet rs) throws SQLException {
        return new MetricPoint(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                rs.getInt(7), rs.getDouble(8));
    }

    // ---------------------------------------------------------------- blocks

    /** Points of the packed blocks with {@code from <= timestamp < to}, oldest first. */
    List<MetricPoint> packed(RollupLevel level, long seriesId, long from, long to) throws SQLException {
        PreparedStatement ps = ps(level.selectBlocks());
        ps.setLong(1, seriesId);
        ps.setLong(2, level.blockStart(from));
        ps.setLong(3, to);
        List<MetricPoint> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                RollupBlock.decode(rs.getBytes(2), rs.getLong(1), level.bucketMs, from, to, out);
            }
        }
        return out;
    }

    /**
     * Every point of each series at a level with {@code from <= timestamp < to}. The narrow rows are read first, so
     * that a pack committing in between cannot hide a bucket (it moves buckets from narrow rows to blocks only).
     */
    Map<Long, List<MetricPoint>> points(RollupLevel level, Collection<Long> seriesIds, long from, long to) throws SQLException {
        Map<Long, List<MetricPoint>> narrow = narrow(level, seriesIds, from, to);
        Map<Long, List<MetricPoint>> out = new HashMap<>();
        for (long id : seriesIds) {
            out.put(id, RollupBlock.overlay(packed(level, id, from, to), narrow.getOrDefault(id, List.of())));
        }
        return out;
    }

    /**
     * Folds the block's narrow rows, then {@code newest} (points of that block, oldest first), into its packed row,
     * and deletes the narrow rows.
     */
    void pack(RollupLevel level, long seriesId, long blockStart, List<MetricPoint> newest) throws SQLException {
        long blockEnd = blockStart + level.blockMs;
        List<MetricPoint> narrow = narrow(level, List.of(seriesId), blockStart, blockEnd).getOrDefault(seriesId, List.of());
        List<MetricPoint> existing = packed(level, seriesId, blockStart, blockEnd);
        writeBlock(level, seriesId, blockStart, RollupBlock.overlay(RollupBlock.overlay(existing, narrow), newest));
        if (!narrow.isEmpty()) {
            PreparedStatement del = ps(level.deleteNarrow());
            del.setLong(1, blockStart);
            del.setLong(2, blockEnd);
            del.setLong(3, seriesId);
            del.executeUpdate();
        }
    }

    /**
     * Packs every narrow row with {@code from <= ts < to} (a window inside one block period) into the blocks of their
     * series, and deletes them; returns the number of rows packed.
     */
    int packWindow(RollupLevel level, long from, long to) throws SQLException {
        flush();
        Map<Long, List<MetricPoint>> bySeries = new LinkedHashMap<>();
        PreparedStatement ps = ps(level.selectNarrowWindow());
        ps.setLong(1, from);
        ps.setLong(2, to);
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bySeries.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(point(rs));
                rows++;
            }
        }
        for (Map.Entry<Long, List<MetricPoint>> e : bySeries.entrySet()) {
            long block = level.blockStart(e.getValue().get(0).timestamp());
            List<MetricPoint> existing = packed(level, e.getKey(), block, block + level.blockMs);
            writeBlock(level, e.getKey(), block, RollupBlock.overlay(existing, e.getValue()));
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + level.narrowTable + " WHERE ts >= ? AND ts < ?")) {
            del.setLong(1, from);
            del.setLong(2, to);
            del.executeUpdate();
        }
        return rows;
    }

    /** The oldest time of a narrow row, or null when there is none. */
    Long oldestNarrow(RollupLevel level) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ts) FROM " + level.narrowTable);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    private void writeBlock(RollupLevel level, long seriesId, long blockStart, List<MetricPoint> points) throws SQLException {
        if (points.isEmpty()) {
            PreparedStatement del = ps(level.deleteBlock());
            del.setLong(1, seriesId);
            del.setLong(2, blockStart);
            del.executeUpdate();
            return;
        }
        PreparedStatement ps = ps(level.mergeBlock());
        ps.setLong(1, seriesId);
        ps.setLong(2, blockStart);
        ps.setInt(3, points.size());
        ps.setBytes(4, RollupBlock.encode(points, blockStart, level.bucketMs));
        ps.executeUpdate();
    }

    // ---------------------------------------------------------------- retention

    /** Deletes the packed points older than {@code cutoff}: whole blocks, and the old part of the block across it. */
    long expireBlocks(RollupLevel level, long cutoff) throws SQLException {
        long deleted = 0;
        long wholeBefore = cutoff - level.blockMs; // a block starting at or before this ends at or before the cutoff
        try (PreparedStatement count = c.prepareStatement(
                "SELECT COALESCE(SUM(points), 0) FROM " + level.blockTable + " WHERE block_ts <= ?");
             PreparedStatement del = c.prepareStatement("DELETE FROM " + level.blockTable + " WHERE block_ts <= ?")) {
            count.setLong(1, wholeBefore);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                deleted += rs.getLong(1);
            }
            del.setLong(1, wholeBefore);
            del.executeUpdate();
        }
        List<Object[]> across = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT series_id, block_ts, data FROM " + level.blockTable
                + " WHERE block_ts > ? AND block_ts < ?")) {
            ps.setLong(1, wholeBefore);
            ps.setLong(2, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    across.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getBytes(3)});
                }
            }
        }
        for (Object[] row : across) {
            long block = (Long) row[1];
            List<MetricPoint> all = RollupBlock.decodeAll((byte[]) row[2], block, level.bucketMs);
            List<MetricPoint> kept = all.stream().filter(p -> p.timestamp() >= cutoff).toList();
            if (kept.size() < all.size()) {
                writeBlock(level, (Long) row[0], block, kept);
                deleted += all.size() - kept.size();
            }
        }
        return deleted;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
