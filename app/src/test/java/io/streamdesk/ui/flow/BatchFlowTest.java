package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.batch.BatchViewModel;
import io.streamdesk.ui.editor.SqlCodeArea;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Multi-select in the job list, a batch Run with a result per job, Create copy from the context menu, Format. */
@ExtendWith(ApplicationExtension.class)
class BatchFlowTest {
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private Job alpha;
    private Job beta;
    private Job gamma;

    @Start
    void start(Stage stage) {
        alpha = published("alpha");
        beta = services.jobs().createSqlJob("beta", "/");
        services.jobs().saveDraft(beta.id(), "select 1");
        gamma = published("gamma");
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    private Job published(String name) {
        Job job = services.jobs().createSqlJob(name, "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT * FROM src;");
        services.jobs().publish(job.id(), "first");
        return job;
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchRunOverASelectionReportsEveryJobAndGoesOnAfterAFailure(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("gamma").tryQuery().isPresent());
        robot.clickOn("alpha");
        robot.press(KeyCode.CONTROL).clickOn("beta").clickOn("gamma").release(KeyCode.CONTROL);
        assertThat(robot.lookup("#selectionMenu").queryLabeled().getText()).isEqualTo("Selected (3)");

        robot.clickOn("#selectionMenu");
        robot.clickOn("Run\u2026 (3 jobs)");
        waitFor(() -> robot.lookup("#batchRunOk").tryQuery().isPresent());
        robot.clickOn("#batchRunOk");

        Label summary = robot.lookup("#batchSummary").queryAs(Label.class);
        waitFor(() -> summary.getText().equals("2 ok, 1 failed"));
        TableView<BatchViewModel.Row> results = robot.lookup("#batchResults").queryAs(TableView.class);
        List<BatchViewModel.Row> rows = results.getItems();
        assertThat(rows).extracting(BatchViewModel.Row::jobName).containsExactlyInAnyOrder("alpha", "beta", "gamma");
        assertThat(rows).filteredOn(r -> r.jobName().equals("beta")).singleElement()
                .satisfies(r -> {
                    assertThat(r.state()).isEqualTo("Failed");
                    assertThat(r.message()).contains("No published version");
                });
        assertThat(rows).filteredOn(r -> !r.jobName().equals("beta")).allSatisfy(r -> assertThat(r.state()).isEqualTo("OK"));
        assertThat(services.jobs().job(alpha.id()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(services.jobs().job(gamma.id()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(services.jobs().job(beta.id()).status()).isEqualTo(JobStatus.UNPUBLISHED);
        robot.clickOn("#batchClose");
    }

    @Test
    void createCopyRefusesATakenNameAndOpensTheCopy(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("alpha").tryQuery().isPresent());
        robot.clickOn("alpha");
        robot.clickOn("#selectionMenu");
        robot.clickOn("Create copy\u2026");
        waitFor(() -> !robot.lookup("#copyName").queryAs(TextField.class).getText().isEmpty());
        TextField name = robot.lookup("#copyName").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("alpha-copy");

        robot.doubleClickOn(name).eraseText(20).write("GAMMA");
        robot.clickOn("#copyOkButton");
        Label error = robot.lookup("#copyError").queryAs(Label.class);
        waitFor(() -> !error.getText().isEmpty());
        assertThat(error.getText()).contains("already exists");

        robot.doubleClickOn(name).eraseText(20).write("alpha two");
        robot.clickOn("#copyOkButton");
        waitFor(() -> services.jobs().list().stream().anyMatch(j -> j.name().equals("alpha two")));
        Job copy = services.jobs().list().stream().filter(j -> j.name().equals("alpha two")).findFirst().orElseThrow();
        assertThat(services.jobs().versions(copy.id())).isEmpty();
        assertThat(services.jobs().draft(copy.id()).orElseThrow().sql()).isEqualTo("INSERT INTO sink SELECT * FROM src;");
        // the copy's page opens
        waitFor(() -> robot.lookup("#jobTab-" + copy.id().value()).tryQuery().isPresent());
    }

    @Test
    void formatShortcutFormatsTheEditorAsOneUndoStep(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("beta").tryQuery().isPresent());
        robot.doubleClickOn("beta");
        waitFor(() -> robot.lookup("#sqlEditor").tryQuery().isPresent());
        SqlCodeArea area = robot.lookup("#sqlEditor").queryAs(SqlCodeArea.class);
        waitFor(() -> area.getText().equals("select 1"));
        robot.interact(() -> area.replaceText("select a, b from t where a > 1"));
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> area.getText().equals("SELECT a, b\nFROM t\nWHERE a > 1"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> area.getText().equals("select a, b from t where a > 1"));

        // comment toggling and auto-indent on the real editor
        robot.interact(() -> {
            area.replaceText("select (\nfrom t");
            area.moveTo(8);
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        waitFor(() -> area.getText().equals("-- select (\nfrom t"));
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        waitFor(() -> area.getText().equals("select (\nfrom t"));
        robot.interact(() -> area.moveTo(8));
        robot.type(KeyCode.ENTER);
        waitFor(() -> area.getText().equals("select (\n  \nfrom t"));
    }

    private void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
