package io.streamdesk.service.metrics;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;

/**
 * Job-level figures summed over vertices: records and bytes entering the job (what its sources emit) and leaving it
 * (what its sinks take in), and the sinks' smallest input watermark for the service delay.
 */
final class JobTotals {
    double recordsIn = Double.NaN;
    double recordsOut = Double.NaN;
    double bytesIn = Double.NaN;
    double bytesOut = Double.NaN;
    long sinkWatermark = Long.MAX_VALUE;
    /** The largest median latency to a sink vertex's operators (latency tracking), ms. */
    double latency = Double.NaN;
    /** pendingRecords of every source subtask that reports it (Kafka: consumer lag). */
    final List<Double> lag = new ArrayList<>();

    static double plus(double total, double value) {
        if (Double.isNaN(value)) {
            return total;
        }
        return Double.isNaN(total) ? value : total + value;
    }

    void addTo(JobId job, long now, double cpu, List<MetricSample> out) {
        add(out, job, MetricName.JOB_RECORDS_IN_PER_SECOND, now, recordsIn);
        add(out, job, MetricName.JOB_RECORDS_OUT_PER_SECOND, now, recordsOut);
        add(out, job, MetricName.JOB_BYTES_IN_PER_SECOND, now, bytesIn);
        add(out, job, MetricName.JOB_BYTES_OUT_PER_SECOND, now, bytesOut);
        add(out, job, MetricName.JOB_CPU_LOAD, now, cpu);
        add(out, job, MetricName.JOB_LATENCY, now, latency);
        if (!lag.isEmpty()) {
            DoubleSummaryStatistics stats = lag.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            add(out, job, MetricName.JOB_RECORDS_LAG_MIN, now, stats.getMin());
            add(out, job, MetricName.JOB_RECORDS_LAG_MAX, now, stats.getMax());
            add(out, job, MetricName.JOB_RECORDS_LAG_MEAN, now, stats.getAverage());
            add(out, job, MetricName.JOB_RECORDS_LAG_SUM, now, stats.getSum());
        }
        if (sinkWatermark != Long.MAX_VALUE) {
            add(out, job, MetricName.JOB_SERVICE_DELAY, now, Math.max(0, now - sinkWatermark));
        }
    }

    private static void add(List<MetricSample> out, JobId job, MetricName name, long now, double value) {
        if (!Double.isNaN(value)) {
            out.add(new MetricSample(SeriesKey.job(job, name), now, value));
        }
    }
}
