package io.streamdesk.testing;

import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.Rollups;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.port.MetricStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link MetricStore} in memory: rollups are computed on read with the same arithmetic as the H2 store. */
public final class InMemoryMetricStore implements MetricStore {
    private final Map<SeriesKey, TreeMap<Long, Double>> series = new LinkedHashMap<>();

    @Override
    public synchronized void append(Collection<MetricSample> samples) {
        for (MetricSample s : samples) {
            series.computeIfAbsent(s.key(), k -> new TreeMap<>()).put(s.timestamp(), s.value());
        }
    }

    @Override
    public synchronized List<MetricSample> samples(SeriesKey key, Instant from, Instant to) {
        List<MetricSample> out = new ArrayList<>();
        TreeMap<Long, Double> values = series.get(key);
        if (values != null) {
            values.subMap(from.toEpochMilli(), to.toEpochMilli()).forEach((t, v) -> out.add(new MetricSample(key, t, v)));
        }
        return out;
    }

    @Override
    public synchronized List<MetricPoint> points(SeriesKey key, Granularity granularity, Instant from, Instant to) {
        TreeMap<Long, Double> values = series.get(key);
        if (values == null) {
            return List.of();
        }
        if (granularity == Granularity.RAW) {
            List<MetricPoint> out = new ArrayList<>();
            values.subMap(from.toEpochMilli(), to.toEpochMilli()).forEach((t, v) -> out.add(MetricPoint.raw(t, v)));
            return out;
        }
        long[] ts = values.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] vs = values.values().stream().mapToDouble(Double::doubleValue).toArray();
        return Rollups.rollup(ts, vs, granularity.bucket().toMillis(), key.metric().kind(), Double.NaN).stream()
                .filter(p -> p.timestamp() >= from.toEpochMilli() && p.timestamp() < to.toEpochMilli())
                .toList();
    }

    @Override
    public synchronized Map<SeriesKey, List<MetricPoint>> points(Collection<SeriesKey> keys, Granularity granularity,
                                                                 Instant from, Instant to) {
        Map<SeriesKey, List<MetricPoint>> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, points(k, granularity, from, to)));
        return out;
    }

    @Override
    public synchronized Optional<MetricSample> latest(SeriesKey key) {
        TreeMap<Long, Double> values = series.get(key);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        var e = values.lastEntry();
        return Optional.of(new MetricSample(key, e.getKey(), e.getValue()));
    }

    @Override
    public synchronized List<SeriesKey> series(String owner, MetricName metric) {
        return series.keySet().stream().filter(k -> k.owner().equals(owner) && k.metric() == metric).toList();
    }

    @Override
    public synchronized List<SeriesKey> series(String owner) {
        return series.keySet().stream().filter(k -> k.owner().equals(owner)).toList();
    }

    @Override
    public synchronized long enforceRetention(Instant now) {
        long cutoff = now.minus(Granularity.RAW.retention()).toEpochMilli();
        long deleted = 0;
        for (TreeMap<Long, Double> values : series.values()) {
            var old = values.headMap(cutoff);
            deleted += old.size();
            old.clear();
        }
        return deleted;
    }
}
