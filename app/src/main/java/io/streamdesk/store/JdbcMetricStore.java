package io.streamdesk.store;

import io.streamdesk.model.metrics.Granularity;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MetricStore} on H2 with plain JDBC (MO1): narrow tables (series id, time, value), batched writes.
 * Each append writes the raw samples, then recomputes the 1- and 5-minute rollups of the buckets it touched from the
 * raw samples of those buckets, so late and out-of-order samples fold in correctly. Samples older than the raw
 * retention are dropped (their bucket's raw samples are gone, a recompute would be wrong).
 */
public final class JdbcMetricStore implements MetricStore {
    private static final long FIVE_MINUTES = Granularity.FIVE_MINUTES.bucket().toMillis();
    private static final long ONE_MINUTE = Granularity.ONE_MINUTE.bucket().toMillis();

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<SeriesKey, Long> seriesIds = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

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
                    updateRollups(c, bySeries, ids);
                    c.commit();
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

    /** Recomputes every 1- and 5-minute bucket the new samples fall in, from the raw samples kept for them. */
    private void updateRollups(Connection c, Map<SeriesKey, List<MetricSample>> bySeries, Map<SeriesKey, Long> ids)
            throws SQLException {
        try (PreparedStatement before = c.prepareStatement(
                "SELECT val FROM metric_sample WHERE series_id = ? AND ts < ? ORDER BY ts DESC LIMIT 1");
             PreparedStatement range = c.prepareStatement(
                     "SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts");
             PreparedStatement merge1 = c.prepareStatement(mergeRollup("metric_rollup_1m"));
             PreparedStatement merge5 = c.prepareStatement(mergeRollup("metric_rollup_5m"))) {
            for (Map.Entry<SeriesKey, List<MetricSample>> e : bySeries.entrySet()) {
                long id = ids.get(e.getKey());
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (MetricSample s : e.getValue()) {
                    min = Math.min(min, s.timestamp());
                    max = Math.max(max, s.timestamp());
                }
                long from = Math.floorDiv(min, FIVE_MINUTES) * FIVE_MINUTES;
                long to = Math.floorDiv(max, FIVE_MINUTES) * FIVE_MINUTES + FIVE_MINUTES;
                double previous = Double.NaN;
                if (e.getKey().metric().kind() == io.streamdesk.model.metrics.MetricKind.COUNTER) {
                    // only a counter's increase needs the value before the range
                    before.setLong(1, id);
                    before.setLong(2, from);
                    try (ResultSet rs = before.executeQuery()) {
                        if (rs.next()) {
                            previous = rs.getDouble(1);
                        }
                    }
                }
                range.setLong(1, id);
                range.setLong(2, from);
                range.setLong(3, to);
                LongList ts = new LongList();
                DoubleList vals = new DoubleList();
                try (ResultSet rs = range.executeQuery()) {
                    while (rs.next()) {
                        ts.add(rs.getLong(1));
                        vals.add(rs.getDouble(2));
                    }
                }
                var kind = e.getKey().metric().kind();
                addRollups(merge1, id, Rollups.rollup(ts.toArray(), vals.toArray(), ONE_MINUTE, kind, previous));
                addRollups(merge5, id, Rollups.rollup(ts.toArray(), vals.toArray(), FIVE_MINUTES, kind, previous));
            }
            merge1.executeBatch();
            merge5.executeBatch();
        }
    }

    private static String mergeRollup(String table) {
        return "MERGE INTO " + table + " (series_id, ts, min_val, max_val, avg_val, last_val, cnt, incr) KEY (series_id, ts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static void addRollups(PreparedStatement ps, long id, List<MetricPoint> points) throws SQLException {
        for (MetricPoint p : points) {
            ps.setLong(1, id);
            ps.setLong(2, p.timestamp());
            ps.setDouble(3, p.min());
            ps.setDouble(4, p.max());
            ps.setDouble(5, p.avg());
            ps.setDouble(6, p.last());
            ps.setInt(7, p.count());
            ps.setDouble(8, p.increase());
            ps.addBatch();
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
        return read("Reading " + key, c -> points(c, key, granularity, from, to));
    }

    @Override
    public Map<SeriesKey, List<MetricPoint>> points(Collection<SeriesKey> keys, Granularity granularity, Instant from,
                                                    Instant to) {
        return read("Reading " + keys.size() + " series", c -> {
            Map<SeriesKey, List<MetricPoint>> out = new LinkedHashMap<>();
            for (SeriesKey key : keys) {
                out.put(key, points(c, key, granularity, from, to));
            }
            return out;
        });
    }

    private List<MetricPoint> points(Connection c, SeriesKey key, Granularity granularity, Instant from, Instant to)
            throws SQLException {
        Long id = knownSeriesId(c, key);
        List<MetricPoint> out = new ArrayList<>();
        if (id == null) {
            return out;
        }
        String sql = switch (granularity) {
            case RAW -> "SELECT ts, val FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts";
            case ONE_MINUTE -> "SELECT ts, min_val, max_val, avg_val, last_val, cnt, incr FROM metric_rollup_1m "
                    + "WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts";
            case FIVE_MINUTES -> "SELECT ts, min_val, max_val, avg_val, last_val, cnt, incr FROM metric_rollup_5m "
                    + "WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setLong(2, from.toEpochMilli());
            ps.setLong(3, to.toEpochMilli());
            ps.setFetchSize(2048);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(granularity == Granularity.RAW
                            ? MetricPoint.raw(rs.getLong(1), rs.getDouble(2))
                            : new MetricPoint(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getInt(6), rs.getDouble(7)));
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

    @Override
    public long enforceRetention(Instant now) {
        long deleted = 0;
        deleted += deleteOlder("metric_sample", now.minus(Granularity.RAW.retention()));
        deleted += deleteOlder("metric_rollup_1m", now.minus(Granularity.ONE_MINUTE.retention()));
        deleted += deleteOlder("metric_rollup_5m", now.minus(Granularity.FIVE_MINUTES.retention()));
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
