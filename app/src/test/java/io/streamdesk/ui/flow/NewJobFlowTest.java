package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.service.Services;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.ui.editor.SqlCodeArea;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.versions.VersionsViewModel.VersionRow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The authoring flow a user clicks through: new job -> SQL with an error -> check marks line 2 -> fix -> save ->
 * publish with a description -> version 1 in the Versions table. Runs over fakes here; the integrator reruns it over
 * the real H2 store and Flink by overriding {@link #createServices()}.
 */
@ExtendWith(ApplicationExtension.class)
class NewJobFlowTest {
    static final String LINE_1 = "CREATE TABLE src (a INT) WITH ('connector' = 'datagen'); "
            + "CREATE TABLE snk (a INT) WITH ('connector' = 'blackhole');";
    /** A job publishes only when its graph compiles as the run will: the fixed query is then sent into the sink. */
    static final String FIXED_LINE_2 = "INSERT INTO snk SELECT a FROM src;";
    static final String BROKEN_LINE_2 = "SELEC a FROM src;";

    private Services services;
    private ShellHarness shell;

    /** Override to run the same flow against the real services. */
    protected Services createServices() {
        return new FakeServices();
    }

    /** Seconds to wait for background work; the real Flink parser needs more on its first check. */
    protected int timeoutSeconds() {
        return 10;
    }

    @Start
    void start(Stage stage) {
        services = createServices();
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void newJobCheckFixSavePublishShowsVersion1(FxRobot robot) throws Exception {
        // an empty name is refused inline, the dialog stays
        robot.clickOn("#newJobButton");
        robot.clickOn("#newJobOkButton");
        Label nameError = robot.lookup("#newJobNameError").queryAs(Label.class);
        assertThat(nameError.isVisible()).isTrue();
        assertThat(nameError.getText()).contains("name");

        robot.clickOn("#newJobName").write("orders-flow");
        robot.clickOn("#newJobOkButton");
        waitFor(() -> robot.lookup("#sqlEditor").tryQuery().isPresent());

        SqlCodeArea editor = robot.lookup("#sqlEditor").queryAs(SqlCodeArea.class);
        robot.clickOn(editor);
        robot.write(LINE_1);
        robot.type(KeyCode.ENTER);
        robot.write(BROKEN_LINE_2);
        assertThat(editor.getText()).isEqualTo(LINE_1 + "\n" + BROKEN_LINE_2);

        // check (F9): the problem list and the gutter point at line 2
        robot.type(KeyCode.F9);
        @SuppressWarnings("unchecked")
        ListView<SqlProblem> problems = robot.lookup("#problemList").queryAs(ListView.class);
        waitFor(() -> problems.getItems().size() == 1);
        assertThat(problems.getItems().get(0).line()).isEqualTo(2);
        assertThat(editor.markedLines()).containsExactly(1);
        assertThat(robot.lookup(".gutter-error").tryQuery()).isPresent();
        var marker = editor.markers().get(0);
        assertThat(editor.getText().substring(marker.start(), marker.end())).startsWith("SELEC");

        // clicking the problem puts the caret on it; fix the typo there
        robot.clickOn((Node) robot.lookup("#problemList .list-cell").nth(0).query());
        assertThat(editor.getCurrentParagraph()).isEqualTo(1);
        assertThat(editor.getCaretColumn()).isZero();
        robot.type(KeyCode.RIGHT, 5);
        robot.write("T");
        assertThat(editor.getText()).isEqualTo(LINE_1 + "\nSELECT a FROM src;");
        robot.type(KeyCode.HOME);
        robot.write("INSERT INTO snk ");
        robot.type(KeyCode.ESCAPE); // the completion popup may have opened while typing
        assertThat(editor.getText()).isEqualTo(LINE_1 + "\n" + FIXED_LINE_2);

        // save (Ctrl+S): the unsaved marker leaves the tab title
        TabPane mainTabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        // unsaved marker, unless the autosave (1.5 s after the last keystroke) already saved this very text on a slow run
        String title = mainTabs.getSelectionModel().getSelectedItem().getText();
        boolean autosaved = services.jobs().list().stream().filter(j -> j.name().equals("orders-flow")).findFirst()
                .flatMap(j -> services.jobs().draft(j.id())).map(d -> d.sql().equals(editor.getText())).orElse(false);
        assertThat(title.endsWith("•") || autosaved).as("tab title '%s' marks the unsaved edit", title).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(() -> !mainTabs.getSelectionModel().getSelectedItem().getText().endsWith("•"));
        assertThat(mainTabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("orders-flow");

        robot.type(KeyCode.F9);
        waitFor(() -> problems.getItems().isEmpty());

        // publish: the description is required
        robot.clickOn("#publishButton");
        robot.clickOn("#publishOkButton");
        Label publishError = robot.lookup("#publishError").queryAs(Label.class);
        assertThat(publishError.isVisible()).isTrue();
        assertThat(publishError.getText()).startsWith("Description");
        robot.clickOn("#publishDescription").write("First version");
        robot.clickOn("#publishOkButton");

        robot.clickOn("Versions");
        @SuppressWarnings("unchecked")
        TableView<VersionRow> versions = robot.lookup("#versionsTable").queryAs(TableView.class);
        waitFor(() -> versions.getItems().size() == 1);
        assertThat(versions.getItems().get(0).number()).isEqualTo(1);
        assertThat(versions.getItems().get(0).version().description()).isEqualTo("First version");
        assertThat(versions.getItems().get(0).version().sql()).isEqualTo(LINE_1 + "\n" + FIXED_LINE_2);
        Label status = robot.lookup("#jobStatus").queryAs(Label.class);
        waitFor(() -> "Stopped".equals(status.getText()));
    }

    private void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(timeoutSeconds(), TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
