package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.ui.editor.SqlCodeArea;
import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
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
 * Writes docs/screenshots/*.png from the real panes over fakes. Opt-in (it overwrites files in the work tree):
 * {@code mvn -o -q test -Dtest='io.streamdesk.ui.flow.ScreenshotTest' -Dstreamdesk.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) {
        seed();
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    private void seed() {
        services.clusters().startAll();
        Job orders = services.jobs().createSqlJob("orders-enrichment", "/");
        services.jobs().saveDraft(orders.id(), "INSERT INTO enriched SELECT * FROM orders;");
        services.jobs().publish(orders.id(), "Join orders with customers");
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());
        Job clicks = services.jobs().createSqlJob("clicks-sessionizer", "/web");
        services.jobs().saveDraft(clicks.id(), "SELECT 1;");
        services.jobs().publish(clicks.id(), "Sessions of 30 minutes");
        services.submitter.failNextSubmit("Could not find any factory for identifier 'kafka'");
        try {
            services.runs().run(clicks.id(), 1, RestoreChoice.fresh());
        } catch (RuntimeException expected) {
            // the job now carries a warning, which the list shows
        }
        Job audit = services.jobs().createSqlJob("payments-audit", "/finance");
        services.jobs().saveDraft(audit.id(), "-- todo");
        services.jobs().createSqlJob("inventory-snapshot", "/");
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        TableView<?> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "job-list" + suffix + ".png");

        robot.doubleClickOn("clicks-sessionizer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#warningBanner").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "job-warning" + suffix + ".png");
        robot.clickOn("Jobs");

        robot.clickOn("#newJobButton");
        robot.clickOn("#newJobName").write("orders-by-region");
        robot.clickOn("#newJobOkButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sqlEditor").tryQuery().isPresent());
        SqlCodeArea editor = robot.lookup("#sqlEditor").queryAs(SqlCodeArea.class);
        robot.interact(() -> editor.replaceText("""
                -- Orders per region and 1-minute window
                CREATE TABLE orders (
                  order_id BIGINT,
                  region STRING,
                  amount DECIMAL(10, 2),
                  ts TIMESTAMP(3),
                  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
                ) WITH ('connector' = 'datagen', 'rows-per-second' = '10');

                CREATE TABLE totals (region STRING, window_end TIMESTAMP(3), total DECIMAL(12, 2))
                WITH ('connector' = 'print');

                INSERT INTO totals
                SELEC region, window_end, SUM(amount)
                FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
                GROUP BY region, window_end;
                """));
        robot.clickOn(editor);
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !editor.markers().isEmpty());
        robot.interact(() -> editor.moveTo(14, 10));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "editor-error" + suffix + ".png");

        robot.interact(() -> editor.replaceText(editor.getText().replace("SELEC ", "SELECT ")));
        robot.clickOn("#publishButton");
        robot.clickOn("#publishDescription").write("Totals per region, 1-minute tumbling windows");
        robot.clickOn("#publishOkButton");
        robot.clickOn("Versions");
        TableView<?> versions = robot.lookup("#versionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().size() == 1);
        robot.clickOn("#publishButton");
        robot.clickOn("#publishDescription").write("Print sink for debugging");
        robot.clickOn("#publishOkButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().size() == 2);
        Job job = services.jobs().list().stream().filter(j -> j.name().equals("orders-by-region")).findFirst().orElseThrow();
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().stream()
                .anyMatch(r -> ((io.streamdesk.ui.versions.VersionsViewModel.VersionRow) r).running()));
        robot.interact(() -> versions.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, "versions" + suffix + ".png");
    }

    private void snap(FxRobot robot, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, shell.scene, out);
        assertThat(out).exists();
    }
}
