package io.streamdesk.service.metrics;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.MetricStore;
import io.streamdesk.service.port.SeriesReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The metric store (MO1) as the event rules and metric alarms read it (EV2, AL1): raw samples of one canonical metric
 * of a job, with the subject the rules group by. Job metrics have the subject "", vertex and subtask metrics the
 * vertex id (the store's per-vertex series, which already hold the worst or summed subtask), TaskManager metrics
 * the TaskManager id of the job's cluster, and JobManager metrics "jobmanager".
 */
public final class MetricSeriesReader implements SeriesReader {
    static final String JOB_MANAGER_SUBJECT = "jobmanager";

    private final MetricStore store;
    private final JobStore jobs;

    public MetricSeriesReader(MetricStore store, JobStore jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    @Override
    public List<Point> read(JobId jobId, String metric, Instant from, Instant to) {
        Optional<MetricName> name = MetricName.byId(metric);
        if (name.isEmpty()) {
            return List.of();
        }
        MetricName m = name.get();
        List<Point> points = new ArrayList<>();
        switch (m.scope()) {
            case JOB -> add(points, SeriesKey.job(jobId, m), "", from, to);
            case VERTEX, SUBTASK -> store.series(jobId.value(), m).stream()
                    .filter(k -> k.subtaskIndex() < 0)
                    .forEach(k -> add(points, k, k.vertexId(), from, to));
            case TASK_MANAGER -> clusterOf(jobId).ifPresent(cluster ->
                    store.series(SeriesKey.clusterOwner(cluster), m)
                            .forEach(k -> add(points, k, k.subject(), from, to)));
            case JOB_MANAGER -> clusterOf(jobId).ifPresent(cluster ->
                    add(points, SeriesKey.jobManager(cluster, m), JOB_MANAGER_SUBJECT, from, to));
        }
        points.sort(Comparator.comparing(Point::at));
        return points;
    }

    private Optional<String> clusterOf(JobId jobId) {
        return jobs.find(jobId).map(Job::clusterId);
    }

    private void add(List<Point> points, SeriesKey key, String subject, Instant from, Instant to) {
        for (MetricSample s : store.samples(key, from, to)) {
            Instant at = Instant.ofEpochMilli(s.timestamp());
            if (!at.isBefore(from) && at.isBefore(to)) {
                points.add(new Point(at, subject, s.value()));
            }
        }
    }
}
