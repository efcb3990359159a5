package io.streamdesk.service.port;

import io.streamdesk.model.JobId;

import java.time.Instant;
import java.util.List;

/**
 * Read side of the metric store (MO1) as the event rules and metric alarms need it. The monitoring work's
 * store is adapted to this at merge time; until then {@link #NONE} answers no samples.
 */
public interface SeriesReader {

    /** One sample: {@code subject} is the TaskManager id, the vertex id, or "jobmanager"; ratios are 0..1. */
    record Point(Instant at, String subject, double value) {
    }

    /** Raw samples of {@code metric} (a canonical name, MO3) of a job with {@code from <= at < to}, oldest first. */
    List<Point> read(JobId jobId, String metric, Instant from, Instant to);

    SeriesReader NONE = (jobId, metric, from, to) -> List.of();
}
