package io.streamdesk.service.checkpoints;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.service.jobconfig.VersionRunService.RunRequest;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import io.streamdesk.service.port.CheckpointReader.CheckpointEntry;
import io.streamdesk.testing.FakeClusterConnector;
import io.streamdesk.testing.FakeFlinkMetrics;
import io.streamdesk.testing.FakeGateway;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R6: a remote cluster's checkpoints and savepoints live where the cluster writes them. The unreadable case (another
 * host's file: path, s3://) cannot be made on loopback, where every file: URI the real cluster writes is readable, so
 * it is tested here over the fakes: such a restore point is offered as Flink reported it and said to be so, the
 * state check is skipped with the reason, and on the local cluster a missing file still means Cleared.
 */
class RemoteRestorePointsTest {
    /** A directory of the remote cluster's hosts that this desktop does not have. */
    private static final String ON_ITS_HOSTS = "file:///nowhere-on-this-desktop/savepoints";

    @TempDir
    Path dir;
    private final FakeClusterConnector connector = new FakeClusterConnector();
    private FakeServices services;
    private FakeGateway remote;
    private Job job;

    @BeforeEach
    void setUp() {
        services = new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(connector));
        ClusterDefinition d = services.clusters().addRemote("Prod", RemoteEndpoint.of("http://10.0.0.5:8081"), null,
                ON_ITS_HOSTS);
        remote = connector.last(d.id()).fakeGateway();
        remote.savepointsOnAnotherHost = true;
        connector.last(d.id()).start();
        job = services.jobs().createSqlJob("orders", "/", d.id());
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT * FROM b;");
        services.jobs().publish(job.id(), "first");
    }

    @Test
    void aSavepointOnTheClustersHostsIsOfferedAsFlinkReportedItAndRestoredFrom() {
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        services.runs().stop(job.id(), true);

        String location = services.runs().savepoints(job.id()).get(0).location();
        assertThat(location).startsWith(ON_ITS_HOSTS + "/" + job.id().value() + "/savepoint-");
        assertThat(Files.exists(Path.of(java.net.URI.create(location)))).isFalse();
        assertThat(services.checkpoints().list(job.id())).extracting(CheckpointRecord::status)
                .containsExactly(SavepointStatus.COMPLETED);
        assertThat(services.runs().restorePoints(job.id())).extracting(CheckpointRecord::location).containsExactly(location);
        assertThat(services.runs().notReadableFromDesktop(job.id(), location)).isTrue();

        services.runs().run(job.id(), 1, RestoreChoice.latest());
        assertThat(services.submitter.restorePaths()).last().isEqualTo(location);
        assertThat(remote.state(services.jobs().job(job.id()).flinkJobId())).isEqualTo("RUNNING");
    }

    @Test
    void checkpointsOnObjectStorageFollowFlinksHistory() {
        FakeFlinkMetrics flink = new FakeFlinkMetrics(false);
        remote.serveMetrics(flink);
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        flink.addCheckpoint(new CheckpointEntry(1, "COMPLETED", "CHECKPOINT", false, 1_000, 1_040, 40, 100,
                "s3://bucket/chk/chk-1", true, null));
        flink.addCheckpoint(new CheckpointEntry(2, "COMPLETED", "CHECKPOINT", false, 2_000, 2_050, 50, 200,
                "s3://bucket/chk/chk-2", false, null));
        flink.addCheckpoint(new CheckpointEntry(3, "FAILED", "CHECKPOINT", false, 3_000, 0, 0, 0, null, false,
                "Checkpoint expired before completing."));
        flink.set("numberOfCompletedCheckpoints", 2);
        services.monitoring().sampleNow();

        assertThat(services.checkpoints().list(job.id())).extracting(CheckpointRecord::checkpointId, CheckpointRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, SavepointStatus.EXPIRED),
                        org.assertj.core.groups.Tuple.tuple(2L, SavepointStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple(1L, SavepointStatus.CLEARED));
        assertThat(services.runs().latestRestorePoint(job.id())).get()
                .extracting(CheckpointRecord::location).isEqualTo("s3://bucket/chk/chk-2");
        assertThat(services.runs().notReadableFromDesktop(job.id(), "s3://bucket/chk/chk-2")).isTrue();
    }

    @Test
    void theStateCheckIsSkippedWithTheReasonAndTheRunGoesAhead() {
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        services.runs().stop(job.id(), true);
        String location = services.runs().savepoints(job.id()).get(0).location();
        VersionRunService versionRuns = services.versionRuns();

        VersionRunService.RunPlan plan = versionRuns.plan(job.id(), 1, RestoreChoice.latest());

        assertThat(plan.restorePath()).isEqualTo(location);
        assertThat(plan.state()).isEmpty();
        assertThat(plan.problem()).isEqualTo("The savepoint at " + location + " is not readable from this desktop"
                + " \u2014 Flink reported it completed: the state-compatibility check is skipped (it reads the"
                + " savepoint's _metadata). Flink still checks the state on start.");
        // a path Flink never reported is not called completed
        assertThat(versionRuns.plan(job.id(), 1, RestoreChoice.path("s3://elsewhere/sp-9")).problem())
                .contains("not readable from this desktop, and Flink did not report it to the app")
                .contains("Flink still checks the state on start");

        Job running = versionRuns.run(job.id(), new RunRequest(1, RestoreChoice.latest(), StopFirst.DO_NOT_STOP, false));
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(services.submitter.restorePaths()).last().isEqualTo(location);
    }

    @Test
    void onTheLocalClusterAMissingFileStillMeansCleared() {
        Job local = services.jobs().createSqlJob("local-orders", "/");
        services.jobs().saveDraft(local.id(), "INSERT INTO a SELECT * FROM b;");
        services.jobs().publish(local.id(), "first");
        services.runs().run(local.id(), 1, RestoreChoice.fresh());
        services.runs().stop(local.id(), true);
        String location = services.runs().savepoints(local.id()).get(0).location();
        assertThat(services.runs().restorePoints(local.id())).hasSize(1);
        assertThat(services.runs().notReadableFromDesktop(local.id(), location)).isFalse();

        deleteTree(Path.of(java.net.URI.create(location)));

        assertThat(services.checkpoints().list(local.id())).extracting(CheckpointRecord::status)
                .containsExactly(SavepointStatus.CLEARED);
        assertThat(services.runs().restorePoints(local.id())).isEmpty();
        assertThat(services.runs().notReadableFromDesktop(local.id(), location)).isFalse();
        // the same kind of path of the remote job is not cleared: the desktop just cannot see the cluster's disk
        assertThat(services.runs().notReadableFromDesktop(job.id(), location)).isTrue();
    }

    private static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
