package io.streamdesk.service.metrics;

import io.streamdesk.model.Job;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.port.CheckpointReader.CheckpointEntry;
import io.streamdesk.testing.FakeFlinkMetrics;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSamplerTest {
    FakeServices services = new FakeServices();
    Job job;

    private FakeFlinkMetrics start(boolean operatorQualified) {
        FakeFlinkMetrics flink = new FakeFlinkMetrics(operatorQualified);
        services.gateway.serveMetrics(flink);
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT * FROM src;");
        services.jobs().publish(job.id(), "first");
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        return flink;
    }

    private double latest(SeriesKey key) {
        return services.metricStore.latest(key).map(MetricSample::value).orElseThrow(() -> new AssertionError("no " + key));
    }

    @ParameterizedTest(name = "operator-qualified ids: {0}")
    @ValueSource(booleans = {false, true})
    void mapsFlinkMetricsToCanonicalSeriesInEitherIdStyle(boolean operatorQualified) {
        FakeFlinkMetrics flink = start(operatorQualified);

        services.monitoring().sampleNow();

        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_IN_PER_SECOND))).isEqualTo(40);
        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_OUT_PER_SECOND))).isEqualTo(20);
        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_BYTES_IN_PER_SECOND))).isEqualTo(400);
        assertThat(latest(SeriesKey.vertex(job.id(), MetricName.TASK_DATA_SKEW, FakeFlinkMetrics.SOURCE))).isEqualTo(0.5);
        assertThat(latest(SeriesKey.vertex(job.id(), MetricName.TASK_DATA_SKEW, FakeFlinkMetrics.SINK))).isZero();
        assertThat(latest(SeriesKey.subtask(job.id(), MetricName.TASK_RECORDS_IN_PER_SECOND, FakeFlinkMetrics.SINK, 1)))
                .isEqualTo(10);
        assertThat(latest(SeriesKey.taskManager("local", MetricName.TM_HEAP_PERCENTAGE, FakeFlinkMetrics.TM))).isEqualTo(25);
        assertThat(latest(SeriesKey.jobManager("local", MetricName.JM_TASK_SLOTS_TOTAL))).isEqualTo(4);
        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_CPU_LOAD))).isEqualTo(0.25);

        flink.setRates(50, 50, 40, 40);
        services.monitoring().sampleNow();
        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_IN_PER_SECOND))).isEqualTo(100);
    }

    @Test
    void aSourceThatReportsPendingRecordsGivesTheRecordsLag() {
        // the Kafka source reports its consumer lag as FLIP-33's pendingRecords on the source operator; no Kafka
        // broker runs on these machines, so the ids are the ones the Kafka source registers, served by the fake
        FakeFlinkMetrics flink = start(false);
        services.monitoring().sampleNow();
        assertThat(services.metricStore.latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_LAG_MAX)))
                .as("a source without a backlog metric: no lag series").isEmpty();

        flink.set(FakeFlinkMetrics.SOURCE + "/0.Source__orders[1].pendingRecords", 120);
        flink.set(FakeFlinkMetrics.SOURCE + "/1.Source__orders[1].pendingRecords", 30);
        // ids are discovered once per run: the next run discovers the new listing
        services.runs().stop(job.id(), false);
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        services.monitoring().sampleNow();

        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_LAG_MIN))).isEqualTo(30);
        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_LAG_MAX))).isEqualTo(120);
        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_LAG_MEAN))).isEqualTo(75);
        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_LAG_SUM))).isEqualTo(150);
        assertThat(latest(SeriesKey.subtask(job.id(), MetricName.TASK_PENDING_RECORDS, FakeFlinkMetrics.SOURCE, 0))).isEqualTo(120);
        assertThat(latest(SeriesKey.vertex(job.id(), MetricName.TASK_PENDING_RECORDS, FakeFlinkMetrics.SOURCE))).isEqualTo(150);
    }

    @Test
    void bytesEnteringTheJobFallBackToTheSourceTasksOutputWhenTheSourceOperatorCountsNone() {
        // as a real Flink 2.3 datagen source reports it: the operator's numBytesOut stays 0, the task's is counted
        FakeFlinkMetrics flink = start(false);
        for (int i = 0; i < 2; i++) {
            flink.set(FakeFlinkMetrics.SOURCE + "/" + i + ".Source__orders[1].numBytesOutPerSecond", 0);
            flink.set(FakeFlinkMetrics.SOURCE + "/" + i + ".numBytesOutPerSecond", 700 + i * 100);
        }
        services.monitoring().sampleNow();

        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_BYTES_IN_PER_SECOND))).isEqualTo(1500);
    }

    @Test
    void latencyHistogramsThatAppearAfterDiscoveryAreFoundAndGiveTheJobLatency() {
        FakeFlinkMetrics flink = start(false);
        services.monitoring().sampleNow();
        assertThat(services.metricStore.latest(SeriesKey.job(job.id(), MetricName.JOB_LATENCY))).isEmpty();

        // the first latency marker reaches the sink: Flink registers the histogram after the vertex was listed
        flink.set(FakeFlinkMetrics.SINK + "/0.latency.source_id.s.operator_id.o.operator_subtask_index.0.latency_median", 18);
        flink.set(FakeFlinkMetrics.SINK + "/1.latency.source_id.s.operator_id.o.operator_subtask_index.1.latency_median", 25);
        services.monitoring().sampleNow();
        services.monitoring().sampleNow();
        assertThat(services.metricStore.latest(SeriesKey.job(job.id(), MetricName.JOB_LATENCY)))
                .as("not listed again on every tick").isEmpty();
        services.monitoring().sampleNow(); // the run's 4th tick lists the sink vertex again

        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_LATENCY))).isEqualTo(25);
    }

    @Test
    void afterDiscoveryATickCostsAtMostTwoPlusVerticesRequestsPerJob() {
        FakeFlinkMetrics flink = start(false);
        services.monitoring().sampleNow(); // discovery: plan, listings

        flink.requests.set(0);
        services.monitoring().sampleNow();
        int steady = flink.requests.get();

        // cluster-level: JobManager 1 + TaskManager 1; job: job metrics 1 + 2 vertices (no checkpoint change)
        int clusterLevel = 2;
        assertThat(steady - clusterLevel).isLessThanOrEqualTo(2 + 2);

        flink.set("numberOfCompletedCheckpoints", 1);
        flink.addCheckpoint(new CheckpointEntry(1, "COMPLETED", "CHECKPOINT", false, 1_000, 1_050, 50, 4096,
                "file:/tmp/chk-1", false, null));
        flink.requests.set(0);
        services.monitoring().sampleNow();
        assertThat(flink.requests.get() - clusterLevel).as("with the checkpoint history").isEqualTo(2 + 2);
        assertThat(services.checkpointStore.list(job.id(), 10)).singleElement()
                .satisfies(c -> {
                    assertThat(c.sizeBytes()).isEqualTo(4096);
                    assertThat(c.status()).isIn(SavepointStatus.COMPLETED, SavepointStatus.CLEARED);
                });
    }

    @Test
    void anUnreachableClusterIsMarkedWithSinceWhenAndSamplingResumesByItself() {
        FakeFlinkMetrics flink = start(false);
        services.monitoring().sampleNow();

        flink.down(true);
        var tick = services.monitoring().sampleNow();
        assertThat(tick.unreachableClusters()).containsExactly("local");
        var since = services.monitoring().clusterUnreachableSince("local");
        assertThat(since).isPresent();
        services.monitoring().sampleNow();
        assertThat(services.monitoring().clusterUnreachableSince("local")).as("first failure kept").isEqualTo(since);
        assertThat(services.monitoring().state(job.id()).clusterUnreachableSince()).isEqualTo(since.get());

        flink.down(false);
        flink.setRates(1, 1, 1, 1);
        services.monitoring().sampleNow();
        assertThat(services.monitoring().clusterUnreachableSince("local")).isEmpty();
        assertThat(latest(SeriesKey.job(job.id(), MetricName.JOB_RECORDS_IN_PER_SECOND))).isEqualTo(2);
    }

    @Test
    void vertexPickerListsVerticesWithTheirNames() {
        start(false);
        services.monitoring().sampleNow();

        assertThat(services.monitoring().vertices(job.id()))
                .extracting(MonitoringService.VertexRef::name)
                .containsExactlyInAnyOrder("Source: orders", "Sink: out");
        assertThat(services.monitoring().taskManagers(job.id())).containsExactly(FakeFlinkMetrics.TM);
    }
}
