package io.streamdesk.store;

import io.streamdesk.model.metrics.Granularity;

/**
 * Where one rollup granularity lives: a narrow table (one row per bucket) for the open block of each series and
 * buckets written late, and a block table (one row per series and block, {@link RollupBlock}) for closed blocks.
 */
enum RollupLevel {
    ONE_MINUTE(Granularity.ONE_MINUTE, "metric_rollup_1m", "metric_block_1m", 3_600_000L),
    FIVE_MINUTES(Granularity.FIVE_MINUTES, "metric_rollup_5m", "metric_block_5m", 86_400_000L);

    final Granularity granularity;
    final String narrowTable;
    final String blockTable;
    final long bucketMs;
    final long blockMs;

    RollupLevel(Granularity granularity, String narrowTable, String blockTable, long blockMs) {
        this.granularity = granularity;
        this.narrowTable = narrowTable;
        this.blockTable = blockTable;
        this.bucketMs = granularity.bucket().toMillis();
        this.blockMs = blockMs;
    }

    static RollupLevel of(Granularity granularity) {
        return granularity == Granularity.ONE_MINUTE ? ONE_MINUTE : FIVE_MINUTES;
    }

    long bucketStart(long timestamp) {
        return Math.floorDiv(timestamp, bucketMs) * bucketMs;
    }

    long blockStart(long timestamp) {
        return Math.floorDiv(timestamp, blockMs) * blockMs;
    }

    String mergeNarrow() {
        return "MERGE INTO " + narrowTable + " (series_id, ts, min_val, max_val, avg_val, last_val, cnt, incr) "
                + "KEY (ts, series_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    String insertNarrow() {
        return "INSERT INTO " + narrowTable + " (series_id, ts, min_val, max_val, avg_val, last_val, cnt, incr) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    String selectNarrow() {
        return "SELECT series_id, ts, min_val, max_val, avg_val, last_val, cnt, incr FROM " + narrowTable
                + " WHERE ts >= ? AND ts < ? AND series_id = ANY(?) ORDER BY ts";
    }

    String selectNarrowWindow() {
        return "SELECT series_id, ts, min_val, max_val, avg_val, last_val, cnt, incr FROM " + narrowTable
                + " WHERE ts >= ? AND ts < ? ORDER BY series_id, ts";
    }

    String deleteNarrow() {
        return "DELETE FROM " + narrowTable + " WHERE ts >= ? AND ts < ? AND series_id = ?";
    }

    String selectBlocks() {
        return "SELECT block_ts, data FROM " + blockTable + " WHERE series_id = ? AND block_ts >= ? AND block_ts < ? "
                + "ORDER BY block_ts";
    }

    String mergeBlock() {
        return "MERGE INTO " + blockTable + " (series_id, block_ts, points, data) KEY (series_id, block_ts) VALUES (?, ?, ?, ?)";
    }

    String deleteBlock() {
        return "DELETE FROM " + blockTable + " WHERE series_id = ? AND block_ts = ?";
    }
}
