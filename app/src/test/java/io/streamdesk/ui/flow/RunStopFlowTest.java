package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.ui.editor.SqlCodeArea;
import io.streamdesk.testing.FakeServices;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Run, stop with a savepoint, run again from it; a failing run shows the warning banner; find/replace. */
@ExtendWith(ApplicationExtension.class)
class RunStopFlowTest {
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private Job job;

    @Start
    void start(Stage stage) {
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "SELECT a FROM src;\nSELECT b FROM src;");
        services.jobs().publish(job.id(), "first");
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void runStopAndRunFromTheLatestSavepoint(FxRobot robot) throws Exception {
        robot.doubleClickOn("orders");
        waitFor(() -> robot.lookup("#runButton").tryQuery().isPresent());
        Label status = robot.lookup("#jobStatus").queryAs(Label.class);
        waitFor(() -> "Stopped".equals(status.getText()));

        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#runOkButton").tryQuery().isPresent());
        assertThat(robot.lookup("#runLatest").queryAs(RadioButton.class).isDisabled()).isTrue();
        waitFor(() -> !robot.lookup("#runOkButton").queryButton().isDisabled()); // the run is checked first
        robot.clickOn("#runOkButton");
        waitFor(() -> "Running".equals(status.getText()));
        assertThat(robot.lookup("#onlineVersion").queryAs(Label.class).getText()).isEqualTo("v1");
        // Run stays offered while a version runs: the dialog stops the running one first (J5)
        assertThat(robot.lookup("#runButton").queryAs(Button.class).isDisabled()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.S).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#stopOkButton").tryQuery().isPresent());
        assertThat(robot.lookup("#stopWithSavepoint").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#stopOkButton");
        waitFor(() -> "Stopped".equals(status.getText()));
        assertThat(services.runs().latestSavepoint(job.id())).isPresent();

        robot.type(KeyCode.F5);
        waitFor(() -> robot.lookup("#runLatest").tryQuery().isPresent());
        RadioButton latest = robot.lookup("#runLatest").queryAs(RadioButton.class);
        assertThat(latest.isDisabled()).isFalse();
        robot.clickOn(latest);
        waitFor(() -> !robot.lookup("#runOkButton").queryButton().isDisabled());
        robot.clickOn("#runOkButton");
        waitFor(() -> "Running".equals(status.getText()));
        assertThat(services.runs().runs(job.id()).get(0).restoredFrom()).contains("savepoint");
    }

    @Test
    void aFailingRunShowsTheWarningBanner(FxRobot robot) throws Exception {
        services.submitter.failNextSubmit("Could not find any factory for identifier 'kafka'");
        robot.doubleClickOn("orders");
        waitFor(() -> robot.lookup("#runButton").tryQuery().isPresent());
        Node banner = robot.lookup("#warningBanner").query();
        assertThat(banner.isVisible()).isFalse();
        robot.clickOn("#runButton");
        waitFor(() -> robot.lookup("#runOkButton").tryQuery().isPresent()
                && !robot.lookup("#runOkButton").queryButton().isDisabled());
        robot.clickOn("#runOkButton");
        waitFor(banner::isVisible);
        assertThat(robot.lookup("#warningText").queryAs(Label.class).getText()).contains("kafka");
        assertThat(robot.lookup("#warningFix").queryAs(Label.class).getText()).startsWith("Suggested fix:");
        assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    void findAndReplaceAllIsOneUndoStep(FxRobot robot) throws Exception {
        robot.doubleClickOn("orders");
        waitFor(() -> robot.lookup("#sqlEditor").tryQuery().isPresent());
        SqlCodeArea editor = robot.lookup("#sqlEditor").queryAs(SqlCodeArea.class);
        waitFor(() -> editor.getLength() > 0);
        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        robot.write("src");
        robot.clickOn("#replaceField").write("orders");
        robot.clickOn("#replaceAllButton");
        assertThat(editor.getText()).isEqualTo("SELECT a FROM orders;\nSELECT b FROM orders;");
        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(editor.getText()).isEqualTo("SELECT a FROM src;\nSELECT b FROM src;");
    }

    private void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
