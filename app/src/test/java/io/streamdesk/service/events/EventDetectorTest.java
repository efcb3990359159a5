package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.SeriesReader;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector over the fake cluster: state polling, checkpoint counters, metric rules over a series reader. */
class EventDetectorTest {
    private final FakeServices services = new FakeServices();
    private final List<SeriesReader.Point> samples = new CopyOnWriteArrayList<>();
    private final SeriesReader series = (job, metric, from, to) -> samples.stream()
            .filter(p -> p.subject().startsWith(metric + "|") && !p.at().isBefore(from) && p.at().isBefore(to))
            .map(p -> new SeriesReader.Point(p.at(), p.subject().substring(metric.length() + 1), p.value())).toList();
    private EventDetector detector;
    private Job job;

    @BeforeEach
    void setUp() {
        services.clusters().startAll();
        job = services.jobs().createSqlJob("orders", "/prod");
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "v1");
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        detector = new EventDetector(services.jobStore, services.clusters(), series, new EventRecorder(services.eventStore),
                services.eventStore, Clock.systemUTC());
    }

    private List<JobEvent> oldestFirst() {
        List<JobEvent> events = new ArrayList<>(services.eventStore.listForJob(job.id(), 100));
        Collections.reverse(events);
        return events;
    }

    @Test
    void restartingAndRunningAgainGiveFailedThenRecovered() {
        detector.pollStates(); // first look: RUNNING
        services.gateway.setState(job.flinkJobId(), "RESTARTING");
        detector.pollStates();
        detector.pollStates(); // the same state again is no new event
        services.gateway.setState(job.flinkJobId(), "RUNNING");
        detector.pollStates();
        List<JobEvent> events = oldestFirst();
        assertThat(events).extracting(JobEvent::kind)
                .containsExactly(EventKind.JOB_STARTED, EventKind.JOB_FAILED, EventKind.JOB_RECOVERED);
        assertThat(events.get(1).clearedAt()).isNotNull();
        assertThat(events.get(1).runInstance()).isEqualTo(job.runInstance());
    }

    @Test
    void aNewFailedCheckpointThenACompletedOne() {
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(3, 0, 0, null, null);
        detector.pollStates();
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(3, 1, 0, null, null);
        detector.pollStates();
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(4, 1, 0, null, null);
        detector.pollStates();
        assertThat(oldestFirst()).extracting(JobEvent::kind)
                .containsExactly(EventKind.JOB_STARTED, EventKind.CHECKPOINT_FAILED, EventKind.CHECKPOINT_RECOVERED);
    }

    @Test
    void aCompletedCheckpointOfTheNextRunClearsTheFailureOfThePreviousRun() {
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(0, 0, 0, null, null);
        detector.pollStates();
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(0, 3, 0, null, null);
        detector.pollStates(); // run 1: checkpoints fail
        services.runs().stop(job.id(), false);
        detector.pollStates(); // the stopped job is not watched
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh()); // the user runs the job again: run 2
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(0, 0, 0, null, null);
        detector.pollStates(); // first look at run 2
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(1, 0, 0, null, null);
        detector.pollStates();

        List<JobEvent> events = oldestFirst();
        JobEvent failed = events.stream().filter(e -> e.kind() == EventKind.CHECKPOINT_FAILED).findFirst().orElseThrow();
        JobEvent recovered = events.stream().filter(e -> e.kind() == EventKind.CHECKPOINT_RECOVERED).findFirst().orElseThrow();
        assertThat(failed.runInstance()).isEqualTo(1);
        assertThat(recovered.runInstance()).isEqualTo(2);
        assertThat(failed.clearedAt()).as("cleared by the completed checkpoint of run 2").isEqualTo(recovered.at());
    }

    @Test
    void aNewRunWithoutACompletedCheckpointLeavesThePreviousFailureOpen() {
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(0, 0, 0, null, null);
        detector.pollStates();
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(0, 1, 0, null, null);
        detector.pollStates();
        services.runs().stop(job.id(), false);
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        services.gateway.checkpointSummary = new ClusterGateway.CheckpointSummary(0, 0, 0, null, null);
        detector.pollStates();
        detector.pollStates();
        assertThat(oldestFirst()).extracting(JobEvent::kind).doesNotContain(EventKind.CHECKPOINT_RECOVERED);
        assertThat(oldestFirst()).filteredOn(e -> e.kind() == EventKind.CHECKPOINT_FAILED).singleElement()
                .satisfies(e -> assertThat(e.cleared()).isFalse());
    }

    @Test
    void metricRulesReadTheLastFiveMinutesAndNameTheBackpressureRoot() {
        Instant now = Instant.now();
        for (int i = 1; i <= 8; i++) {
            Instant at = now.minusSeconds(30L * i);
            samples.add(new SeriesReader.Point(at, MetricNames.JM_CPU_LOAD + "|jobmanager", 0.95));
            samples.add(new SeriesReader.Point(at, MetricNames.TASK_BACKPRESSURED_TIME + "|v1", 900));
            samples.add(new SeriesReader.Point(at, MetricNames.TASK_BUSY_TIME + "|v1", 50));
            samples.add(new SeriesReader.Point(at, MetricNames.TASK_BACKPRESSURED_TIME + "|v2", 100));
            samples.add(new SeriesReader.Point(at, MetricNames.TASK_BUSY_TIME + "|v2", 950));
        }
        samples.add(new SeriesReader.Point(now.minusSeconds(600), MetricNames.TM_CPU_LOAD + "|tm-1", 0.99)); // outside the window
        services.gateway.vertexList.add(new ClusterGateway.Vertex("v1", "Source: orders"));
        services.gateway.vertexList.add(new ClusterGateway.Vertex("v2", "Join customers"));
        detector.checkMetrics();
        List<JobEvent> events = oldestFirst();
        assertThat(events).extracting(JobEvent::kind).contains(EventKind.JM_CPU_TOO_HIGH, EventKind.BACKPRESSURE_TOO_HIGH)
                .doesNotContain(EventKind.TM_CPU_TOO_HIGH);
        JobEvent bp = events.stream().filter(e -> e.kind() == EventKind.BACKPRESSURE_TOO_HIGH).findFirst().orElseThrow();
        assertThat(bp.message()).contains("root cause: 'Join customers'");
        detector.checkMetrics(); // EV3: not again within the hour
        assertThat(services.eventStore.listForJob(job.id(), 100)).hasSize(events.size());
    }
}
