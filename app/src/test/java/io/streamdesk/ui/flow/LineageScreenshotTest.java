package io.streamdesk.ui.flow;

import io.streamdesk.flink.sql.FlinkLineageExtractor;
import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes docs/screenshots/lineage-job[-dark].png: a job page's Lineage tab with three versions (v3 dropped a table),
 * the tables read by Flink's real parser. Opt-in like {@link ScreenshotTest}:
 * {@code mvn -o -q test -Dtest=LineageScreenshotTest -Dstreamdesk.screenshots=docs/screenshots [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class LineageScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    @TempDir
    static Path dir;
    private static FakeServices services;
    private static io.streamdesk.model.Job job;
    private ShellHarness shell;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
        services = new FakeServices(dir); // off the FX thread: the first parse loads Flink's planner
        services.lineageExtractor.use(new FlinkLineageExtractor());
        job = LineageTabFlowTest.publishThreeVersions(services, "clicks-enrichment");
        // two jobs over tables of the metadata catalog: the table page's graph of _dc._db.orders
        services.metadata().createTable("_dc", "_db", "CREATE TABLE orders (order_id BIGINT, customer_id INT,"
                + " amount INT) WITH ('connector' = 'datagen')");
        services.metadata().createTable("_dc", "_db", "CREATE TABLE order_totals (customer_id INT, total INT)"
                + " WITH ('connector' = 'blackhole')");
        io.streamdesk.model.Job totals = services.jobs().createSqlJob("order-totals", "/");
        services.jobs().saveDraft(totals.id(), "INSERT INTO _dc._db.order_totals SELECT customer_id, amount"
                + " FROM _dc._db.orders;");
        services.jobs().publish(totals.id(), "first");
        services.jobs().saveDraft(totals.id(), "INSERT INTO _dc._db.order_totals SELECT customer_id, SUM(amount)"
                + " FROM _dc._db.orders GROUP BY customer_id;");
        services.jobs().publish(totals.id(), "aggregate");
        io.streamdesk.model.Job fraud = services.jobs().createSqlJob("fraud-check", "/");
        services.jobs().saveDraft(fraud.id(), "CREATE TABLE alerts (order_id BIGINT) WITH ('connector' = 'print');\n"
                + "INSERT INTO alerts SELECT order_id FROM _dc._db.orders WHERE amount > 900;");
        services.jobs().publish(fraud.id(), "first");
    }

    @Start
    void start(Stage stage) {
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
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#jobsTable").tryQuery().isPresent());
        robot.interact(() -> shell.view.openJob(job.id())); // as a double click in the job list does
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#jobTabs").tryQuery().isPresent());
        TabPane jobTabs = robot.lookup("#jobTabs").queryAs(TabPane.class);
        Tab lineage = jobTabs.getTabs().stream().filter(t -> "jobLineageTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> jobTabs.getSelectionModel().select(lineage));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".lineage-node").queryAll().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot, shell.scene, Path.of(TARGET).resolve("lineage-job" + suffix + ".png"));

        // the reusable graph of one table, as the Metadata pane's table page places it
        io.streamdesk.ui.task.FxTaskExecutor executor = new io.streamdesk.ui.task.FxTaskExecutor(2);
        io.streamdesk.ui.task.ExecutorScheduler scheduler = new io.streamdesk.ui.task.ExecutorScheduler(
                io.streamdesk.ui.task.UiThread.fx(), java.time.Clock.systemDefaultZone());
        try {
            io.streamdesk.ui.task.UiContext ctx = new io.streamdesk.ui.task.UiContext(executor,
                    io.streamdesk.ui.task.UiThread.fx(), scheduler, new io.streamdesk.ui.task.BackgroundWork());
            io.streamdesk.ui.lineage.LineageGraphView table = io.streamdesk.ui.lineage.LineageGraphView.forTable(
                    "_dc._db.orders", () -> services, ctx, null, null);
            robot.interact(() -> shell.scene.setRoot(table.root()));
            table.refresh();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".lineage-focus").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.write(robot, shell.scene, Path.of(TARGET).resolve("lineage-table" + suffix + ".png"));
        } finally {
            scheduler.close();
            executor.close();
        }
    }
}
