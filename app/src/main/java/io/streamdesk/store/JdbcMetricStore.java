package io.streamdesk.store;

import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricKind;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.Rollups;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.port.MetricStore;
import io.streamdesk.service.port.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MetricStore} on H2 with plain JDBC (MO1): narrow tables (series id, time, value), batched writes.
 * Each append writes the raw samples, then the 1- and 5-minute rollups of the buckets it touched: for samples newer
 * than a series' newest one from the open buckets kept in memory ({@link OpenBuckets}), without reading anything;
 * otherwise (late, repeated, or the first append of a series since the store was made) by recomputing the touched
 * buckets from their raw samples, so late and out-of-order samples fold in correctly. Samples older than the raw
 * retention are dropped (their bucket's raw samples are gone, a recompute would be wrong).
 * Rollups of the block (hour, day) a series is writing stay in narrow rows; closed blocks are packed into one row
 * per series and block ({@link RollupBlock}), so a 7-day chart reads 168 rows per series instead of 10,080.
 * This instance must be the only writer of the metric tables (the app; the CLI does not sample).
 */
public final class JdbcMetricStore implements MetricStore {
    private static final long FIVE_MINUTES = Granularity.FIVE_MINUTES.bucket().toMillis();
    private static final long ONE_MINUTE = Granularity.ONE_MINUTE.bucket().toMillis();

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<SeriesKey, Long> seriesIds = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    /** The open buckets per series id, kept once a transaction that wrote them committed; guarded by writeLock. */
    private final Map<Long, OpenBuckets> openBuckets = new HashMap<>();

    public JdbcMetricStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void append(Collection<MetricSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        long oldestKept = clock.millis() - Granularity.RAW.retention().toMillis() + FIVE_MINUTES;
        Map<SeriesKey, List<MetricSample>> bySeries = new LinkedHashMap<>();
        for (MetricSample s : samples) {
            if (s.timestamp() >= oldestKept && !Double.isNaN(s.value())) {
                bySeries.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            }
        }
        if (bySeries.isEmpty()) {
            return;
        }
        synchronized (writeLock) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Map<SeriesKey, Long> ids = new HashMap<>();
                    for (SeriesKey key : bySeries.keySet()) {
                        ids.put(key, seriesId(c, key));
                    }
                    insertRaw(c, bySeries, ids);
                    Map<Long, OpenBuckets> open = updateRollups(c, bySeries, ids);
                    c.commit();
                    openBuckets.putAll(open);
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("Storing " + samples.size() + " metric samples failed: " + e.getMessage(), e);
            }
        }
    }

    private void insertRaw(Connection c, Map<SeriesKey, List<MetricSample>> bySeries, Map<SeriesKey, Long> ids)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO metric_sample (series_id, ts, val) KEY (series_id, ts) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<SeriesKey, List<MetricSample>> e : bySeries.entrySet()) {
                long id = ids.get(e.getKey());
                for (MetricSample s : e.getValue()) {
                    ps.setLong(1, id);
                    ps.setLong(2, s.timestamp());
                    ps.setDouble(3, s.value());
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * Updates the 1- and 5-minute rollups of every bucket the new samples fall in. A series whose new samples are all
     * newer than its newest known sample goes the fast way: its open buckets are in memory, each sample updates them
     * and the touched buckets are upserted, nothing is read. Otherwise (first append of a series since the store was
     * made, a late or repeated sample) the touched 5-minute buckets are recomputed from the raw samples kept for them,
     * and the open buckets are rebuilt from the same read when it reaches the series' newest sample.
     * Returns the open buckets to keep once the transaction commits.
     */
    private Map<Long, OpenBuckets> updateRollups(Connection c, Map<SeriesKey, List<MetricSample>> bySeries,
                                                 Map<SeriesKey, Long> ids) throws SQLException {
        Map<Long, OpenBuckets> updated = new HashMap<>();
        List<long[]> closedHours = new ArrayList<>();
        List<long[]> closedDays = new ArrayList<>();
        try (RollupTables tables = new RollupTables(c)) {
            for (Map.Entry<SeriesKey, List<MetricSample>> e : bySeries.entrySet()) {
                long id = ids.get(e.getKey());
                List<MetricSample> list = e.getValue();
                list.sort(Comparator.comparingLong(MetricSample::timestamp)); // stable: a repeated time keeps arrival order
                OpenBuckets open = openBuckets.get(id);
                OpenBuckets next = open != null && inOrder(list, open)
                        ? appendInOrder(tables, id, open.copy(), list, closedHours, closedDays)
                        : recompute(c, tables, id, e.getKey(), list, open);
                if (next != null) {
                    updated.put(id, next);
                }
            }
            tables.flush();
            // a series whose open bucket moved into a new hour (day) packs the hour (day) just closed
            for (long[] closed : closedHours) {
                tables.pack(RollupLevel.ONE_MINUTE, closed[0], closed[1], List.of());
            }
            for (long[] closed : closedDays) {
                tables.pack(RollupLevel.FIVE_MINUTES, closed[0], closed[1], List.of());
            }
        }
        return updated;
    }

    private static boolean inOrder(List<MetricSample> sorted, OpenBuckets open) {
        long previous = Long.MIN_VALUE;
        for (MetricSample s : sorted) {
            if (s.timestamp() == previous) {
                return false; // a repeated time replaces a value: recompute
            }
            previous = s.timestamp();
        }
        return open.takes(sorted.get(0).timestamp());
    }

    private static OpenBuckets appendInOrder(RollupTables tables, long id, OpenBuckets open, List<MetricSample> sorted,
                                             List<long[]> closedHours, List<long[]> closedDays) throws SQLException {
        boolean oneTouched = false;
        boolean fiveTouched = false;
        for (MetricSample s : sorted) {
            long oneBefore = open.oneMinuteStart();
            long fiveBefore = open.fiveMinuteStart();
            long one = RollupLevel.ONE_MINUTE.bucketStart(s.timestamp());
            long five = RollupLevel.FIVE_MINUTES.bucketStart(s.timestamp());
            if (one != oneBefore && oneTouched) {
                tables.upsertNarrow(RollupLevel.ONE_MINUTE, id, open.oneMinute());
            }
            if (five != fiveBefore && fiveTouched) {
                tables.upsertNarrow(RollupLevel.FIVE_MINUTES, id, open.fiveMinutes());
            }
            if (RollupLevel.ONE_MINUTE.blockStart(one) != RollupLevel.ONE_MINUTE.blockStart(oneBefore)) {
                closedHours.add(new long[]{id, RollupLevel.ONE_MINUTE.blockStart(oneBefore)});
            }
            if (RollupLevel.FIVE_MINUTES.blockStart(five) != RollupLevel.FIVE_MINUTES.blockStart(fiveBefore)) {
                closedDays.add(new long[]{id, RollupLevel.FIVE_MINUTES.blockStart(fiveBefore)});
            }
            open.add(s.timestamp(), s.value());
            oneTouched = true;
            fiveTouched = true;
        }
        tables.upsertNarrow(RollupLevel.ONE_MINUTE, id, open.oneMinute());
        tables.upsertNarrow(RollupLevel.FIVE_MINUTES, id, open.fiveMinutes());
        return open;
    }

    /**
     * Recomputes the 5-minute buckets from the oldest to the newest new sample from the raw samples. Buckets in the
     * block of the series' newest sample go to narrow rows; buckets in older (closed) blocks are packed right away.
     */
    private OpenBuckets recompute(Connection c, RollupTables tables, long id, SeriesKey key, List<MetricSample> sorted,
                                  OpenBuckets open) throws SQLException {
        long from = RollupLevel.FIVE_MINUTES.bucketStart(sorted.get(0).timestamp());
        long to = RollupLevel.FIVE_MINUTES.bucketStart(sorted.get(sorted.size() - 1).timestamp()) + FIVE_MINUTES;
        long newest = open != null ? Math.max(open.newest(), sorted.get(sorted.size() - 1).timestamp()) : newestRaw(c, id);
        MetricKind kind = key.metric().kind();
        double previous = Double.NaN;
        if (kind == MetricKind.COUNTER) { // only a counter's increase needs the value before the range
            try (PreparedStatement before = c.prepareStatement(
                    "SELECT val FROM metric_sample WHERE series_id = ? AND ts < ? ORDER BY ts DESC LIMIT 1")) {
                before.setLong(1, id);
                before.setLong(2, from);
                try (ResultSet rs = before.executeQuery()) {
                    if (rs.next()) {
                        previous = rs.getDouble(1);
                    }
                }
            }
        }
        LongList ts = new LongList();
        DoubleList vals = new DoubleList();
        try (PreparedStatement range = c.prepareStatement(
                "SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts")) {
            range.setLong(1, id);
            range.setLong(2, from);
            range.setLong(3, to);
            try (ResultSet rs = range.executeQuery()) {
                while (rs.next()) {
                    ts.add(rs.getLong(1));
                    vals.add(rs.getDouble(2));
                }
            }
        }
        long[] times = ts.toArray();
        double[] values = vals.toArray();
        for (RollupLevel level : RollupLevel.values()) {
            List<MetricPoint> points = Rollups.rollup(times, values, level.bucketMs, kind, previous);
            writeRecomputed(tables, level, id, points, level.blockStart(newest));
        }
        if (newest < to) {
            return OpenBuckets.rebuild(times, values, previous, kind, ONE_MINUTE, FIVE_MINUTES);
        }
        return open; // the late samples are older than the open buckets, which stay as they are
    }

    private static void writeRecomputed(RollupTables tables, RollupLevel level, long id, List<MetricPoint> points,
                                        long openBlock) throws SQLException {
        int i = 0;
        while (i < points.size()) {
            long block = level.blockStart(points.get(i).timestamp());
            int j = i;
            while (j < points.size() && level.blockStart(points.get(j).timestamp()) == block) {
                j++;
            }
            if (block >= openBlock) {
                for (int k = i; k < j; k++) {
                    tables.upsertNarrow(level, id, points.get(k));
                }
            } else {
                tables.pack(level, id, block, points.subList(i, j));
            }
            i = j;
        }
    }

    private static long newestRaw(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ts FROM metric_sample WHERE series_id = ? ORDER BY ts DESC LIMIT 1")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
            }
        }
    }

    private long seriesId(Connection c, SeriesKey key) throws SQLException {
        Long cached = seriesIds.get(key);
        if (cached != null) {
            return cached;
        }
        Long found = findSeriesId(c, key);
        if (found == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO metric_series (owner, metric, subject) KEY (owner, metric, subject) VALUES (?, ?, ?)")) {
                ps.setString(1, key.owner());
                ps.setString(2, key.metric().id());
                ps.setString(3, key.subject());
                ps.executeUpdate();
            }
            found = findSeriesId(c, key);
        }
        seriesIds.put(key, found);
        return found;
    }

    private static Long findSeriesId(Connection c, SeriesKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM metric_series WHERE owner = ? AND metric = ? AND subject = ?")) {
            ps.setString(1, key.owner());
            ps.setString(2, key.metric().id());
            ps.setString(3, key.subject());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<MetricSample> samples(SeriesKey key, Instant from, Instant to) {
        return read("Reading samples of " + key, c -> {
            Long id = knownSeriesId(c, key);
            List<MetricSample> out = new ArrayList<>();
            if (id == null) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts")) {
                ps.setLong(1, id);
                ps.setLong(2, from.toEpochMilli());
                ps.setLong(3, to.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MetricSample(key, rs.getLong(1), rs.getDouble(2)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<MetricPoint> points(SeriesKey key, Granularity granularity, Instant from, Instant to) {
        return points(List.of(key), granularity, from, to).get(key);
    }

    @Override
    public Map<SeriesKey, List<MetricPoint>> points(Collection<SeriesKey> keys, Granularity granularity, Instant from,
                                                    Instant to) {
        return read("Reading " + keys.size() + " series", c -> {
            Map<SeriesKey, List<MetricPoint>> out = new LinkedHashMap<>();
            try (RollupTables tables = new RollupTables(c)) {
                for (SeriesKey key : keys) {
                    Long id = knownSeriesId(c, key);
                    if (id == null) {
                        out.put(key, new ArrayList<>());
                    } else if (granularity == Granularity.RAW) {
                        out.put(key, rawPoints(c, id, from.toEpochMilli(), to.toEpochMilli()));
                    } else {
                        out.put(key, tables.points(RollupLevel.of(granularity), id, from.toEpochMilli(), to.toEpochMilli()));
                    }
                }
            }
            return out;
        });
    }

    private static List<MetricPoint> rawPoints(Connection c, long id, long from, long to) throws SQLException {
        List<MetricPoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts")) {
            ps.setLong(1, id);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setFetchSize(2048);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(MetricPoint.raw(rs.getLong(1), rs.getDouble(2)));
                }
            }
        }
        return out;
    }

    @Override
    public Optional<MetricSample> latest(SeriesKey key) {
        return read("Reading the latest sample of " + key, c -> {
            Long id = knownSeriesId(c, key);
            if (id == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ts, val FROM metric_sample WHERE series_id = ? ORDER BY ts DESC LIMIT 1")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new MetricSample(key, rs.getLong(1), rs.getDouble(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<SeriesKey> series(String owner, MetricName metric) {
        return series(owner).stream().filter(k -> k.metric() == metric).toList();
    }

    @Override
    public List<SeriesKey> series(String owner) {
        return read("Listing the series of " + owner, c -> {
            List<SeriesKey> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT metric, subject FROM metric_series WHERE owner = ? ORDER BY metric, subject")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String subject = rs.getString(2);
                        MetricName.byId(rs.getString(1)).ifPresent(m -> out.add(new SeriesKey(owner, m, subject)));
                    }
                }
            }
            return out;
        });
    }

    private Long knownSeriesId(Connection c, SeriesKey key) throws SQLException {
        Long cached = seriesIds.get(key);
        if (cached != null) {
            return cached;
        }
        Long found = findSeriesId(c, key);
        if (found != null) {
            seriesIds.put(key, found);
        }
        return found;
    }

    // ---------------------------------------------------------------- retention

    /**
     * Deletes what is older than each granularity's retention (narrow rows, and packed points: whole blocks, and the
     * old part of the block across the cutoff), then packs the narrow rows left in closed blocks (a series that
     * stopped, late samples). Works in chunks so that a large backlog never holds the write lock for long.
     */
    @Override
    public long enforceRetention(Instant now) {
        long deleted = 0;
        deleted += deleteOlder("metric_sample", now.minus(Granularity.RAW.retention()));
        for (RollupLevel level : RollupLevel.values()) {
            long cutoff = now.minus(level.granularity.retention()).toEpochMilli();
            deleted += deleteOlder(level.narrowTable, Instant.ofEpochMilli(cutoff));
            synchronized (writeLock) {
                deleted += write("Deleting old rollup blocks", c -> {
                    try (RollupTables tables = new RollupTables(c)) {
                        return tables.expireBlocks(level, cutoff);
                    }
                });
            }
            packClosedBlocks(level, level.blockStart(now.toEpochMilli()));
        }
        return deleted;
    }

    private void packClosedBlocks(RollupLevel level, long before) {
        while (true) {
            int packed;
            synchronized (writeLock) {
                packed = write("Packing rollups of " + level.narrowTable, c -> {
                    try (RollupTables tables = new RollupTables(c)) {
                        List<long[]> blocks = tables.blocksWithNarrowRows(level, before, 500);
                        for (long[] b : blocks) {
                            tables.pack(level, b[0], b[1], List.of());
                        }
                        return blocks.size();
                    }
                });
            }
            if (packed < 500) {
                return;
            }
        }
    }

    /** Deletes in chunks so that a large backlog never holds the table for long. */
    private long deleteOlder(String table, Instant cutoff) {
        long total = 0;
        while (true) {
            int n;
            synchronized (writeLock) {
                n = read("Deleting old rows of " + table, c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE ts < ? LIMIT 10000")) {
                        ps.setLong(1, cutoff.toEpochMilli());
                        return ps.executeUpdate();
                    }
                });
            }
            total += n;
            if (n < 10000) {
                return total;
            }
        }
    }

    /** Runs {@code work} in one transaction. */
    private <T> T write(String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T read(String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static final class LongList {
        private long[] a = new long[64];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    private static final class DoubleList {
        private double[] a = new double[64];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
