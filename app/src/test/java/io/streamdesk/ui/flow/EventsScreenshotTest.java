package io.streamdesk.ui.flow;

import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.service.port.SeriesReader;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.timeline.TimelineCanvas;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes docs/screenshots/events-*.png (timeline, event details, log search, alarm editor, overview) over fakes.
 * Opt-in like {@link ScreenshotTest}: {@code -Dstreamdesk.screenshots=docs/screenshots [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class EventsScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private static final String LOG = """
            2026-11-24 10:00:00,001 INFO  org.apache.flink.core.plugin.DefaultPluginManager - The plugins directory [plugins] does not exist.
            2026-11-24 10:00:01,000 INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph - Job orders-enrichment switched from state CREATED to RUNNING.
            2026-11-24 10:00:05,000 INFO  org.apache.flink.runtime.taskmanager.Task - Calc[2] -> Sink (1/1)#0 switched from RUNNING to FAILED with failure cause:
            java.lang.RuntimeException: Could not evaluate expression 100 / (id - 60)
            \tat org.apache.flink.table.runtime.generated.StreamExecCalc$9.processElement(Unknown Source)
            Caused by: java.lang.ArithmeticException: / by zero
            \t... 12 more
            2026-11-24 10:00:05,100 INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph - Job orders-enrichment switched from state RUNNING to RESTARTING.
            2026-11-24 10:00:07,100 INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph - Job orders-enrichment switched from state RESTARTING to RUNNING.
            2026-11-24 10:00:09,000 WARN  org.apache.flink.runtime.checkpoint.CheckpointFailureManager - Checkpoint expired before completing.
            """;
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private Job job;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) {
        job = TimelineFlowTest.seedFailingJob(services);
        services.gateway.texts.put("/jobmanager/log", LOG);
        services.gateway.texts.put("/taskmanagers", "{\"taskmanagers\": []}");
        Instant now = Instant.now();
        for (int i = 0; i < 240; i++) {
            double v = i > 150 && i < 190 ? 0.96 : 0.35 + (i % 7) * 0.02;
            services.samples.add(new SeriesReader.Point(now.minusSeconds(30L * (240 - i)), "tm-1", v));
        }
        services.alarms().save(new AlarmRule(0, "Failures in /prod", AlarmRule.Kind.EVENT, true, AlarmRule.Scope.workspace(), null,
                "{\"kind\": [\"JOB_FAILED\", \"CHECKPOINT_FAILED\"], \"folderId\": [{\"prefix\": \"/prod\"}]}",
                new AlarmRule.Channels(true, true, "https://hooks.example.org/streamdesk", null, "oncall@example.org"), null, null));
        services.alarms().save(new AlarmRule(0, "TaskManager CPU", AlarmRule.Kind.METRIC, true, AlarmRule.Scope.workspace(),
                new AlarmRule.MetricCondition("taskmanager_status_jvm_cpu_load", AlarmRule.Comparison.ABOVE, 0.9, 3,
                        Duration.ofMinutes(1), false), null, AlarmRule.Channels.inAppOnly(), null, null));
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        robot.clickOn("Timeline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#timelineCanvas").tryQuery().isPresent());
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        robot.interact(() -> canvas.setDark(Boolean.getBoolean("streamdesk.screenshots.dark")));
        robot.clickOn("#rangeBox");
        robot.clickOn("Last hour");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.drawn().size() >= 5);
        } catch (java.util.concurrent.TimeoutException e) {
 throw new AssertionError("drawn " + canvas.drawn() + " all " + services.eventStore.listAll(100).size() + " summary " + robot.lookup("#summaryLabel").queryAs(javafx.scene.control.Label.class).getText() + " canvases " + robot.lookup("#timelineCanvas").queryAll().size() + " error " + robot.lookup("#errorLabel").queryAs(javafx.scene.control.Label.class).getText());
        }
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "events-timeline" + suffix + ".png");

        JobEvent bp = canvas.drawn().stream().filter(e -> e.kind().name().startsWith("BACKPRESSURE")).findFirst().orElseThrow();
        robot.clickOn(canvas.localToScreen(canvas.pointOf(bp)));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "events-details" + suffix + ".png");

        robot.clickOn("Alarms");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ruleList").tryQuery().isPresent());
        services.eventStore.add(new JobEvent(0, job.id(), 1, io.streamdesk.model.EventKind.CHECKPOINT_FAILED, Instant.now(),
                "2 checkpoint(s) failed", null, "failed checkpoints: 1 -> 3", "Raise the checkpoint timeout.", null));
        services.alarms().evaluateNow();
        ListView<?> rules = robot.lookup("#ruleList").queryAs(ListView.class);
        robot.clickOn("Refresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rules.getItems().size() == 2);
        robot.interact(() -> rules.getSelectionModel().select(1));
        robot.clickOn("Dry run");
        ListView<?> dry = robot.lookup("#dryRunList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dry.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "events-alarms" + suffix + ".png");

        robot.clickOn("Overview");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".overview-figure").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".overview-figure").nth(4).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "events-overview" + suffix + ".png");

        robot.clickOn("Jobs");
        robot.doubleClickOn("orders-enrichment");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#jobLogsTab").tryQuery().isPresent()
                || robot.lookup("Logs").tryQuery().isPresent());
        robot.clickOn("Logs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#fetchButton").tryQuery().isPresent());
        robot.clickOn("#fetchButton");
        ListView<?> lines = robot.lookup("#matchList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lines.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "events-log-search" + suffix + ".png");

        robot.clickOn("Prometheus");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#userField").tryQuery().isPresent());
        robot.clickOn("#enabledBox");
        robot.clickOn("#hostField").eraseText(9).write("push.example.org");
        robot.clickOn("#userField").write("flink");
        robot.clickOn("#passwordField").write("s3cret");
        robot.clickOn("#applyButton");
        javafx.scene.control.TextArea statements = robot.lookup("#previewArea").queryAs(javafx.scene.control.TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> statements.getText().contains("hostUrl"));
        assertThat(statements.getText()).contains("${secret:").doesNotContain("s3cret");
        snap(robot, "events-prometheus" + suffix + ".png");
    }

    private void snap(FxRobot robot, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, shell.scene, out);
        assertThat(out).exists();
    }
}
