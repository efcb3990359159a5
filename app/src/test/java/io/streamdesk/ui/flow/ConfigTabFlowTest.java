package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.service.jobconfig.ConfigProblem;
import io.streamdesk.testing.FakeServices;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ListView;
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

/** The Configuration tab: a refused key is marked at its line, and Ctrl+S saves it with the draft. */
@ExtendWith(ApplicationExtension.class)
class ConfigTabFlowTest {
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private Job job;

    @Start
    void start(Stage stage) {
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT 1;");
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void aRefusedKeyIsMarkedAndCtrlSSavesTheConfiguration(FxRobot robot) throws Exception {
        robot.doubleClickOn("orders");
        waitFor(() -> robot.lookup("Configuration").tryQuery().isPresent());
        robot.clickOn("Configuration");
        CodeArea area = robot.lookup("#configParameters").queryAs(CodeArea.class);
        waitFor(() -> area.getText().contains("pipeline.max-parallelism"));
        int lines = area.getParagraphs().size();
        robot.interact(() -> {
            area.moveTo(area.getLength());
            area.insertText(area.getLength(), "env.java.opts: -Xmx1g\n");
        });
        ListView<?> problems = robot.lookup("#configProblems").queryAs(ListView.class);
        waitFor(() -> problems.getItems().size() == 1);
        ConfigProblem problem = (ConfigProblem) problems.getItems().get(0);
        assertThat(problem.line()).isEqualTo(lines);
        assertThat(problem.message()).contains("env.java.opts.taskmanager");
        robot.clickOn("#batchMode");

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(() -> services.jobs().draft(job.id()).orElseThrow().config().parameters().contains("env.java.opts"));
        assertThat(services.jobs().draft(job.id()).orElseThrow().config().runtimeMode()).isEqualTo(RuntimeMode.BATCH);
        assertThat(services.jobs().draft(job.id()).orElseThrow().sql()).isEqualTo("INSERT INTO a SELECT 1;");
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
