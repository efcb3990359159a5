package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
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
 * Writes the screenshots of issue 10 (a Finished batch job; jobs whose cluster does not answer) from the real panes
 * over fakes. Opt-in like {@link ScreenshotTest}:
 * {@code mvn -o -q test -Dtest=JobStateScreenshotTest -Dstreamdesk.screenshots=docs/screenshots [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class JobStateScreenshotTest {
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
        Job orders = services.jobs().createSqlJob("orders-enrichment", "/");
        services.jobs().saveDraft(orders.id(), "INSERT INTO enriched SELECT * FROM orders;");
        services.jobs().publish(orders.id(), "Join orders with customers");
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());
        Job totals = services.jobs().createSqlJob("daily-totals (batch)", "/reports");
        services.jobs().saveDraft(totals.id(), "INSERT INTO totals SELECT region, SUM(amount) FROM orders GROUP BY region;",
                io.streamdesk.model.JobConfig.defaults().withRuntimeMode(RuntimeMode.BATCH));
        services.jobs().publish(totals.id(), "Totals per region");
        Job ran = services.runs().run(totals.id(), 1, RestoreChoice.fresh());
        services.gateway.setState(ran.flinkJobId(), "FINISHED");
        services.runs().reconcile();
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void finishedJobAndUnreachableCluster(FxRobot robot) throws Exception {
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        TableView<?> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs.getItems().size() == 2);
        robot.doubleClickOn("daily-totals (batch)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().startsWith("Finished")).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "job-finished" + suffix + ".png");

        robot.clickOn("Jobs");
        services.cluster.unreachable("The local cluster process lives but its REST API did not answer 3 probes in a row",
                Instant.now());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().startsWith("Cluster unreachable")).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "job-list-cluster-unreachable" + suffix + ".png");
        robot.doubleClickOn("orders-enrichment");
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "job-cluster-unreachable" + suffix + ".png");
    }

    private void snap(FxRobot robot, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, shell.scene, out);
        assertThat(out).exists();
    }
}
