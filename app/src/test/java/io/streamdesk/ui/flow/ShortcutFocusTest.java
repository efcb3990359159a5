package io.streamdesk.ui.flow;

import io.streamdesk.model.Job;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.testing.FakeServices;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A job page's shortcuts work while the focus is elsewhere in the window (e.g. still on the navigation). */
@ExtendWith(ApplicationExtension.class)
class ShortcutFocusTest {
    private FakeServices services;
    private ShellHarness shell;

    @Start
    void start(Stage stage) {
        services = new FakeServices();
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void f9ChecksTheSelectedJobWhateverHasTheFocus(FxRobot robot) throws Exception {
        Job job = services.jobs().createSqlJob("shortcuts", "/");
        services.jobs().saveDraft(job.id(), "SELEC a FROM t;");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("shortcuts").tryQuery().isPresent());
        robot.doubleClickOn("shortcuts");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#problemList").tryQuery().isPresent());

        Node navigation = robot.lookup("#navigation").query();
        robot.interact(navigation::requestFocus);
        assertThat(navigation.isFocused()).isTrue();

        robot.type(KeyCode.F9);
        @SuppressWarnings("unchecked")
        ListView<SqlProblem> problems = robot.lookup("#problemList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problems.getItems().size() == 1);
        assertThat(problems.getItems().get(0).line()).isEqualTo(1);
    }
}
