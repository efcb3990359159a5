package io.streamdesk.ui.flow;

import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/** Opt-in like {@link ScreenshotTest}: the "Opening data…" state and the empty job list. */
@ExtendWith(ApplicationExtension.class)
class StartupScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private ShellHarness shell;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) {
        shell = new ShellHarness(stage, null, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void openingDataThenEmptyList(FxRobot robot) throws Exception {
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot, shell.scene, Path.of(TARGET).resolve("opening-data" + suffix + ".png"));
        robot.interact(() -> shell.vm.servicesReady(new FakeServices()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#openingData").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot, shell.scene, Path.of(TARGET).resolve("job-list-empty" + suffix + ".png"));
    }
}
