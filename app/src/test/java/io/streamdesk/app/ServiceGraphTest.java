package io.streamdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.service.PeriodicWork;
import io.streamdesk.testing.FakeServices;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one service graph's scheduled work: the CLI only reconciles; the app also watches its jobs. */
class ServiceGraphTest {

    @Test
    void theCliReconcilesOnlyAndTheAppAlsoWatchesItsJobs() {
        FakeServices services = new FakeServices();
        try (PeriodicWork cli = new PeriodicWork(Clock.systemUTC());
             PeriodicWork app = new PeriodicWork(Clock.systemUTC())) {
            services.graph().registerPeriodicWork(cli, Duration.ofSeconds(2), false);
            services.graph().registerPeriodicWork(app, Duration.ofSeconds(2), true);

            assertThat(cli.taskNames()).containsExactly("Status reconciliation");
            assertThat(app.taskNames()).containsExactly("Status reconciliation", "Event detection", "Metric rules",
                    "Alarm evaluation", "Metric sampling", "Metric retention");
        }
    }
}
