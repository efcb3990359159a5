package io.streamdesk.ui.flow;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.events.EventRecorder;
import io.streamdesk.service.events.Finding;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.timeline.TimelineCanvas;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** EV5 in the shell: the workspace timeline shows a failing job's events; kind filter, reset and details work. */
@ExtendWith(ApplicationExtension.class)
class TimelineFlowTest {
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private Job job;

    @Start
    void start(Stage stage) {
        job = seedFailingJob(services);
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    /** A job that failed, recovered, failed again; plus a checkpoint failure: as the detector records them. */
    static Job seedFailingJob(FakeServices services) {
        services.clusters().startAll();
        Job j = services.jobs().createSqlJob("orders-enrichment", "/prod");
        services.jobs().saveDraft(j.id(), "INSERT INTO s SELECT 100 / (id - 60) FROM src;");
        services.jobs().publish(j.id(), "v1");
        Job running = services.runs().run(j.id(), 1, RestoreChoice.fresh());
        EventRecorder recorder = new EventRecorder(services.eventStore);
        Instant now = Instant.now();
        recorder.record(j.id(), running.runInstance(), Finding.of(EventKind.JOB_FAILED,
                "The job went from RUNNING to RESTARTING: java.lang.ArithmeticException: / by zero",
                "state RUNNING -> RESTARTING\njava.lang.ArithmeticException: / by zero",
                "Open the log search with the 'failure cause' preset; fix the cause and publish a new version."),
                now.minusSeconds(3000));
        recorder.record(j.id(), running.runInstance(), Finding.of(EventKind.JOB_RECOVERED, "The job is RUNNING again after RESTARTING",
                "state RESTARTING -> RUNNING", ""), now.minusSeconds(2900));
        recorder.record(j.id(), running.runInstance(), Finding.of(EventKind.CHECKPOINT_FAILED, "1 checkpoint(s) failed",
                "failed checkpoints: 0 -> 1\nlatest failure: Checkpoint expired before completing.", "Raise the checkpoint timeout."),
                now.minusSeconds(1800));
        recorder.record(j.id(), running.runInstance(), Finding.of(EventKind.BACKPRESSURE_TOO_HIGH,
                "Operator 'Source: orders' is backpressured 91% of the time; root cause: 'Join customers'",
                "Source: orders: backpressured 91%, busy 5%\nJoin customers: backpressured 2%, busy 97%\nSink: enriched: backpressured 0%, busy 12%",
                "Raise the parallelism of 'Join customers' or make it cheaper (state size, lookups, UDFs)."), now.minusSeconds(900));
        return j;
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#summaryLabel").queryAs(Label.class).getText();
    }

    @Test
    void timelineShowsTheEventsAndFiltersWork(FxRobot robot) throws Exception {
        int all = services.eventStore.listAll(100).size();
        robot.clickOn("Timeline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#timelineCanvas").tryQuery().isPresent());
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.drawn().size() == all);
        assertThat(canvas.drawn()).extracting(JobEvent::kind).contains(EventKind.JOB_FAILED, EventKind.JOB_RECOVERED,
                EventKind.CHECKPOINT_FAILED, EventKind.JOB_STARTED);
        assertThat(summary(robot)).isEqualTo(all + " events");

        MenuButton kinds = robot.lookup("#kindsButton").queryAs(MenuButton.class);
        robot.interact(() -> kinds.getItems().stream().filter(i -> i.getId().equals("kind-JOB_FAILED")).findFirst()
                .map(CheckMenuItem.class::cast).orElseThrow().setSelected(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.drawn().size() == 1);
        assertThat(canvas.drawn().get(0).kind()).isEqualTo(EventKind.JOB_FAILED);
        assertThat(kinds.getText()).isEqualTo("1 kind(s)");

        JobEvent failed = canvas.drawn().get(0);
        Point2D at = canvas.localToScreen(canvas.pointOf(failed));
        robot.clickOn(at);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detailCause").queryAs(Label.class)
                .getText().contains("ArithmeticException"));
        assertThat(robot.lookup("#detailCleared").queryAs(Label.class).getText()).isNotEqualTo("not cleared");
        assertThat(robot.lookup("#detailFix").queryAs(Label.class).getText()).contains("failure cause");

        robot.clickOn("#resetButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.drawn().size() == all);
        assertThat(kinds.getText()).isEqualTo("All kinds");
    }

    @Test
    void aRangeWiderThanSevenDaysIsRefusedWithAMessage(FxRobot robot) throws Exception {
        robot.clickOn("Timeline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#timelineCanvas").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#rangeBox").queryComboBox().setValue("Custom days");
            robot.lookup("#fromDate").queryAs(javafx.scene.control.DatePicker.class).setValue(java.time.LocalDate.now().minusDays(10));
            robot.lookup("#toDate").queryAs(javafx.scene.control.DatePicker.class).setValue(java.time.LocalDate.now());
        });
        robot.clickOn("#applyButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorLabel").queryAs(Label.class)
                .getText().contains("at most 7 days"));
    }
}
