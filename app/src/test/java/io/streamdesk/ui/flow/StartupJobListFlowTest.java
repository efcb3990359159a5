package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.service.Services;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.StreamDeskApp;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14: the job list read with one query before the services shows at once, without the "Opening data…" cover,
 * answers the filter, and gives way to the services' list when they are ready.
 */
class StartupJobListFlowTest {
    @TempDir
    static Path dataDir;

    @AfterAll
    static void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theListReadBeforeTheServicesShowsAtOnceAndIsReplacedByTheirs() throws Exception {
        FakeServices fake = new FakeServices();
        Job orders = fake.jobs().createSqlJob("orders per minute", "/");
        Job clicks = fake.jobs().createSqlJob("clicks", "/");
        CompletableFuture<Services> services = new CompletableFuture<>();
        StreamDeskApp.provideServices(services);
        StreamDeskApp.provideDataDirectory(dataDir);
        StreamDeskApp.showStartupJobs(List.of(orders, clicks));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(StreamDeskApp.class);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#openingData").queryAs(Node.class).isVisible()).isFalse();
        TableView<?> table = robot.lookup("#jobsTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        TextField filter = robot.lookup("#jobFilter").queryAs(TextField.class);
        robot.interact(() -> filter.setText("clicks"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        robot.interact(() -> filter.setText(""));

        Job later = fake.jobs().createSqlJob("created by the CLI meanwhile", "/");
        services.complete(fake);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertThat(robot.lookup("#openingData").queryAs(Node.class).isVisible()).isFalse();
        assertThat(later.name()).isEqualTo("created by the CLI meanwhile");
    }
}
