package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Publish two versions, compare them from the versions list with the keyboard, step through the changes; compare a
 * version with the draft; delete a version. With -Dstreamdesk.screenshots=DIR it also writes compare-light.png and
 * compare-dark.png there.
 */
@ExtendWith(ApplicationExtension.class)
class CompareFlowTest {
    static final String V1 = """
            SET 'parallelism.default' = '2';
            SET 'connector.password' = 'hunter2';
            CREATE TABLE orders (id BIGINT, amount DOUBLE, customer STRING)
              WITH ('connector' = 'datagen', 'rows-per-second' = '10');
            CREATE TABLE sink (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole');
            -- only large orders
            INSERT INTO sink
            SELECT id, amount
            FROM orders
            WHERE amount > 100;
            """;
    static final String V2 = """
            SET 'parallelism.default' = '4';
            SET 'connector.password' = 'hunter3';
            SET 'pipeline.name' = 'orders-large';
            CREATE TABLE orders (id BIGINT, amount DOUBLE, customer STRING)
              WITH ('connector' = 'datagen', 'rows-per-second' = '50');
            CREATE TABLE sink (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole');
            INSERT INTO sink
            SELECT id, amount
            FROM orders
            WHERE amount > 250 AND customer IS NOT NULL;
            """;

    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private Job job;

    @Start
    void start(Stage stage) {
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), V1);
        services.jobs().publish(job.id(), "Large orders");
        services.jobs().saveDraft(job.id(), V2);
        services.jobs().publish(job.id(), "Raise the threshold, name the pipeline");
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void compareTwoVersionsAndStepThroughTheChanges(FxRobot robot) throws Exception {
        openVersions(robot);
        robot.clickOn(versionsTable(robot).lookup(".table-row-cell"));
        robot.interact(() -> versionsTable(robot).getSelectionModel().selectAll());
        assertThat(versionsTable(robot).getSelectionModel().getSelectedItems()).hasSize(2);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);

        Label count = waitForComparison(robot);
        assertThat(count.getText()).isEqualTo("4 changes (+1 −1 ~4 lines)");
        Label current = robot.lookup(".comparison .muted").queryAs(Label.class);
        CodeArea left = robot.lookup("#diffLeft").queryAs(CodeArea.class);
        CodeArea right = robot.lookup("#diffRight").queryAs(CodeArea.class);
        waitFor(() -> left.getParagraphs().size() == right.getParagraphs().size() && left.getLength() > 0);
        assertThat(left.getText()).contains("WHERE amount > 100;");
        assertThat(right.getText()).contains("customer IS NOT NULL");

        robot.type(KeyCode.F7);
        assertThat(current.getText()).startsWith("Change 1 of 4 — Changed: lines 1-2 → lines 1-3");
        assertThat(left.getCurrentParagraph()).isEqualTo(0);
        assertThat(robot.lookup("#previousChangeButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.type(KeyCode.F7);
        assertThat(current.getText()).startsWith("Change 2 of 4 — Changed: line 4 → line 5");
        assertThat(right.getCurrentParagraph()).isEqualTo(4);
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        robot.type(KeyCode.F7);
        assertThat(current.getText()).startsWith("Change 4 of 4");
        assertThat(robot.lookup("#nextChangeButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.type(KeyCode.F7);
        assertThat(current.getText()).startsWith("Change 4 of 4");
        robot.press(KeyCode.SHIFT).type(KeyCode.F7).release(KeyCode.SHIFT);
        assertThat(current.getText()).startsWith("Change 3 of 4 — Removed: line 6");

        robot.clickOn("Configuration (3)");
        TableView<?> config = robot.lookup("#configTable").queryAs(TableView.class);
        assertThat(config.getItems()).hasSize(3);
        assertThat(config.getItems().toString()).doesNotContain("hunter");

        String shots = System.getProperty("streamdesk.screenshots");
        if (shots != null && !shots.isBlank()) {
            robot.clickOn("SQL");
            robot.interact(() -> { });
            String name = Boolean.getBoolean("streamdesk.screenshots.dark") ? "compare-dark.png" : "compare-light.png";
            Snapshots.write(robot, shell.scene, Path.of(shots, name));
        }
    }

    @Test
    void compareAVersionWithTheEditorsTextAndDeleteAVersion(FxRobot robot) throws Exception {
        openVersions(robot);
        robot.interact(() -> versionsTable(robot).getSelectionModel().select(0));
        robot.clickOn("#compareDraftButton");
        Label count = waitForComparison(robot);
        assertThat(count.getText()).isEqualTo("Versions are identical");
        assertThat(robot.lookup("#identicalBanner").query().isVisible()).isTrue();

        robot.clickOn("Versions");
        robot.interact(() -> versionsTable(robot).getSelectionModel().clearAndSelect(1));
        robot.clickOn("#deleteVersionButton");
        waitFor(() -> robot.lookup("#confirmDeleteButton").tryQuery().isPresent());
        robot.clickOn("#confirmDeleteButton");
        waitFor(() -> versionsTable(robot).getItems().size() == 1);
        assertThat(services.jobs().versions(job.id())).extracting(v -> v.number()).containsExactly(2);
    }

    private void openVersions(FxRobot robot) throws TimeoutException {
        TableView<?> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        waitFor(() -> jobs.getItems().size() == 1);
        robot.doubleClickOn("orders");
        waitFor(() -> robot.lookup("#versionsTable").tryQuery().isPresent());
        robot.clickOn("Versions");
        waitFor(() -> versionsTable(robot).getItems().size() == 2);
    }

    private static TableView<?> versionsTable(FxRobot robot) {
        return robot.lookup("#versionsTable").queryAs(TableView.class);
    }

    private Label waitForComparison(FxRobot robot) throws TimeoutException {
        waitFor(() -> robot.lookup(".change-count").tryQuery().isPresent());
        Label count = robot.lookup(".change-count").queryAs(Label.class);
        waitFor(() -> !count.getText().isEmpty() && !count.getText().startsWith("Comparing"));
        return count;
    }

    private void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
