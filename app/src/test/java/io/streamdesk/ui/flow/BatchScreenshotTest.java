package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

/**
 * Writes docs/screenshots/batch-*.png and copy-dialog.png from the real panes over fakes. Opt-in like
 * {@link ScreenshotTest}: {@code -Dstreamdesk.screenshots=docs/screenshots [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class BatchScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) {
        services.clusters().startAll();
        Job orders = published("orders-enrichment", "/");
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());
        published("clicks-sessionizer", "/web");
        Job audit = services.jobs().createSqlJob("payments-audit", "/finance");
        services.jobs().saveDraft(audit.id(), "-- todo");
        published("inventory-snapshot", "/");
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    private Job published(String name, String folder) {
        Job job = services.jobs().createSqlJob(name, folder);
        services.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT * FROM src;");
        services.jobs().publish(job.id(), "first");
        return job;
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
        TableView<?> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs.getItems().size() == 4);
        robot.clickOn("clicks-sessionizer");
        robot.press(KeyCode.CONTROL).clickOn("payments-audit").clickOn("inventory-snapshot").release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "batch-selection" + suffix + ".png");

        robot.clickOn("#selectionMenu");
        robot.clickOn("Run\u2026 (3 jobs)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#batchRunOk").tryQuery().isPresent());
        robot.clickOn("#batchRunOk");
        Label summary = robot.lookup("#batchSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary.getText().equals("2 ok, 1 failed"));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, summary.getScene(), "batch-results" + suffix + ".png");
        robot.clickOn("#batchClose");

        robot.clickOn("orders-enrichment");
        robot.clickOn("#selectionMenu");
        robot.clickOn("Create copy\u2026");
        TextField name = robot.lookup("#copyName").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !name.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, name.getScene(), "copy-dialog" + suffix + ".png");
        robot.type(KeyCode.ESCAPE);

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcutTable").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, robot.lookup("#shortcutTable").query().getScene(), "batch-shortcuts" + suffix + ".png");
    }

    private void snap(FxRobot robot, Scene scene, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, scene, out);
        assertThat(out).exists();
    }
}
