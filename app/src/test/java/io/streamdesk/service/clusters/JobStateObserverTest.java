package io.streamdesk.service.clusters;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.ObservedJobState;
import io.streamdesk.service.clusters.JobStateObserver.Confirmation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that turn stored status + cluster state + last confirmation into what the user reads (J4, R6). */
class JobStateObserverTest {
    static final ZoneId UTC = ZoneOffset.UTC;
    static final Instant NOW = Instant.parse("2026-12-03T15:17:30Z");
    static final Duration FRESH = Duration.ofSeconds(4); // poll 2 s + probe timeout 2 s
    static final Instant STARTED = Instant.parse("2026-12-03T15:00:00Z");

    static Job job(JobStatus status) {
        return new Job(new JobId("cql-abcdefgh"), "orders", "/", JobType.SQL, "local", status,
                status == JobStatus.RUNNING ? 1 : null, STARTED.minusSeconds(600), Duration.ZERO,
                status == JobStatus.RUNNING ? STARTED : null, 1, "f1", null);
    }

    static ClusterState cluster(ClusterHealth health) {
        return new ClusterState("local", health, "http://127.0.0.1:1", "2.3.0", NOW.minusSeconds(60), null,
                NOW.minusSeconds(10));
    }

    static Confirmation confirmed(JobStatus status, Integer restarts, Instant at) {
        return new Confirmation("f1", status, restarts, at);
    }

    static ObservedJobState observe(Job job, ClusterHealth health, Confirmation c) {
        return JobStateObserver.observe(job, cluster(health), c, false, NOW, FRESH, UTC);
    }

    @Test
    void runningConfirmedWithinThePollIntervalPlusOneProbeTimeoutIsPlainRunning() {
        ObservedJobState s = observe(job(JobStatus.RUNNING), ClusterHealth.RUNNING,
                confirmed(JobStatus.RUNNING, null, NOW.minusSeconds(4)));
        assertThat(s.label()).isEqualTo("Running");
        assertThat(s.confirmed()).isTrue();
        assertThat(s.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aConfirmationOlderThanThatIsNotShownAsRunning() {
        ObservedJobState s = observe(job(JobStatus.RUNNING), ClusterHealth.RUNNING,
                confirmed(JobStatus.RUNNING, null, Instant.parse("2026-12-03T15:17:20Z")));
        assertThat(s.label()).isEqualTo("Not confirmed since 15:17:20 — last seen Running");
        assertThat(s.confirmed()).isFalse();
    }

    @Test
    void neverConfirmedSaysSoWithTheTimeTheStatusWasRecorded() {
        ObservedJobState s = observe(job(JobStatus.RUNNING), ClusterHealth.RUNNING, null);
        assertThat(s.label()).isEqualTo("Not confirmed yet — last known Running (recorded at 15:00:00)");
        assertThat(s.confirmed()).isFalse();
    }

    @Test
    void anUnreachableClusterShowsItselfAndTheLastSeenStatusWithItsTime() {
        ObservedJobState s = observe(job(JobStatus.RUNNING), ClusterHealth.UNREACHABLE,
                confirmed(JobStatus.RUNNING, null, Instant.parse("2026-12-03T15:17:20Z")));
        assertThat(s.label()).isEqualTo("Cluster unreachable — last seen Running at 15:17:20");
        assertThat(s.confirmed()).isFalse();
        assertThat(s.clusterHealth()).isEqualTo(ClusterHealth.UNREACHABLE);
        assertThat(s.lastSeen()).isEqualTo(Instant.parse("2026-12-03T15:17:20Z"));
    }

    @Test
    void aFreshConfirmationDoesNotHelpWhenTheClusterIsNotRunning() {
        ObservedJobState s = observe(job(JobStatus.RUNNING), ClusterHealth.FAILED,
                confirmed(JobStatus.RUNNING, null, NOW.minusSeconds(1)));
        assertThat(s.label()).isEqualTo("Cluster failed — last seen Running at 15:17:29");
        assertThat(s.confirmed()).isFalse();
    }

    @Test
    void aStoppedClusterWithoutConfirmationGivesTheLastKnownStatus() {
        ObservedJobState s = observe(job(JobStatus.RUNNING), ClusterHealth.STOPPED, null);
        assertThat(s.label()).isEqualTo("Cluster stopped — last known Running (recorded at 15:00:00)");
    }

    @Test
    void aConfirmationFromAnotherDayCarriesItsDate() {
        ObservedJobState s = observe(job(JobStatus.RUNNING), ClusterHealth.UNREACHABLE,
                confirmed(JobStatus.RUNNING, null, Instant.parse("2026-12-02T23:59:58Z")));
        assertThat(s.label()).isEqualTo("Cluster unreachable — last seen Running at 2026-12-02 23:59:58");
    }

    @Test
    void aJobFlinkKeepsRestartingShowsRestartingWithTheCount() {
        ObservedJobState s = observe(job(JobStatus.RUNNING), ClusterHealth.RUNNING,
                confirmed(JobStatus.RESTARTING, 3, NOW.minusSeconds(1)));
        assertThat(s.label()).isEqualTo("Restarting (3 restarts)");
        assertThat(s.status()).isEqualTo(JobStatus.RESTARTING);
        assertThat(JobStateObserver.statusLabel(JobStatus.RESTARTING, 1)).isEqualTo("Restarting (1 restart)");
        assertThat(JobStateObserver.statusLabel(JobStatus.RESTARTING, null)).isEqualTo("Restarting");
        assertThat(observe(job(JobStatus.RUNNING), ClusterHealth.UNREACHABLE,
                confirmed(JobStatus.RESTARTING, 3, Instant.parse("2026-12-03T15:17:20Z"))).label())
                .isEqualTo("Cluster unreachable — last seen Restarting (3 restarts) at 15:17:20");
    }

    @Test
    void statusesTheAppOwnsAreShownAsStoredWhateverTheCluster() {
        for (JobStatus status : new JobStatus[] {JobStatus.STOPPED, JobStatus.ERROR, JobStatus.UNPUBLISHED,
                JobStatus.OPERATING}) {
            ObservedJobState s = observe(job(status), ClusterHealth.UNREACHABLE, null);
            assertThat(s.label()).isEqualTo(status.label());
            assertThat(s.confirmed()).isTrue();
        }
    }

    @Test
    void aConfirmationOfAnEarlierRunDoesNotCount() {
        JobStateObserver observer = new JobStateObserver(id -> cluster(ClusterHealth.RUNNING), id -> FRESH,
                java.time.Clock.fixed(NOW, UTC), UTC);
        Job job = job(JobStatus.RUNNING);
        observer.confirm(job.id(), "an-earlier-flink-job", JobStatus.RUNNING, null, NOW);
        assertThat(observer.observe(job).confirmed()).isFalse();
        observer.confirm(job.id(), "f1", JobStatus.RUNNING, null, NOW);
        assertThat(observer.observe(job).label()).isEqualTo("Running");
        observer.forget(job.id());
        assertThat(observer.observe(job).confirmed()).isFalse();
    }

    @Test
    void aJobWhoseRunEndedWithTheClusterSaysItResumes() {
        Job stopped = job(JobStatus.STOPPED);
        assertThat(JobStateObserver.observe(stopped, cluster(ClusterHealth.FAILED), null, true, NOW, FRESH, UTC).label())
                .isEqualTo("Ended with the cluster — resumes when the cluster is back");
        assertThat(JobStateObserver.observe(stopped, cluster(ClusterHealth.RUNNING), null, true, NOW, FRESH, UTC).label())
                .isEqualTo("Ended with the cluster — resuming");
    }
}
