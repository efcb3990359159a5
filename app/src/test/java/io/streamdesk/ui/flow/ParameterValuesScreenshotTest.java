package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.service.jobconfig.ConfigProblem;
import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/**
 * Writes docs/screenshots/parameters-bad-values(-dark).png: the Configuration tab with values Flink cannot read,
 * each marked at its line and column. Opt-in: {@code mvn -o -q test -Dtest='ParameterValuesScreenshotTest'
 * -Dstreamdesk.screenshots=docs/screenshots} (add {@code -Dstreamdesk.screenshots.dark=true} for the dark theme).
 */
@ExtendWith(ApplicationExtension.class)
class ParameterValuesScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;

    @BeforeAll
    static void requested() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) {
        Job job = services.jobs().createSqlJob("order-totals", "/shop");
        services.jobs().saveDraft(job.id(), "INSERT INTO totals SELECT customer, SUM(amount) FROM orders GROUP BY customer;",
                JobConfig.defaults().withParameters(JobConfig.DEFAULT_PARAMETERS
                        .replace("restart-strategy.fixed-delay.attempts: 5", "restart-strategy.fixed-delay.attempts: abc")
                        .replace("restart-strategy.fixed-delay.delay: 5 s", "restart-strategy.fixed-delay.delay: 5 parsecs")
                        .replace("execution.checkpointing.mode: EXACTLY_ONCE", "execution.checkpointing.mode: MOSTLY_ONCE")
                        + "table.exec.mini-batch.enabled: maybe\nmy.connector.option: anything goes\n"));
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void badValuesAreMarkedAtTheirValue(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("order-totals").tryQuery().isPresent());
        robot.doubleClickOn("order-totals");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Configuration").tryQuery().isPresent());
        robot.clickOn("Configuration");
        ListView<?> problems = robot.lookup("#configProblems").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> problems.getItems().size() == 4);
        assertThat(problems.getItems()).allSatisfy(p -> assertThat(((ConfigProblem) p).column()).isPositive());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".gutter-error").queryAll().size() == 4);
        robot.clickOn(robot.lookup("#configProblems .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        Path out = Path.of(TARGET).resolve("parameters-bad-values" + suffix + ".png");
        Snapshots.write(robot, shell.scene, out);
        assertThat(out).exists();
    }
}
