package io.streamdesk.ui.flow;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.jobs.JobRow;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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

/** A job that changes status (here: stored by "another process" and announced) updates its row's cells in place. */
@ExtendWith(ApplicationExtension.class)
class JobListLiveStatusTest {
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
    void statusAndOnlineVersionCellsFollowTheJob(FxRobot robot) throws Exception {
        Job job = services.jobs().createSqlJob("live", "/");
        @SuppressWarnings("unchecked")
        TableView<JobRow> table = robot.lookup("#jobsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(cellTexts(robot)).contains("Uninitialized");

        // a change the UI did not make: written straight to the store, then announced as the app's poll does
        services.jobStore.updateRunState(services.jobStore.find(job.id()).orElseThrow().running(1, 1, "f1", Instant.now()));
        services.jobs().announceChanges();
        // no cluster confirmed it: the list says what it knows and from when, never a plain Running (R6)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellTexts(robot).stream()
                .anyMatch(t -> t.startsWith("Cluster stopped — last known Running (recorded at ")));
        assertThat(cellTexts(robot)).contains("v1").doesNotContain("Uninitialized", "Running");

        // the cluster runs and confirms the job, as the reconcile does: the per-second refresh shows it
        services.clusters().startAll();
        services.clusters().jobStates().confirm(job.id(), "f1", io.streamdesk.model.JobStatus.RUNNING, null, Instant.now());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellTexts(robot).contains("Running"));
    }

    private static java.util.List<String> cellTexts(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#jobsTable .table-cell").queryAllAs(TableCell.class).stream()
                .map(c -> c.getText() == null ? "" : c.getText()).toList();
    }
}
