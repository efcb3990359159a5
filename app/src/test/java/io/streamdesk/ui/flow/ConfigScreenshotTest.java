package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.app.AppContext;
import io.streamdesk.app.AppOptions;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.VersionRunService.RunRequest;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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
 * Writes docs/screenshots/config-*.png from the real app on the real local cluster: the Configuration tab, and the Run
 * dialog comparing a real savepoint with a version that removed its aggregation. Opt-in (it overwrites files and takes
 * a minute): {@code mvn -o -q test -Dtest='io.streamdesk.ui.flow.ConfigScreenshotTest' -Dstreamdesk.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ConfigScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private static AppContext app;
    private static Path dataDir;
    private ShellHarness shell;

    @BeforeAll
    static void seed() throws Exception {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
        dataDir = Files.createTempDirectory("config-shots");
        app = AppContext.open(dataDir, AppOptions.forTests());
        app.clusters().startAll();
        Job job = app.jobs().createSqlJob("order-totals", "/shop");
        JobConfig config = JobConfig.defaults().withResources(new JobResources(0.5, 0.5, 2));
        app.jobs().saveDraft(job.id(), io.streamdesk.app.StateCompatibilityIntegrationTest.WITH_AGGREGATE, config);
        app.jobs().publish(job.id(), "Totals per customer");
        app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));
        app.runs().stop(job.id(), true);
        app.jobs().saveDraft(job.id(), io.streamdesk.app.StateCompatibilityIntegrationTest.WITHOUT_AGGREGATE, config);
        app.jobs().publish(job.id(), "Copy orders without totals");
        app.jobs().saveDraft(job.id(), io.streamdesk.app.StateCompatibilityIntegrationTest.WITHOUT_AGGREGATE,
                config.withParameters(JobConfig.DEFAULT_PARAMETERS
                        + "env.java.opts: -XX:+UseG1GC\n"
                        + "table.exec.mini-batch.enabled true\n"
                        + "env.java.opts.taskmanager: -XX:+UseG1GC\n"));
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    @Start
    void start(Stage stage) {
        shell = new ShellHarness(stage, app, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
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
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("order-totals").tryQuery().isPresent());
        robot.doubleClickOn("order-totals");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Configuration").tryQuery().isPresent());
        robot.clickOn("Configuration");
        Label capacity = robot.lookup("#capacityText").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> capacity.getText().contains("idle"));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "config-tab" + suffix + ".png");

        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#runLatest").tryQuery().isPresent());
        robot.clickOn("#runLatest");
        TableView<?> state = robot.lookup("#runStateTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !state.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Node ok = robot.lookup("#runOkButton").query();
        assertThat(ok.isDisabled()).as("dropping state needs the allow").isTrue();
        snap(robot, ok.getScene(), "config-run-state" + suffix + ".png");
        robot.clickOn("#allowNonRestoredState");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok.isDisabled()).isFalse();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        // J5: with version 1 running, the dialog offers to stop it first
        Job job = app.jobs().list().get(0);
        app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.latest(), StopFirst.DO_NOT_STOP, false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Running".equals(robot.lookup("#jobStatus").queryAs(Label.class).getText()));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#runningVersionBox").tryQuery()
                .map(Node::isVisible).orElse(false));
        Node okAgain = robot.lookup("#runOkButton").query();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !okAgain.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, okAgain.getScene(), "config-run-stop-first" + suffix + ".png");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        app.runs().stop(job.id(), false);
    }

    private void snap(FxRobot robot, javafx.scene.Scene scene, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, scene, out);
        assertThat(out).exists();
    }
}
