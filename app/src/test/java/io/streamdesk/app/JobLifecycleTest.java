package io.streamdesk.app;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.RestoreChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The user flow of the foundation issue on real parts: an H2 file database with Flyway migrations and the
 * embedded local cluster (a child JVM running real Flink 2.3.0), wired exactly as the app wires them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobLifecycleTest {
    static final String SQL = """
            -- a generated stream into a sink that drops rows
            CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen', 'rows-per-second' = '20');

            CREATE TABLE sink (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole');
            INSERT INTO sink SELECT id, amount FROM orders WHERE amount > 0;
            """;

    @TempDir
    static Path dataDir;
    static AppContext app;
    static Job job;

    @BeforeAll
    static void open() {
        app = AppContext.open(dataDir, AppOptions.forTests());
        app.clusters().startAll();
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    @Test
    @Order(1)
    void createCheckAndPublish() {
        job = app.jobs().createSqlJob("Orders to sink", "/demo");
        assertThat(job.id().value()).matches("cql-[a-z0-9]{8}");
        assertThat(job.status()).isEqualTo(JobStatus.UNINITIALIZED);

        String broken = SQL.replace("SELECT id, amount FROM", "SELEC id, amount FROM");
        app.jobs().saveDraft(job.id(), broken);
        assertThat(app.jobs().job(job.id()).status()).isEqualTo(JobStatus.UNPUBLISHED);
        assertThat(app.jobs().check(broken)).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isEqualTo(5));
        assertThatThrownBy(() -> app.jobs().publish(job.id(), "first"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("line 5");
        assertThat(app.jobs().versions(job.id())).isEmpty();

        app.jobs().saveDraft(job.id(), SQL);
        assertThat(app.jobs().check(SQL)).isEmpty();
        assertThatThrownBy(() -> app.jobs().publish(job.id(), "  "))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("Description");

        JobVersion v1 = app.jobs().publish(job.id(), "first version");
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.sql()).isEqualTo(SQL);
        assertThat(app.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    @Order(2)
    void runStopWithSavepointAndRunAgainFromIt() throws Exception {
        assertThat(app.clusters().state("local").health()).isIn(ClusterHealth.STARTING, ClusterHealth.RUNNING);

        Job running = app.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.onlineVersion()).isEqualTo(1);
        assertThat(running.runInstance()).isEqualTo(1);
        assertThat(app.clusters().currentGateway("local").job(running.flinkJobId()).orElseThrow().allTasksRunning()).isTrue();

        Job stopped = app.runs().stop(job.id(), true);
        assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
        SavepointRecord savepoint = app.runs().latestSavepoint(job.id()).orElseThrow();
        assertThat(savepoint.source()).isEqualTo(SavepointSource.ON_STOP);
        Path location = Path.of(URI.create(savepoint.location().startsWith("file:") ? savepoint.location() : "file:" + savepoint.location()));
        assertThat(location.resolve("_metadata")).exists();
        assertThat(location.startsWith(dataDir)).as("savepoints stay under the data directory").isTrue();

        Job again = app.runs().run(job.id(), 1, RestoreChoice.latest());
        assertThat(again.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(again.runInstance()).isEqualTo(2);
        assertThat(app.runs().runs(job.id()).get(0).restoredFrom()).isEqualTo(savepoint.location());

        Job stoppedAgain = app.runs().stop(job.id(), false);
        assertThat(stoppedAgain.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(stoppedAgain.cumulativeRunTime()).isPositive();
        assertThat(app.runs().events(job.id())).extracting(e -> e.kind())
                .contains(EventKind.JOB_STARTED, EventKind.JOB_STOPPED);
    }

    @Test
    @Order(3)
    void aDeadClusterIsNoticedRecordedAndRestartedAndItsRunEndsWithIt() throws Exception {
        // with resuming off the job must say it ended with the cluster, as Error with the fix (resume: ClusterFaultsTest)
        app.clusters().setResumeJobsAfterRestart(false);
        Job running = app.runs().run(job.id(), 1, RestoreChoice.latest());
        long pid = Long.parseLong(Files.readString(dataDir.resolve("cluster").resolve("pid")).strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        awaitTrue(() -> app.clusters().events(10).stream().anyMatch(e -> e.kind() == EventKind.CLUSTER_EXITED),
                Duration.ofSeconds(10));
        // the app restarts its cluster by itself
        awaitTrue(() -> app.clusters().events(20).stream().anyMatch(e -> e.kind() == EventKind.CLUSTER_RESTARTING),
                Duration.ofSeconds(20));
        awaitTrue(() -> app.clusters().state("local").health() == ClusterHealth.RUNNING, Duration.ofSeconds(90));
        awaitTrue(() -> app.jobs().job(job.id()).status() == JobStatus.ERROR, Duration.ofSeconds(20));
        assertThat(app.jobs().job(job.id()).warning().message()).contains(running.flinkJobId())
                .contains("ended with the cluster");
        assertThat(app.jobs().job(job.id()).warning().suggestedFix()).contains("Resume jobs after a cluster restart");
        assertThat(app.runs().events(job.id())).extracting(e -> e.kind()).contains(EventKind.JOB_ENDED_WITH_CLUSTER);
        assertThat(app.runs().runs(job.id()).get(0).endState()).isEqualTo("ENDED_WITH_CLUSTER");
        app.clusters().setResumeJobsAfterRestart(true);
    }

    @Test
    @Order(4)
    void closingTheAppStopsRunningJobsWithASavepoint() {
        Job running = app.runs().run(job.id(), 1, RestoreChoice.latest());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        app.close();
        app = AppContext.open(dataDir, AppOptions.forTests());
        Job reopened = app.jobs().job(job.id());
        assertThat(reopened.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(app.runs().latestSavepoint(job.id()).orElseThrow().runInstance()).isEqualTo(running.runInstance());
        assertThat(app.runs().runs(job.id()).get(0).endState()).isEqualTo("STOPPED");
    }

    @Test
    @Order(5)
    void everythingIsThereAfterReopeningTheDataDirectory() {
        app.close();
        app = AppContext.open(dataDir, AppOptions.forTests());
        Job reopened = app.jobs().job(job.id());
        assertThat(reopened.name()).isEqualTo("Orders to sink");
        assertThat(reopened.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(reopened.runInstance()).isEqualTo(4);
        assertThat(app.jobs().draft(job.id()).orElseThrow().sql()).isEqualTo(SQL);
        assertThat(app.jobs().versions(job.id())).extracting(JobVersion::number).containsExactly(1);
        assertThat(app.runs().savepoints(job.id())).hasSize(2);
        assertThat(Files.exists(dataDir.resolve("db"))).isTrue();
    }
}
