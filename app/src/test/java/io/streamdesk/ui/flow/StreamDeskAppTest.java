package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.service.Services;
import io.streamdesk.ui.StreamDeskApp;
import io.streamdesk.testing.FakeServices;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real Application: the window shows "Opening data…" before the services exist, then fills in. */
class StreamDeskAppTest {
    @TempDir
    static Path dataDir;

    @AfterAll
    static void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void windowAppearsBeforeServicesAndFillsInWhenReady() throws Exception {
        CompletableFuture<Services> services = new CompletableFuture<>();
        StreamDeskApp.provideServices(services);
        StreamDeskApp.provideDataDirectory(dataDir);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(StreamDeskApp.class);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).isTrue();
        Label opening = robot.lookup("#openingDataLabel").queryAs(Label.class);
        assertThat(opening.getText()).isEqualTo("Opening data…");
        assertThat(robot.lookup("#openingData").queryAs(Node.class).isVisible()).isTrue();

        FakeServices fake = new FakeServices();
        fake.jobs().createSqlJob("already-there", "/");
        services.complete(fake);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#openingData").queryAs(Node.class).isVisible());
        // the job list is built once the data is open (it would only slow the first frame)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#jobsTable").tryQuery().isPresent());
        TableView<?> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs.getItems().size() == 1);
        Label cluster = robot.lookup("#clusterStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cluster.getText().equals("Local cluster: Stopped"));

        StreamDeskApp.bringToFront(); // from a non-FX thread: must not throw
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
    }
}
