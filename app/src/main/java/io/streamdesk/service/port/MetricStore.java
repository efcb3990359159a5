package io.streamdesk.service.port;

import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Time series of metric samples (MO1): raw samples kept 24 h, 1-minute rollups 7 days, 5-minute rollups 90 days.
 * Writes are batched and durable when {@link #append} returns; rollups are kept up to date by {@code append}
 * (also for samples that arrive late, as long as the raw samples of their bucket are still kept).
 * Thread-safe. Reads never block writes for long.
 */
public interface MetricStore {

    /** Stores raw samples (any order, any series) and updates the rollups of the buckets they fall in. */
    void append(Collection<MetricSample> samples);

    /** Raw samples of one series with {@code from <= timestamp < to}, oldest first. */
    List<MetricSample> samples(SeriesKey key, Instant from, Instant to);

    /**
     * Points of one series at a granularity with {@code from <= timestamp < to}, oldest first. RAW answers each
     * sample as a point; a bucket without samples has no point (a gap, never a zero).
     */
    List<MetricPoint> points(SeriesKey key, Granularity granularity, Instant from, Instant to);

    /** {@link #points} for several series at once; every asked key is in the answer (empty list when none). */
    Map<SeriesKey, List<MetricPoint>> points(Collection<SeriesKey> keys, Granularity granularity, Instant from, Instant to);

    /** The newest raw sample of a series, if one is kept. */
    Optional<MetricSample> latest(SeriesKey key);

    /** Every series of an owner (a job id, or {@link SeriesKey#clusterOwner}) with the given metric. */
    List<SeriesKey> series(String owner, MetricName metric);

    /** Every series of an owner. */
    List<SeriesKey> series(String owner);

    /** Deletes what is older than each granularity's retention at {@code now}; returns the rows deleted. */
    long enforceRetention(Instant now);
}
