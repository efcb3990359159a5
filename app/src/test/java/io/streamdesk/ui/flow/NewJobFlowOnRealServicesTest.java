package io.streamdesk.ui.flow;

import io.streamdesk.app.AppContext;
import io.streamdesk.app.AppOptions;
import io.streamdesk.service.Services;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same clicks as {@link NewJobFlowTest}, over the real services: an H2 file database with its Flyway
 * migrations in a temporary data directory, and Flink's own SQL parser for the check. Publishing needs no cluster,
 * so the local cluster is not started.
 */
class NewJobFlowOnRealServicesTest extends NewJobFlowTest {
    private AppContext context;

    @Override
    protected Services createServices() {
        try {
            Path dataDir = Files.createTempDirectory("streamdesk-ui-flow");
            context = AppContext.open(dataDir, AppOptions.forTests());
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TestFX looks for @Start on the test class itself, not on its superclass. */
    @Override
    @Start
    void start(Stage stage) {
        super.start(stage);
    }

    @Override
    protected int timeoutSeconds() {
        return 60; // the first check loads Flink's planner
    }

    @AfterEach
    void closeServices() {
        if (context != null) {
            context.close();
        }
    }
}
