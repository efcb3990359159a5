package io.streamdesk.app;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.MetricSample;
import io.streamdesk.model.metrics.SeriesKey;
import io.streamdesk.service.RestoreChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring on real parts (MO1, C1, C2): the embedded local cluster (real Flink 2.3.0), the H2 store, the sampler
 * as the app wires it (ticks are driven by the test instead of the 15 s schedule).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIntegrationTest {
    static final String SQL = """
            SET 'execution.checkpointing.interval' = '2s';
            CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen', 'rows-per-second' = '50',
                'fields.id.min' = '1', 'fields.id.max' = '20');
            CREATE TABLE totals (id BIGINT, total DOUBLE) WITH ('connector' = 'blackhole');
            INSERT INTO totals SELECT id, SUM(amount) FROM orders GROUP BY id;
            """;

    @TempDir
    static Path dataDir;
    static AppContext app;
    static Job job;

    @BeforeAll
    static void open() {
        // closing need not stop the job with a savepoint: JobLifecycleTest covers that, here it only costs time
        app = AppContext.open(dataDir, AppOptions.forTests().withStopJobsOnClose(false));
        app.clusters().startAll();
        job = app.jobs().createSqlJob("Totals", "/monitoring");
        app.jobs().saveDraft(job.id(), SQL);
        app.jobs().publish(job.id(), "stateful aggregate, checkpoint every 2 s");
        job = app.runs().run(job.id(), 1, RestoreChoice.fresh());
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    /** Ticks the sampler until the condition holds (Flink refreshes its metric values every 2 s here). */
    private static void sampleUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            app.monitoring().sampleNow();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(1000);
        }
    }

    private static List<MetricSample> samples(MetricName name) {
        return app.monitoring().read(List.of(SeriesKey.job(job.id(), name)),
                io.streamdesk.model.metrics.Granularity.RAW, Instant.EPOCH, Instant.now().plusSeconds(60))
                .values().iterator().next().stream()
                .map(p -> new MetricSample(SeriesKey.job(job.id(), name), p.timestamp(), p.last())).toList();
    }

    @Test
    @Order(1)
    void recordsInAndOutSamplesAppearAndGrow() throws Exception {
        sampleUntil(() -> samples(MetricName.JOB_RECORDS_IN_PER_SECOND).stream().anyMatch(s -> s.value() > 0)
                && samples(MetricName.JOB_RECORDS_OUT_PER_SECOND).stream().anyMatch(s -> s.value() > 0),
                Duration.ofSeconds(60));
        int before = samples(MetricName.JOB_RECORDS_IN_PER_SECOND).size();
        Thread.sleep(1100);
        app.monitoring().sampleNow();

        assertThat(samples(MetricName.JOB_RECORDS_IN_PER_SECOND)).hasSizeGreaterThan(before);
        assertThat(app.monitoring().vertices(job.id())).hasSize(2);
        assertThat(app.monitoring().taskManagers(job.id())).hasSize(1);
        assertThat(app.monitoring().series(job.id())).extracting(SeriesKey::metric)
                .contains(MetricName.JOB_UPTIME, MetricName.TASK_BUSY_TIME, MetricName.TASK_DATA_SKEW);
    }

    @Test
    @Order(2)
    void periodicCheckpointsAppearWithSizes() throws Exception {
        sampleUntil(() -> app.checkpoints().list(job.id()).stream()
                .anyMatch(c -> c.source() == SavepointSource.PERIODIC && c.status() == SavepointStatus.COMPLETED
                        && c.sizeBytes() != null && c.sizeBytes() > 0), Duration.ofSeconds(60));

        CheckpointRecord periodic = app.checkpoints().list(job.id()).stream()
                .filter(c -> c.source() == SavepointSource.PERIODIC && c.status() == SavepointStatus.COMPLETED)
                .findFirst().orElseThrow();
        assertThat(periodic.version()).isEqualTo(1);
        assertThat(periodic.duration()).isNotNull();
        assertThat(periodic.completedAt()).isAfterOrEqualTo(periodic.triggeredAt());
        assertThat(periodic.location()).contains(dataDir.getFileName().toString());
        // P3: the local cluster keeps the newest 5, so more than one periodic checkpoint can be restored from
        sampleUntil(() -> app.checkpoints().restorable(job.id()).stream()
                .filter(c -> c.source() == SavepointSource.PERIODIC).count() >= 2, Duration.ofSeconds(60));
    }

    @Test
    @Order(3)
    void aManualSavepointWithADescriptionAppearsAndCanBeUsedToRun() {
        SavepointRecord savepoint = app.checkpoints().triggerSavepoint(job.id(), "before the upgrade");

        CheckpointRecord listed = app.checkpoints().list(job.id()).stream()
                .filter(c -> savepoint.location().equals(c.location())).findFirst().orElseThrow();
        assertThat(listed.description()).isEqualTo("before the upgrade");
        assertThat(listed.source()).isEqualTo(SavepointSource.MANUAL);
        assertThat(app.checkpoints().restorable(job.id())).extracting(CheckpointRecord::location)
                .contains(savepoint.location());

        app.runs().stop(job.id(), false);
        Job again = app.runs().run(job.id(), 1, RestoreChoice.path(savepoint.location()));

        assertThat(again.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(app.runs().runs(job.id()).get(0).restoredFrom()).isEqualTo(savepoint.location());
        assertThat(app.monitoring().dashboardUrl(job.id())).endsWith("/#/job/running/" + again.flinkJobId() + "/overview");
    }

    @Test
    @Order(4)
    void aRetainedPeriodicCheckpointIsTheLatestRestorePointAfterACancel() throws Exception {
        // V4: "run from the latest checkpoint" — v2 keeps its checkpoints when cancelled (P3's selectable retention)
        app.runs().stop(job.id(), false);
        app.jobs().saveDraft(job.id(), SQL, JobConfig.defaults().withParameters(JobConfig.DEFAULT_PARAMETERS.replace(
                "externalized-checkpoint-retention: DELETE_ON_CANCELLATION", "externalized-checkpoint-retention: RETAIN_ON_CANCELLATION")
                + "metrics.latency.interval: 500 ms\n"));
        app.jobs().publish(job.id(), "keep checkpoints on cancel, track latency");
        job = app.runs().run(job.id(), 2, RestoreChoice.fresh());
        String flinkJob = job.flinkJobId();
        sampleUntil(() -> app.checkpoints().list(job.id()).stream().anyMatch(c -> flinkJob.equals(c.flinkJobId())
                && c.source() == SavepointSource.PERIODIC && c.status() == SavepointStatus.COMPLETED), Duration.ofSeconds(60));
        // MO3 job_latency: latency tracking's histograms, found when the sink vertex is listed again
        sampleUntil(() -> samples(MetricName.JOB_LATENCY).stream().anyMatch(s -> s.value() >= 0), Duration.ofSeconds(60));
        app.runs().stop(job.id(), false);

        CheckpointRecord latest = app.runs().latestRestorePoint(job.id()).orElseThrow();
        assertThat(latest.kind()).isEqualTo("CHECKPOINT");
        assertThat(latest.flinkJobId()).isEqualTo(flinkJob);
        assertThat(app.checkpoints().stillExists(latest.location())).as("retained after the cancel").isTrue();

        Job again = app.runs().run(job.id(), 2, RestoreChoice.latest());

        assertThat(again.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(app.runs().runs(job.id()).get(0).restoredFrom()).isEqualTo(latest.location());
    }
}
