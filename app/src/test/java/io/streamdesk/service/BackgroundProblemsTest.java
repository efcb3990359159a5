package io.streamdesk.service;

import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Background failures are kept per source, become persistent when they repeat, and end when the source works. */
class BackgroundProblemsTest {
    private final BackgroundProblems problems =
            new BackgroundProblems(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRepeatedStoreFailureBecomesPersistentAndASuccessClearsIt() {
        List<List<BackgroundProblems.Problem>> seen = new ArrayList<>();
        problems.addListener(seen::add);
        Runnable failing = () -> {
            throw new StoreException("Listing jobs failed: Database is closed");
        };

        problems.guard("Status check", failing);
        problems.guard("Status check", failing);
        assertThat(problems.latestPersistent()).isEmpty();
        problems.guard("Status check", failing);

        BackgroundProblems.Problem shown = problems.latestPersistent().orElseThrow();
        assertThat(shown.summary()).isEqualTo("Status check: Listing jobs failed: Database is closed");
        assertThat(shown.failuresInARow()).isEqualTo(3);
        assertThat(seen).hasSize(3);

        problems.guard("Status check", () -> { });
        assertThat(problems.current()).isEmpty();
        assertThat(seen).hasSize(4);
        assertThat(seen.get(3)).isEmpty();
    }

    @Test
    void sourcesAreKeptApart() {
        problems.report("Metric sampling", new IllegalStateException("timeout"));
        problems.report("Status check", new StoreException("locked"));
        problems.succeeded("Metric sampling");

        assertThat(problems.current()).extracting(BackgroundProblems.Problem::source).containsExactly("Status check");
    }
}
