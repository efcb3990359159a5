package io.streamdesk.store;

import io.streamdesk.model.metrics.MetricPoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final Map<RollupLevel, Integer> pending = new HashMap<>();

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

    /** Queues an upsert of one bucket's narrow row. */
    void upsertNarrow(RollupLevel level, long seriesId, MetricPoint p) throws SQLException {
        PreparedStatement ps = ps(level.mergeNarrow());
        ps.setLong(1, seriesId);
        ps.setLong(2, p.timestamp());
        ps.setDouble(3, p.min());
        ps.setDouble(4, p.max());
        ps.setDouble(5, p.avg());
        ps.setDouble(6, p.last());
        ps.setInt(7, p.count());
        ps.setDouble(8, p.increase());
        ps.addBatch();
        pending.merge(level, 1, Integer::sum);
    }

    /** Writes the queued narrow upserts. */
    void flush() throws SQLException {
        for (RollupLevel level : RollupLevel.values()) {
            if (pending.getOrDefault(level, 0) > 0) {
                ps(level.mergeNarrow()).executeBatch();
                pending.put(level, 0);
            }
        }
    }

    List<MetricPoint> narrow(RollupLevel level, long seriesId, long from, long to) throws SQLException {
        PreparedStatement ps = ps(level.selectNarrow());
        ps.setLong(1, seriesId);
        ps.setLong(2, from);
        ps.setLong(3, to);
        List<MetricPoint> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new MetricPoint(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getInt(6), rs.getDouble(7)));
            }
        }
        return out;
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

    /** Every point of a series at a level with {@code from <= timestamp < to}: narrow rows first, so none is missed by a pack committing in between. */
    List<MetricPoint> points(RollupLevel level, long seriesId, long from, long to) throws SQLException {
        List<MetricPoint> narrow = narrow(level, seriesId, from, to);
        return RollupBlock.overlay(packed(level, seriesId, from, to), narrow);
    }

    /**
     * Folds the block's narrow rows, then {@code newest} (points of that block, oldest first), into its packed row,
     * and deletes the narrow rows. Returns the number of points the block holds afterwards.
     */
    int pack(RollupLevel level, long seriesId, long blockStart, List<MetricPoint> newest) throws SQLException {
        flush();
        long blockEnd = blockStart + level.blockMs;
        List<MetricPoint> narrow = narrow(level, seriesId, blockStart, blockEnd);
        if (narrow.isEmpty() && newest.isEmpty()) {
            return -1;
        }
        List<MetricPoint> existing = packed(level, seriesId, blockStart, blockEnd);
        List<MetricPoint> merged = RollupBlock.overlay(RollupBlock.overlay(existing, narrow), newest);
        writeBlock(level, seriesId, blockStart, merged);
        if (!narrow.isEmpty()) {
            PreparedStatement del = ps(level.deleteNarrow());
            del.setLong(1, seriesId);
            del.setLong(2, blockStart);
            del.setLong(3, blockEnd);
            del.executeUpdate();
        }
        return merged.size();
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

    /** (series id, block start) of every block that has narrow rows and starts before {@code before}, at most {@code limit}. */
    List<long[]> blocksWithNarrowRows(RollupLevel level, long before, int limit) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT series_id, ts - MOD(ts, ?) AS b FROM "
                + level.narrowTable + " WHERE ts < ? ORDER BY series_id, b LIMIT ?")) {
            ps.setLong(1, level.blockMs);
            ps.setLong(2, before);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return out;
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
