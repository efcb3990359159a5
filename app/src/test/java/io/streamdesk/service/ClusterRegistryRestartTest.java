package io.streamdesk.service;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.testing.FakeLocalCluster;
import io.streamdesk.testing.InMemoryEventStore;
import io.streamdesk.testing.InMemorySettingsStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry restarts a failed cluster that keeps no jobs, with back-off, at most 3 times in 10 minutes. */
class ClusterRegistryRestartTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final FakeLocalCluster cluster = new FakeLocalCluster();
    final InMemoryEventStore events = new InMemoryEventStore();
    final ClusterService clusters = new ClusterService(List.of(cluster), events, clock, new InMemorySettingsStore(),
            Duration.ofSeconds(2));

    @Test
    void restartsAFailedClusterByItselfAtMostThreeTimesInTenMinutesThenSaysSo() {
        cluster.restartAutomatically(true);
        clusters.start("local");
        assertThat(clusters.state("local").health()).isEqualTo(ClusterHealth.RUNNING);

        for (int i = 1; i <= 3; i++) {
            cluster.crash("exit code 137");
            Instant crashedAt = clock.instant();
            assertThat(clusters.jobsLostAt("local")).contains(crashedAt);
            clusters.restartFailedClusters();
            assertThat(cluster.restarts.get()).as("waits its back-off first").isEqualTo(i - 1);
            clock.advance(Duration.ofSeconds(30));
            clusters.restartFailedClusters();
            assertThat(cluster.restarts.get()).isEqualTo(i);
            assertThat(clusters.state("local").health()).isEqualTo(ClusterHealth.RUNNING);
            clock.advance(Duration.ofSeconds(30));
        }

        cluster.crash("exit code 137");
        clock.advance(Duration.ofMinutes(1));
        clusters.restartFailedClusters();
        clock.advance(Duration.ofMinutes(20)); // it does not try again when the window has passed: it stopped
        clusters.restartFailedClusters();
        assertThat(cluster.restarts.get()).isEqualTo(3);
        assertThat(clusters.state("local").health()).isEqualTo(ClusterHealth.FAILED);
        assertThat(clusters.state("local").detail()).contains("exit code 137")
                .contains("stopped restarting it after 3 automatic restarts in 10 minutes")
                .contains("restart it from the status bar");
        assertThat(kinds()).contains(EventKind.CLUSTER_EXITED, EventKind.CLUSTER_RESTARTING,
                EventKind.CLUSTER_RESTARTS_EXHAUSTED);
        assertThat(kinds().stream().filter(k -> k == EventKind.CLUSTER_RESTARTING)).hasSize(3);

        clusters.restart("local"); // by hand: works, and gives a fresh budget
        assertThat(clusters.state("local").health()).isEqualTo(ClusterHealth.RUNNING);
        assertThat(clusters.state("local").detail()).isNull();
        cluster.crash("exit code 137");
        clock.advance(Duration.ofSeconds(2));
        clusters.restartFailedClusters();
        assertThat(cluster.restarts.get()).isEqualTo(5); // the one by hand and a new automatic one
    }

    @Test
    void aClusterTheAppDoesNotSuperviseIsNotRestartedAndAStartFailureIsNoDeath() {
        clusters.start("local");
        cluster.crash("exit code 1");
        clock.advance(Duration.ofMinutes(1));
        clusters.restartFailedClusters();
        assertThat(cluster.restarts.get()).isZero();
        assertThat(clusters.state("local").health()).isEqualTo(ClusterHealth.FAILED);

        ClusterService fresh = new ClusterService(new FakeLocalCluster(), events, clock);
        assertThat(fresh.jobsLostAt("local")).isEmpty();
    }

    @Test
    void theResumeSettingIsOnByDefaultAndStored() {
        InMemorySettingsStore settings = new InMemorySettingsStore();
        ClusterService withStore = new ClusterService(List.of(new FakeLocalCluster()), events, clock, settings,
                Duration.ofSeconds(2));
        assertThat(withStore.resumeJobsAfterRestart()).isTrue();
        withStore.setResumeJobsAfterRestart(false);
        assertThat(settings.get(ClusterService.RESUME_SETTING)).contains("false");
        assertThat(withStore.resumeJobsAfterRestart()).isFalse();
    }

    private List<EventKind> kinds() {
        return events.listForJob(null, 100).stream().map(JobEvent::kind).toList();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
