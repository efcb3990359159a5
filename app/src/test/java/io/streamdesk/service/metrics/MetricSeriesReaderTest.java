package io.streamdesk.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.port.SeriesReader.Point;
import io.streamdesk.testing.InMemoryJobStore;
import io.streamdesk.testing.InMemoryMetricStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event rules read the monitoring store through this adapter: subjects and time bounds must be right. */
class MetricSeriesReaderTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final InMemoryMetricStore store = new InMemoryMetricStore();
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final JobId job = JobId.generate();
    private final MetricSeriesReader reader = new MetricSeriesReader(store, jobs);

    MetricSeriesReaderTest() {
        jobs.create(new Job(job, "j", "/", JobType.SQL, "local", JobStatus.RUNNING, null, T0, Duration.ZERO, null, 0,
                null, null));
    }

    @Test
    void vertexMetricsUseThePerVertexSeriesWithTheVertexAsSubject() {
        MetricName bp = MetricName.TASK_BACKPRESSURED_TIME;
        store.append(List.of(
                new MetricSample(SeriesKey.vertex(job, bp, "v1"), T0.toEpochMilli(), 800),
                new MetricSample(SeriesKey.subtask(job, bp, "v1", 0), T0.toEpochMilli(), 900),
                new MetricSample(SeriesKey.vertex(job, bp, "v2"), T0.plusSeconds(15).toEpochMilli(), 10)));
        List<Point> points = reader.read(job, bp.id(), T0, T0.plusSeconds(60));
        assertThat(points).containsExactly(new Point(T0, "v1", 800), new Point(T0.plusSeconds(15), "v2", 10));
    }

    @Test
    void taskManagerAndJobManagerSeriesComeFromTheJobsCluster() {
        store.append(List.of(
                new MetricSample(SeriesKey.taskManager("local", MetricName.TM_CPU_LOAD, "tm-1"), T0.toEpochMilli(), 0.9),
                new MetricSample(SeriesKey.taskManager("other", MetricName.TM_CPU_LOAD, "tm-9"), T0.toEpochMilli(), 0.1),
                new MetricSample(SeriesKey.jobManager("local", MetricName.JM_OLD_GC_TIME), T0.toEpochMilli(), 42)));
        assertThat(reader.read(job, MetricName.TM_CPU_LOAD.id(), T0, T0.plusSeconds(1)))
                .containsExactly(new Point(T0, "tm-1", 0.9));
        assertThat(reader.read(job, MetricName.JM_OLD_GC_TIME.id(), T0, T0.plusSeconds(1)))
                .containsExactly(new Point(T0, "jobmanager", 42));
    }

    @Test
    void theEndOfTheWindowIsExcludedAndUnknownNamesReadNothing() {
        MetricName restarts = MetricName.JOB_RESTARTS;
        store.append(List.of(new MetricSample(SeriesKey.job(job, restarts), T0.toEpochMilli(), 1),
                new MetricSample(SeriesKey.job(job, restarts), T0.plusSeconds(60).toEpochMilli(), 2)));
        assertThat(reader.read(job, restarts.id(), T0, T0.plusSeconds(60))).containsExactly(new Point(T0, "", 1));
        assertThat(reader.read(job, "no_such_metric", T0, T0.plusSeconds(60))).isEmpty();
    }
}
