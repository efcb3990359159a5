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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
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
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.Set;
import java.util.HashSet;
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
    private static final Logger LOG = LoggerFactory.getLogger(JdbcMetricStore.class);
    private static final long FIVE_MINUTES = Granularity.FIVE_MINUTES.bucket().toMillis();
    private static final long ONE_MINUTE = Granularity.ONE_MINUTE.bucket().toMillis();
    /** How often the narrow 1-minute (5-minute) rows of closed periods are packed into their blocks. */
    private static final long PACK_1M = 15 * ONE_MINUTE;
    private static final long PACK_5M = 60 * ONE_MINUTE;
    /** A series without a sample for this long has its open buckets closed by housekeeping. */
    private static final long IDLE = 10 * ONE_MINUTE;

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<SeriesKey, Long> seriesIds = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    /** The open buckets per series id, kept once a transaction that wrote them committed; guarded by writeLock. */
    private final Map<Long, OpenBuckets> openBuckets = new HashMap<>();
    private volatile boolean openLoaded;
    /** The committed open buckets as points (1 minute, 5 minutes) per series id, for readers. */
    private final Map<Long, MetricPoint[]> openPoints = new ConcurrentHashMap<>();
    /** Series per row of metric_open_buckets. */
    private static final long SHARD = 256;
    /** The 5-minute period of the clock of the last housekeeping; guarded by writeLock. */
    private long lastMaintenance = Long.MIN_VALUE;

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
            Map<Long, OpenBuckets> committed;
            try {
                committed = write("Storing " + samples.size() + " metric samples", c -> store(c, bySeries));
            } catch (StoreException e) {
                forgetOpenBuckets(); // start again from what the tables hold
                throw e;
            }
            committed(committed, Set.of());
            try {
                maintain(clock.millis());
            } catch (StoreException e) {
                LOG.warn("Metric store housekeeping failed (samples are stored): {}", e.getMessage());
            }
        }
    }

    /** Writes the raw samples and their rollups; returns the open buckets to keep once the transaction commits. */
    private Map<Long, OpenBuckets> store(Connection c, Map<SeriesKey, List<MetricSample>> bySeries) throws SQLException {
        loadOpenBuckets(c);
        Map<SeriesKey, Long> ids = new HashMap<>();
        for (SeriesKey key : bySeries.keySet()) {
            ids.put(key, seriesId(c, key));
        }
        try (RawSamples raw = new RawSamples(c); RollupTables tables = new RollupTables(c)) {
            for (Map.Entry<SeriesKey, List<MetricSample>> e : bySeries.entrySet()) {
                long id = ids.get(e.getKey());
                List<MetricSample> list = e.getValue();
                list.sort(Comparator.comparingLong(MetricSample::timestamp)); // stable: a repeated time keeps arrival order
                for (MetricSample s : list) {
                    raw.add(id, s.timestamp(), s.value());
                }
            }
            raw.flushBatch();
            Map<Long, OpenBuckets> updated = updateRollups(raw, tables, bySeries, ids);
            tables.flush();
            writeOpenBuckets(c, updated, Set.of());
            return updated;
        }
    }

    // ---------------------------------------------------------------- open buckets

    /** Reads the open buckets stored by the last appends, once; callers hold writeLock. */
    private void loadOpenBuckets(Connection c) throws SQLException {
        if (openLoaded) {
            return;
        }
        Map<Long, OpenBuckets> loaded = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM metric_open_buckets");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ByteBuffer in = ByteBuffer.wrap(rs.getBytes(1));
                while (in.hasRemaining()) {
                    long id = in.getLong();
                    loaded.put(id, OpenBuckets.read(in, ONE_MINUTE, FIVE_MINUTES));
                }
            }
        }
        openBuckets.clear();
        openPoints.clear();
        committed(loaded, Set.of());
        openLoaded = true;
    }

    /** Keeps what a transaction committed and shows its open buckets to readers. */
    private void committed(Map<Long, OpenBuckets> updated, Set<Long> removed) {
        openBuckets.putAll(updated);
        updated.forEach((id, b) -> openPoints.put(id, new MetricPoint[]{b.oneMinute(), b.fiveMinutes()}));
        for (Long id : removed) {
            openBuckets.remove(id);
            openPoints.remove(id);
        }
    }

    private void forgetOpenBuckets() {
        openBuckets.clear();
        openPoints.clear();
        openLoaded = false;
    }

    /** Rewrites the rows of the shards holding an updated or removed series. */
    private void writeOpenBuckets(Connection c, Map<Long, OpenBuckets> updated, Set<Long> removed) throws SQLException {
        Set<Long> shards = new TreeSet<>();
        updated.keySet().forEach(id -> shards.add(id / SHARD));
        removed.forEach(id -> shards.add(id / SHARD));
        if (shards.isEmpty()) {
            return;
        }
        Map<Long, Map<Long, OpenBuckets>> byShard = new HashMap<>();
        for (Map<Long, OpenBuckets> source : List.of(openBuckets, updated)) {
            source.forEach((id, b) -> {
                if (shards.contains(id / SHARD) && !removed.contains(id)) {
                    byShard.computeIfAbsent(id / SHARD, k -> new TreeMap<>()).put(id, b);
                }
            });
        }
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO metric_open_buckets (shard, data) KEY (shard) VALUES (?, ?)");
             PreparedStatement delete = c.prepareStatement("DELETE FROM metric_open_buckets WHERE shard = ?")) {
            for (long shard : shards) {
                Map<Long, OpenBuckets> members = byShard.getOrDefault(shard, Map.of());
                if (members.isEmpty()) {
                    delete.setLong(1, shard);
                    delete.executeUpdate();
                    continue;
                }
                ByteBuffer out = ByteBuffer.allocate(members.size() * OpenBuckets.BYTES);
                members.forEach((id, b) -> b.write(id, out));
                merge.setLong(1, shard);
                merge.setBytes(2, out.array());
                merge.executeUpdate();
            }
        }
    }

    /**
     * Closes the open buckets of series without a sample since {@code idleBefore} (a stopped job): writes them as
     * narrow rows, so that the open buckets kept stay few.
     */
    private void closeIdle(long idleBefore) {
        Set<Long> idle = new HashSet<>();
        write("Closing idle metric buckets", c -> {
            loadOpenBuckets(c);
            openBuckets.forEach((id, b) -> {
                if (b.newest() < idleBefore) {
                    idle.add(id);
                }
            });
            if (idle.isEmpty()) {
                return null;
            }
            try (RollupTables tables = new RollupTables(c)) {
                for (long id : idle) {
                    tables.upsertNarrow(RollupLevel.ONE_MINUTE, id, openBuckets.get(id).oneMinute());
                    tables.upsertNarrow(RollupLevel.FIVE_MINUTES, id, openBuckets.get(id).fiveMinutes());
                }
                tables.flush();
            }
            writeOpenBuckets(c, Map.of(), idle);
            return null;
        });
        committed(Map.of(), idle);
    }

    /**
     * Updates the 1- and 5-minute rollups of every bucket the new samples fall in. A series whose new samples are all
     * newer than its newest known sample goes the fast way: its open buckets are in memory, each sample updates them
     * and the touched buckets are upserted, nothing is read. Otherwise (first append of a series since the store was
     * made, a late or repeated sample) the touched 5-minute buckets are recomputed from the raw samples kept for them,
     * and the open buckets are rebuilt from the same read when it reaches the series' newest sample.
     * Returns the open buckets to keep once the transaction commits.
     */
    private Map<Long, OpenBuckets> updateRollups(RawSamples raw, RollupTables tables,
                                                 Map<SeriesKey, List<MetricSample>> bySeries, Map<SeriesKey, Long> ids)
            throws SQLException {
        Map<Long, OpenBuckets> updated = new HashMap<>();
        for (Map.Entry<SeriesKey, List<MetricSample>> e : bySeries.entrySet()) {
            long id = ids.get(e.getKey());
            List<MetricSample> list = e.getValue(); // sorted by time
            OpenBuckets open = openBuckets.get(id);
            OpenBuckets next = open != null && inOrder(list, open)
                    ? appendInOrder(tables, id, open.copy(), list)
                    : recompute(raw, tables, id, e.getKey().metric().kind(), list, open);
            if (next != null) {
                updated.put(id, next);
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

    /**
     * Feeds in-order samples to the open buckets; a bucket left behind is closed: written as a narrow row, with a plain
     * insert, as an open bucket never has a narrow row ({@link #recompute} deletes one it finds).
     */
    private static OpenBuckets appendInOrder(RollupTables tables, long id, OpenBuckets open, List<MetricSample> sorted)
            throws SQLException {
        for (MetricSample s : sorted) {
            if (RollupLevel.ONE_MINUTE.bucketStart(s.timestamp()) != open.oneMinuteStart()) {
                tables.insertNarrow(RollupLevel.ONE_MINUTE, id, open.oneMinute());
            }
            if (RollupLevel.FIVE_MINUTES.bucketStart(s.timestamp()) != open.fiveMinuteStart()) {
                tables.insertNarrow(RollupLevel.FIVE_MINUTES, id, open.fiveMinutes());
            }
            open.add(s.timestamp(), s.value());
        }
        return open;
    }

    /**
     * Recomputes the 5-minute buckets from the oldest to the newest new sample from the raw samples. Buckets in the
     * block of the series' newest sample go to narrow rows; buckets in older (closed) blocks are packed right away.
     */
    private static OpenBuckets recompute(RawSamples raw, RollupTables tables, long id, MetricKind kind,
                                         List<MetricSample> sorted, OpenBuckets open) throws SQLException {
        long from = RollupLevel.FIVE_MINUTES.bucketStart(sorted.get(0).timestamp());
        long to = RollupLevel.FIVE_MINUTES.bucketStart(sorted.get(sorted.size() - 1).timestamp()) + FIVE_MINUTES;
        long newest;
        if (open != null) {
            newest = Math.max(open.newest(), sorted.get(sorted.size() - 1).timestamp());
        } else {
            long[] last = raw.newestBefore(id, Long.MAX_VALUE);
            newest = last == null ? sorted.get(sorted.size() - 1).timestamp() : last[0];
        }
        double previous = Double.NaN;
        if (kind == MetricKind.COUNTER) { // only a counter's increase needs the value before the range
            long[] before = raw.newestBefore(id, from);
            if (before != null) {
                previous = Double.longBitsToDouble(before[1]);
            }
        }
        RawSamples.Series range = raw.range(id, from, to);
        long[] times = range.times();
        double[] values = range.values();
        // the open buckets are rebuilt when the read reaches the series' newest sample; they are kept with the open
        // buckets, not in narrow rows; otherwise the late samples are older than the open buckets, which stay as they are
        OpenBuckets next = newest < to ? OpenBuckets.rebuild(times, values, previous, kind, ONE_MINUTE, FIVE_MINUTES) : open;
        for (RollupLevel level : RollupLevel.values()) {
            List<MetricPoint> points = new ArrayList<>(Rollups.rollup(times, values, level.bucketMs, kind, previous));
            if (next != null && newest < to) {
                long openStart = level == RollupLevel.ONE_MINUTE ? next.oneMinuteStart() : next.fiveMinuteStart();
                points.removeIf(p -> p.timestamp() == openStart);
                tables.deleteNarrow(level, id, openStart); // written when the series went idle, or before V7
            }
            writeRecomputed(tables, level, id, points, level.blockStart(newest));
        }
        return next;
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

    /**
     * Housekeeping after an append, at most once per 5 minutes of the clock: closes the open buckets of idle series;
     * every 15 minutes moves the journal's raw samples older than 5 to 20 minutes into raw blocks and packs the narrow
     * 1-minute rows of closed quarter hours into their hour blocks; every hour packs the narrow 5-minute rows into their
     * day blocks. Each runs in its own transaction; the samples are already committed.
     */
    private void maintain(long now) {
        long period = Math.floorDiv(now, FIVE_MINUTES);
        if (period == lastMaintenance) {
            return;
        }
        lastMaintenance = period;
        closeIdle(now - IDLE);
        long quarter = Math.floorDiv(now, PACK_1M) * PACK_1M - FIVE_MINUTES;
        write("Moving raw metric samples", c -> {
            try (RawSamples raw = new RawSamples(c)) {
                return raw.flush(quarter);
            }
        });
        packNarrow(RollupLevel.ONE_MINUTE, quarter);
        packNarrow(RollupLevel.FIVE_MINUTES, Math.floorDiv(now, PACK_5M) * PACK_5M - FIVE_MINUTES);
    }

    /** Packs the narrow rows older than {@code before}, one block period per transaction. */
    private void packNarrow(RollupLevel level, long before) {
        while (true) {
            Long oldest = write("Packing " + level.narrowTable, c -> {
                try (RollupTables tables = new RollupTables(c)) {
                    Long first = tables.oldestNarrow(level);
                    if (first == null || first >= before) {
                        return null;
                    }
                    long blockEnd = level.blockStart(first) + level.blockMs;
                    tables.packWindow(level, first, Math.min(blockEnd, before));
                    return first;
                }
            });
            if (oldest == null) {
                return;
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
            try (RawSamples raw = new RawSamples(c)) {
                RawSamples.Series s = raw.range(id, from.toEpochMilli(), to.toEpochMilli());
                for (int i = 0; i < s.size(); i++) {
                    out.add(new MetricSample(key, s.time(i), s.value(i)));
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
            Map<SeriesKey, Long> ids = new LinkedHashMap<>();
            for (SeriesKey key : keys) {
                Long id = knownSeriesId(c, key);
                if (id != null) {
                    ids.put(key, id);
                }
            }
            long f = from.toEpochMilli();
            long t = to.toEpochMilli();
            Map<Long, List<MetricPoint>> byId = new HashMap<>();
            if (granularity == Granularity.RAW) {
                try (RawSamples raw = new RawSamples(c)) {
                    for (long id : ids.values()) {
                        RawSamples.Series s = raw.range(id, f, t);
                        List<MetricPoint> points = new ArrayList<>(s.size());
                        for (int i = 0; i < s.size(); i++) {
                            points.add(MetricPoint.raw(s.time(i), s.value(i)));
                        }
                        byId.put(id, points);
                    }
                }
            } else if (!ids.isEmpty()) {
                RollupLevel level = RollupLevel.of(granularity);
                // the open buckets first: a bucket only ever moves from them to narrow rows to blocks, so reading in
                // that order sees it at least once
                Map<Long, MetricPoint> open = openPoints(c, ids.values(), level, f, t);
                try (RollupTables tables = new RollupTables(c)) {
                    byId = tables.points(level, ids.values(), f, t);
                }
                for (Map.Entry<Long, MetricPoint> e : open.entrySet()) {
                    byId.put(e.getKey(), RollupBlock.overlay(byId.get(e.getKey()), List.of(e.getValue())));
                }
            }
            Map<SeriesKey, List<MetricPoint>> out = new LinkedHashMap<>();
            for (SeriesKey key : keys) {
                Long id = ids.get(key);
                out.put(key, id == null ? new ArrayList<>() : new ArrayList<>(byId.get(id)));
            }
            return out;
        });
    }

    /** The open bucket of each series at a level, when it lies in {@code from <= ts < to}. */
    private Map<Long, MetricPoint> openPoints(Connection c, Collection<Long> ids, RollupLevel level, long from, long to)
            throws SQLException {
        if (!openLoaded) {
            synchronized (writeLock) {
                loadOpenBuckets(c);
            }
        }
        Map<Long, MetricPoint> out = new HashMap<>();
        for (long id : ids) {
            MetricPoint[] points = openPoints.get(id);
            MetricPoint p = points == null ? null : points[level.ordinal()];
            if (p != null && p.timestamp() >= from && p.timestamp() < to) {
                out.put(id, p);
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
            try (RawSamples raw = new RawSamples(c)) {
                long[] last = raw.newestBefore(id, Long.MAX_VALUE);
                return last == null ? Optional.empty()
                        : Optional.of(new MetricSample(key, last[0], Double.longBitsToDouble(last[1])));
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
     * Deletes what is older than each granularity's retention (raw samples, narrow rows, and packed points: whole
     * blocks, and the old part of the block across the cutoff), then packs the narrow rows of closed periods (a
     * series that stopped, late samples). Works in chunks so that a large backlog never holds the write lock for long.
     */
    @Override
    public long enforceRetention(Instant now) {
        long deleted = 0;
        Instant rawCutoff = now.minus(Granularity.RAW.retention());
        deleted += deleteOlder("metric_sample", rawCutoff);
        synchronized (writeLock) {
            deleted += write("Deleting old raw samples", c -> {
                try (RawSamples raw = new RawSamples(c)) {
                    return raw.expireJournal(rawCutoff.toEpochMilli()) + raw.expire(rawCutoff.toEpochMilli());
                }
            });
        }
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
        }
        synchronized (writeLock) {
            lastMaintenance = Long.MIN_VALUE;
            maintain(now.toEpochMilli());
        }
        return deleted;
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
    private <T> T write(String what, JdbcTransactions.Work<T> work) {
        return JdbcTransactions.inTransaction(dataSource, what, work);
    }

    // ---------------------------------------------------------------- plumbing

    private <T> T read(String what, JdbcTransactions.Work<T> work) {
        return JdbcTransactions.read(dataSource, what, work);
    }
}
