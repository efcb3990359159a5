package io.streamdesk.ui.flow;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.cluster.PodExit;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.timeline.TimelineCanvas;
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
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes docs/screenshots/k8s-pod-exit-event[-dark].png: a TaskManager pod's exit with code 137 (EV4) on the job's
 * timeline, its details open, with the message the pod-exit watcher makes (over fakes; the real path from a pod
 * status to this event is FlinkOperatorIntegrationTest). Opt-in: {@code -Dstreamdesk.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class PodExitScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) {
        Job job = TimelineFlowTest.seedFailingJob(services);
        Instant at = Instant.now().minusSeconds(600);
        PodExit exit = new PodExit("analytics-session-taskmanager-1-2", "flink-main-container", PodExit.Role.TASK_MANAGER,
                137, "OOMKilled", 1, at);
        int instance = services.jobs().job(job.id()).runInstance();
        services.eventStore.add(new JobEvent(0, job.id(), instance, exit.eventKind(), at,
                "analytics-eu-west-1: " + exit.message(), null,
                "pod analytics-session-taskmanager-1-2, container flink-main-container: terminated, exit code 137"
                        + " (OOMKilled), restart 1", PodExit.meaning(137), null));
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void takeScreenshot(FxRobot robot) throws Exception {
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        robot.clickOn("Timeline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#timelineCanvas").tryQuery().isPresent());
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        robot.interact(() -> canvas.setDark(Boolean.getBoolean("streamdesk.screenshots.dark")));
        robot.clickOn("#rangeBox");
        robot.clickOn("Last hour");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.drawn().stream()
                .anyMatch(e -> e.kind() == io.streamdesk.model.EventKind.TM_POD_ABNORMAL_EXIT));
        JobEvent pod = canvas.drawn().stream()
                .filter(e -> e.kind() == io.streamdesk.model.EventKind.TM_POD_ABNORMAL_EXIT).findFirst().orElseThrow();
        robot.clickOn(canvas.localToScreen(canvas.pointOf(pod)));
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Path.of(TARGET).resolve("k8s-pod-exit-event" + suffix + ".png");
        Snapshots.write(robot, shell.scene, out);
        assertThat(out).exists();
    }
}
