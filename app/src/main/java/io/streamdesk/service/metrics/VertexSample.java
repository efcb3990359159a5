package io.streamdesk.service.metrics;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One vertex's answer turned into canonical samples: one series per subtask and field, one per vertex (rates summed,
 * times, pool usages and queues at their worst subtask, the watermark at its smallest) and the data skew.
 */
final class VertexSample {
    /** The canonical per-subtask name of each field, and how the vertex series combines subtasks. */
    private static final Map<VertexField, MetricName> NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(VertexField.RECORDS_IN, MetricName.TASK_RECORDS_IN_PER_SECOND),
            Map.entry(VertexField.RECORDS_OUT, MetricName.TASK_RECORDS_OUT_PER_SECOND),
            Map.entry(VertexField.BYTES_IN, MetricName.TASK_BYTES_IN_PER_SECOND),
            Map.entry(VertexField.BYTES_OUT, MetricName.TASK_BYTES_OUT_PER_SECOND),
            Map.entry(VertexField.BACKPRESSURED, MetricName.TASK_BACKPRESSURED_TIME),
            Map.entry(VertexField.BUSY, MetricName.TASK_BUSY_TIME),
            Map.entry(VertexField.IDLE, MetricName.TASK_IDLE_TIME),
            Map.entry(VertexField.INPUT_WATERMARK, MetricName.TASK_INPUT_WATERMARK),
            Map.entry(VertexField.IN_POOL_USAGE, MetricName.TASK_IN_POOL_USAGE),
            Map.entry(VertexField.OUT_POOL_USAGE, MetricName.TASK_OUT_POOL_USAGE),
            Map.entry(VertexField.INPUT_QUEUE_LENGTH, MetricName.TASK_INPUT_QUEUE_LENGTH),
            Map.entry(VertexField.OUTPUT_QUEUE_LENGTH, MetricName.TASK_OUTPUT_QUEUE_LENGTH),
            Map.entry(VertexField.PENDING_RECORDS, MetricName.TASK_PENDING_RECORDS)));

    private final JobId job;
    private final String vertexId;
    private final long now;
    private final Map<VertexField, double[]> values = new EnumMap<>(VertexField.class);
    private double latency = Double.NaN;

    private VertexSample(JobId job, String vertexId, long now) {
        this.job = job;
        this.vertexId = vertexId;
        this.now = now;
    }

    static VertexSample of(JobId job, String vertexId, VertexMetricIds ids, Map<String, Double> answer,
                           boolean source, long now) {
        VertexSample s = new VertexSample(job, vertexId, now);
        for (VertexField f : VertexField.values()) {
            if (ids.has(f)) {
                s.values.put(f, ids.values(f, answer));
            }
        }
        s.latency = ids.latencyMillis(answer);
        return s;
    }

    void addTo(List<MetricSample> out, JobTotals totals, boolean source, boolean sink) {
        NAMES.forEach((field, name) -> {
            double[] perSubtask = values.get(field);
            if (perSubtask == null) {
                return;
            }
            for (int i = 0; i < perSubtask.length; i++) {
                double v = perSubtask[i];
                if (valid(field, v)) {
                    out.add(new MetricSample(SeriesKey.subtask(job, name, vertexId, i), now, v));
                }
            }
            double combined = combine(field, perSubtask);
            if (!Double.isNaN(combined)) {
                out.add(new MetricSample(SeriesKey.vertex(job, name, vertexId), now, combined));
            }
        });
        // the input of a source is what it reads: its emitted records stand for it in the skew
        double[] input = source ? first(VertexField.SOURCE_RECORDS_OUT, VertexField.RECORDS_OUT) : values.get(VertexField.RECORDS_IN);
        double skew = DataSkew.coefficient(input);
        if (!Double.isNaN(skew)) {
            out.add(new MetricSample(SeriesKey.vertex(job, MetricName.TASK_DATA_SKEW, vertexId), now, skew));
        }
        if (source) {
            totals.recordsIn = JobTotals.plus(totals.recordsIn, sum(first(VertexField.SOURCE_RECORDS_OUT, VertexField.RECORDS_OUT)));
            // Flink 2 counts a source's bytes on the task's output, and its source operator's own count stays 0
            totals.bytesIn = JobTotals.plus(totals.bytesIn, sum(firstNonZero(VertexField.SOURCE_BYTES_OUT, VertexField.BYTES_OUT)));
            double[] lag = values.get(VertexField.PENDING_RECORDS);
            if (lag != null) {
                for (double v : lag) {
                    if (!Double.isNaN(v) && v >= 0) {
                        totals.lag.add(v);
                    }
                }
            }
        }
        if (sink) {
            totals.recordsOut = JobTotals.plus(totals.recordsOut, sum(values.get(VertexField.RECORDS_IN)));
            totals.bytesOut = JobTotals.plus(totals.bytesOut, sum(values.get(VertexField.BYTES_IN)));
            if (!Double.isNaN(latency)) {
                totals.latency = Double.isNaN(totals.latency) ? latency : Math.max(totals.latency, latency);
            }
            double wm = combine(VertexField.INPUT_WATERMARK, values.get(VertexField.INPUT_WATERMARK));
            if (!Double.isNaN(wm)) {
                totals.sinkWatermark = Math.min(totals.sinkWatermark, (long) wm);
            }
        }
    }

    /** The preferred field unless it reports nothing but zeros (or nothing), else the fallback. */
    private double[] firstNonZero(VertexField preferred, VertexField fallback) {
        double[] v = values.get(preferred);
        double total = sum(v);
        return v != null && !Double.isNaN(total) && total != 0 ? v : first(fallback, preferred);
    }

    private double[] first(VertexField preferred, VertexField fallback) {
        double[] v = values.get(preferred);
        return v != null ? v : values.get(fallback);
    }

    /** A watermark below zero is Flink's "none yet" (Long.MIN_VALUE). */
    private static boolean valid(VertexField field, double v) {
        return !Double.isNaN(v) && (field != VertexField.INPUT_WATERMARK || v > 0);
    }

    static double combine(VertexField field, double[] perSubtask) {
        if (perSubtask == null) {
            return Double.NaN;
        }
        double result = Double.NaN;
        for (double v : perSubtask) {
            if (!valid(field, v)) {
                continue;
            }
            if (Double.isNaN(result)) {
                result = v;
            } else {
                result = switch (field) {
                    case RECORDS_IN, RECORDS_OUT, BYTES_IN, BYTES_OUT, SOURCE_RECORDS_OUT, SOURCE_BYTES_OUT, PENDING_RECORDS -> result + v;
                    case INPUT_WATERMARK -> Math.min(result, v);
                    default -> Math.max(result, v);
                };
            }
        }
        return result;
    }

    private static double sum(double[] values) {
        if (values == null) {
            return Double.NaN;
        }
        double total = Double.NaN;
        for (double v : values) {
            total = JobTotals.plus(total, v);
        }
        return total;
    }
}
