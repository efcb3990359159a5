package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.quit.QuitDialog;
import io.streamdesk.ui.task.BackgroundWork;
import io.streamdesk.ui.task.ExecutorScheduler;
import io.streamdesk.ui.task.FxTaskExecutor;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.task.UiThread;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The quit dialog over the real services (fake cluster): every running job is stopped with a savepoint; when all
 * are taken the app exits by itself; when one fails the dialog stays and "Quit" exits. With
 * {@code -Dstreamdesk.screenshots=docs/screenshots} it also writes quit-dialog(-light|-dark).png.
 */
@ExtendWith(ApplicationExtension.class)
class QuitDialogFlowTest {
    private final FakeServices services = new FakeServices();
    private final AtomicInteger exits = new AtomicInteger();
    private final AtomicReference<QuitDialog> dialog = new AtomicReference<>();
    private ShellHarness shell;
    private Stage stage;
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private UiContext ctx;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services.clusters().startAll();
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1000, 640);
        ctx = new UiContext(executor, UiThread.fx(), new ExecutorScheduler(UiThread.fx(), Clock.systemDefaultZone()),
                new BackgroundWork());
    }

    @AfterEach
    void tearDown() {
        shell.close();
        executor.close();
    }

    private Job running(String name) {
        Job job = services.jobs().createSqlJob(name, "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT * FROM src;");
        services.jobs().publish(job.id(), "first");
        return services.runs().run(job.id(), 1, RestoreChoice.fresh());
    }

    private void showDialog(FxRobot robot) {
        robot.interact(() -> dialog.set(QuitDialog.show(stage, ctx, services.runs().atQuit(), exits::incrementAndGet)));
    }

    private org.testfx.service.query.NodeQuery inDialog(FxRobot robot) {
        return robot.from(dialog.get().stage().getScene().getRoot());
    }

    @Test
    void everyJobIsStoppedWithASavepointAndTheAppExitsByItself(FxRobot robot) throws Exception {
        Job orders = running("orders-enrichment");
        Job clicks = running("clicks-sessionizer");

        showDialog(robot);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exits.get() == 1);
        for (Job job : new Job[] {orders, clicks}) {
            assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
            JobRun run = services.runs().runs(job.id()).get(0);
            assertThat(run.endReason()).isEqualTo(JobRun.STOPPED_AT_QUIT);
        }
        assertThat(services.runs().quitResumeOffers()).extracting(o -> o.job().id())
                .containsExactlyInAnyOrder(orders.id(), clicks.id());
        assertThat(dialog.get().stage().isShowing()).isFalse();
    }

    @Test
    void aFailedSavepointKeepsTheDialogOpenAndQuitExits(FxRobot robot) throws Exception {
        running("orders-enrichment");
        running("clicks-sessionizer");
        // the store says Running but no run is live: its stop fails, as a job lost by the cluster would
        Job lost = services.jobs().createSqlJob("payments-audit", "/finance");
        services.jobStore.updateRunState(services.jobStore.find(lost.id()).orElseThrow()
                .running(1, 1, "00000000000000000000000000000000", Instant.now()));

        showDialog(robot);

        Button quit = inDialog(robot).lookup("#quitWithoutSavepoints").queryButton();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Quit".equals(quit.getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("rows " + services.runs().atQuit().rows() + " exits " + exits.get(), e);
        }
        assertThat(exits.get()).isZero();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> inDialog(robot).lookup("#quitRow-" + lost.id().value()).tryQuery().isPresent());
        assertThat(inDialog(robot).lookup("#quitRow-" + lost.id().value()).queryAs(Label.class).getText())
                .startsWith("Failed: ").contains("not running");
        assertThat(inDialog(robot).lookup("#quitHeadline").queryAs(Label.class).getText())
                .contains("1 job could not be stopped with a savepoint");
        String target = System.getProperty("streamdesk.screenshots");
        if (target != null && !target.isBlank()) {
            String theme = Boolean.getBoolean("streamdesk.screenshots.dark") ? "dark" : "light";
            Snapshots.write(robot, dialog.get().stage().getScene(), Path.of(target, "quit-dialog-" + theme + ".png"));
        }

        robot.clickOn(quit);
        assertThat(exits.get()).isEqualTo(1);
        assertThat(services.runs().atQuit().skipped()).isTrue();
    }
}
