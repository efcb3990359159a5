package io.streamdesk.ui.monitoring;

import io.streamdesk.model.Job;
import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeFlinkMetrics;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.SyntheticMetrics;
import io.streamdesk.ui.flow.ShellHarness;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Monitoring tab of a running job over fake metric history: charts draw, range and granularity switch, pages
 * switch with their pickers, hover shows time and values. With {@code -Dstreamdesk.screenshots=docs/screenshots}
 * it also writes docs/screenshots/monitoring-*.png (add {@code -Dstreamdesk.screenshots.dark=true} for dark ones).
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringTabTest {
    private static final String SHOTS = System.getProperty("streamdesk.screenshots");
    private FakeServices services;
    private ShellHarness shell;
    private Job job;

    @org.junit.jupiter.api.io.TempDir
    static Path dataDir;

    @Start
    void start(Stage stage) {
        services = new FakeServices(dataDir);
        FakeFlinkMetrics flink = new FakeFlinkMetrics(false);
        flink.setRates(600, 840, 700, 680); // in line with the synthetic history
        flink.set(FakeFlinkMetrics.SINK + "/0.currentInputWatermark", System.currentTimeMillis() - 1500);
        flink.set(FakeFlinkMetrics.SINK + "/1.currentInputWatermark", System.currentTimeMillis() - 1500);
        for (int i = 0; i < 2; i++) {
            flink.set(FakeFlinkMetrics.SOURCE + "/" + i + ".Source__orders[1].numBytesOutPerSecond", 60_000);
            flink.set(FakeFlinkMetrics.SINK + "/" + i + ".numBytesInPerSecond", 40_000);
        }
        flink.set("Status.JVM.Memory.Heap.Used", 350e6);
        flink.set("Status.JVM.Memory.Heap.Max", 768e6);
        flink.set("Status.JVM.GarbageCollector.G1_Young_Generation.Count", 2100);
        flink.set("Status.JVM.CPU.Load", 0.45);
        long now = System.currentTimeMillis();
        String base = services.dataDirectory().resolve("savepoints").toUri().toString();
        for (int i = 1; i <= 6; i++) {
            long t = now - (7 - i) * 60_000L;
            flink.addCheckpoint(new io.streamdesk.service.port.ClusterGateway.CheckpointEntry(100 + i,
                    i == 4 ? "FAILED" : "COMPLETED", "CHECKPOINT", false, t, t + 420 + i * 17, 420 + i * 17,
                    i == 4 ? 0 : 38_000_000L + i * 310_000L, i == 4 ? null : base + "chk-" + (100 + i), i < 3,
                    i == 4 ? "Checkpoint expired before completing." : null));
        }
        flink.set("numberOfCompletedCheckpoints", 5);
        try {
            // the newest two still on disk (Flink keeps the newest few), a manual savepoint with a description
            java.nio.file.Files.createDirectories(services.dataDirectory().resolve("savepoints").resolve("chk-105"));
            java.nio.file.Files.createDirectories(services.dataDirectory().resolve("savepoints").resolve("chk-106"));
            java.nio.file.Files.createDirectories(services.dataDirectory().resolve("savepoints").resolve("savepoint-7f3a"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        services.gateway.serveMetrics(flink);
        job = services.jobs().createSqlJob("orders-enrichment", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO enriched SELECT * FROM orders;");
        services.jobs().publish(job.id(), "Join orders with customers");
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());
        services.monitoring().sampleNow(); // vertex names and TaskManager ids, as after a first tick
        services.runStore.addSavepoint(job.id(), 1, 1, base + "savepoint-7f3a", io.streamdesk.model.SavepointSource.MANUAL,
                io.streamdesk.model.SavepointStatus.COMPLETED, "before the customer-table upgrade", Instant.now());
        new SyntheticMetrics(Instant.now()).fill(services.metricStore, job.id(), "local", FakeFlinkMetrics.TM,
                List.of(FakeFlinkMetrics.SOURCE, FakeFlinkMetrics.SINK), 2);
        Job fresh = services.jobs().createSqlJob("never-ran", "/");
        services.jobs().saveDraft(fresh.id(), "SELECT 1;");
        services.jobs().publish(fresh.id(), "first");
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    private static void waitFor(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static LineChartCanvas chart(FxRobot robot, int i) {
        return robot.lookup("#chart-" + i).queryAs(LineChartCanvas.class);
    }

    private static boolean hasPoints(FxRobot robot, int i) {
        return robot.lookup("#chart-" + i).tryQuery().map(n -> !((LineChartCanvas) n).data().isEmpty()).orElse(false);
    }

    @Test
    void showsChartsForARunningJobAndSwitchesRangeGranularityAndPages(FxRobot robot) throws Exception {
        robot.doubleClickOn("orders-enrichment");
        waitFor(() -> robot.lookup("#runButton").tryQuery().isPresent());
        robot.clickOn("Monitoring");
        waitFor(() -> hasPoints(robot, 0));
        LineChartCanvas records = chart(robot, 0);
        assertThat(records.data().title()).isEqualTo("Records per second");
        int lastHour = records.data().points();
        assertThat(lastHour).isBetween(2 * 50, 2 * 62);
        snap(robot, "monitoring-overview");
        // a running job that does not report a metric: the chart says why and what to do
        assertThat(chart(robot, 2).data().title()).isEqualTo("Latency");
        assertThat(chart(robot, 2).data().emptyMessage()).contains("metrics.latency.interval");
        assertThat(chart(robot, 4).data().title()).isEqualTo("Records lag (Kafka)");
        assertThat(chart(robot, 4).data().emptyMessage()).contains("pendingRecords");

        ComboBox<TimeRange> range = robot.lookup("#rangeBox").queryComboBox();
        robot.interact(() -> range.setValue(TimeRange.LAST_7_DAYS));
        waitFor(() -> chart(robot, 0).data().points() > 10 * lastHour);
        int weekAtMinute = chart(robot, 0).data().points();
        assertThat(chart(robot, 0).viewTo() - chart(robot, 0).viewFrom()).isGreaterThan(6L * 86_400_000);

        ComboBox<Granularity> granularity = robot.lookup("#granularityBox").queryComboBox();
        robot.interact(() -> granularity.setValue(Granularity.FIVE_MINUTES));
        waitFor(() -> chart(robot, 0).data().points() < weekAtMinute / 3);
        assertThat(chart(robot, 0).data().points()).isGreaterThan(weekAtMinute / 6);
        snap(robot, "monitoring-overview-7days");

        // MO1: the sampling interval is a setting, kept for the next start
        ComboBox<java.time.Duration> every = robot.lookup("#sampleIntervalBox").queryComboBox();
        assertThat(every.getValue()).isEqualTo(java.time.Duration.ofSeconds(15));
        robot.interact(() -> every.setValue(java.time.Duration.ofSeconds(30)));
        waitFor(() -> services.monitoring().sampleInterval().equals(java.time.Duration.ofSeconds(30)));
        assertThat(services.settingsStore.get(io.streamdesk.service.metrics.MonitoringService.INTERVAL_KEY)).contains("30");

        // hover shows the time and the values of the nearest points
        robot.interact(() -> records.hover(records.getWidth() / 2));
        assertThat(chart(robot, 0).tooltipText()).matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\nin: .*\\nout: .*");
        // zoom in: the view narrows inside the range
        long span = chart(robot, 0).viewTo() - chart(robot, 0).viewFrom();
        robot.interact(() -> chart(robot, 0).zoom(300, 0.5));
        assertThat(chart(robot, 0).viewTo() - chart(robot, 0).viewFrom()).isLessThan(span);

        robot.interact(() -> range.setValue(TimeRange.LAST_DAY));
        robot.interact(() -> granularity.setValue(Granularity.ONE_MINUTE));
        robot.clickOn("#page-tasks");
        waitFor(() -> chart(robot, 0).data().title().startsWith("Records in") && !chart(robot, 0).data().isEmpty());
        assertThat(chart(robot, 0).data().lines()).extracting(ChartData.Line::name).containsExactly("subtask 0", "subtask 1");
        ComboBox<?> vertices = robot.lookup("#vertexBox").queryComboBox();
        assertThat(vertices.getItems()).extracting(Object::toString).contains("Source: orders", "Sink: out");
        snap(robot, "monitoring-tasks");

        robot.clickOn("#page-task_manager");
        waitFor(() -> chart(robot, 0).data().title().equals("CPU load") && !chart(robot, 0).data().isEmpty());
        assertThat(robot.lookup("#taskManagerBox").queryComboBox().getValue()).isEqualTo(FakeFlinkMetrics.TM);
        snap(robot, "monitoring-taskmanager");

        robot.clickOn("#page-job_manager");
        waitFor(() -> chart(robot, 1).data().title().equals("Heap") && !chart(robot, 1).data().isEmpty());
        snap(robot, "monitoring-jobmanager");

        robot.clickOn("#page-checkpoints");
        waitFor(() -> chart(robot, 0).data().title().equals("Last checkpoint size") && !chart(robot, 0).data().isEmpty());
        snap(robot, "monitoring-checkpoints");

        // the Checkpoints tab (C1): Flink's history as the app kept it
        javafx.scene.control.TabPane tabs = robot.lookup("#jobTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "checkpointsTab".equals(t.getId())).findFirst().orElseThrow()));
        javafx.scene.control.TableView<?> table = robot.lookup("#checkpointTable").queryAs(javafx.scene.control.TableView.class);
        waitFor(() -> table.getItems().size() == 7);
        assertThat(table.getItems()).extracting(r -> ((io.streamdesk.model.CheckpointRecord) r).status())
                .contains(io.streamdesk.model.SavepointStatus.CLEARED, io.streamdesk.model.SavepointStatus.EXPIRED);
        snap(robot, "monitoring-checkpoint-list");
    }

    @Test
    void emptyChartsSayWhy(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("never-ran").tryQuery().isPresent());
        robot.doubleClickOn("never-ran");
        waitFor(() -> robot.lookup("#runButton").tryQuery().isPresent());
        robot.clickOn("Monitoring");
        waitFor(() -> robot.lookup("#chart-0").tryQuery().isPresent()
                && !chart(robot, 0).data().emptyMessage().isEmpty());
        assertThat(chart(robot, 0).data().isEmpty()).isTrue();
        assertThat(chart(robot, 0).data().emptyMessage()).contains("never run");
    }

    private void snap(FxRobot robot, String name) {
        if (SHOTS == null || SHOTS.isBlank()) {
            return;
        }
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        io.streamdesk.ui.flow.SnapshotsAccess.write(robot, shell.scene, Path.of(SHOTS).resolve(name + suffix + ".png"));
    }
}
