package io.streamdesk.app;

import io.streamdesk.model.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app and the CLI open the same data directory at the same time (H2 in AUTO_SERVER mode). A change made
 * through one must reach the other's listeners, so the app's job list does not show a stale status.
 */
class SharedDataDirectoryTest {

    @Test
    void changesOfTheOtherProcessReachTheListeners(@TempDir Path dataDir) {
        try (AppContext app = AppContext.open(dataDir, AppOptions.forTests());
             AppContext cli = AppContext.open(dataDir, AppOptions.forCli())) {
            List<Job> seen = new CopyOnWriteArrayList<>();
            app.jobs().announceChanges();
            app.jobs().listeners().add(seen::add);

            Job created = cli.jobs().createSqlJob("made by the CLI", "/");
            cli.jobs().rename(created.id(), "renamed by the CLI");
            app.jobs().announceChanges();

            assertThat(seen).extracting(Job::name).containsExactly("renamed by the CLI");
            app.jobs().announceChanges();
            assertThat(seen).as("unchanged jobs are not announced again").hasSize(1);
        }
    }
}
