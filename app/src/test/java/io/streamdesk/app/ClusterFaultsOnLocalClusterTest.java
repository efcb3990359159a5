package io.streamdesk.app;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.ObservedJobState;
import io.streamdesk.service.RestoreChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the real local cluster (a child JVM running Flink 2.3.0) while a streaming job runs, wired as the app
 * wires it (reconcile every second): a SIGSTOP makes it unreachable only after several failed probes and it comes
 * back by itself after SIGCONT; a kill -9 ends the run "with the cluster", the app restarts the cluster and resumes
 * the job from its newest checkpoint. What the user would read is sampled all along and must never be a plain
 * Running while the cluster is not running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsOnLocalClusterTest {
    static final String SQL = """
            SET 'execution.checkpointing.interval' = '1 s';
            CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen', 'rows-per-second' = '20',
                'fields.id.min' = '1', 'fields.id.max' = '10');
            CREATE TABLE totals (id BIGINT, total DOUBLE) WITH ('connector' = 'blackhole');
            INSERT INTO totals SELECT id, SUM(amount) FROM orders GROUP BY id;
            """;

    @TempDir
    static Path dataDir;
    static AppContext app;
    static Job job;
    /** Labels the job list would show, with the cluster's health at the time, sampled every 100 ms. */
    static final List<String> seen = new CopyOnWriteArrayList<>();
    static volatile boolean sampling = true;

    @BeforeAll
    static void open() {
        app = AppContext.open(dataDir, AppOptions.forTests().withStopJobsOnClose(false));
        app.clusters().startAll();
        job = app.jobs().createSqlJob("Totals", "/faults");
        app.jobs().saveDraft(job.id(), SQL);
        app.jobs().publish(job.id(), "stateful aggregate, checkpoint every second");
        job = app.runs().run(job.id(), 1, RestoreChoice.fresh());
        Thread sampler = new Thread(() -> {
            while (sampling) {
                try {
                    ObservedJobState shown = app.clusters().jobStates().observe(app.jobs().job(job.id()));
                    String line = shown.clusterHealth() + " | " + shown.label(); // one observation: no race
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(line)) {
                        seen.add(line);
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the store may be busy for a moment; the next sample counts
                }
            }
        }, "shown-state-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    @AfterAll
    static void close() {
        sampling = false;
        System.out.println("States shown (cluster health | job label):\n  " + String.join("\n  ", seen));
        if (app != null) {
            app.close();
        }
    }

    static long childPid() throws Exception {
        return Long.parseLong(Files.readString(dataDir.resolve("cluster").resolve("pid")).strip());
    }

    static void signal(String signal, long pid) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    static String label() {
        return app.clusters().jobStates().observe(app.jobs().job(job.id())).label();
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + what + "; shown: " + seen);
            }
            Thread.sleep(100);
        }
    }

    static long count(EventKind kind) {
        return app.clusters().events(200).stream().map(JobEvent::kind).filter(kind::equals).count();
    }

    @Test
    @Order(1)
    void aStoppedChildIsUnreachableOnlyAfterSeveralProbesAndRunningAgainAfterItContinues() throws Exception {
        await(() -> label().equals("Running"), Duration.ofSeconds(30), "the job confirmed Running");
        long pid = childPid();
        signal("STOP", pid);
        try {
            await(() -> app.clusters().state("local").health() == ClusterHealth.UNREACHABLE, Duration.ofSeconds(60),
                    "the cluster unreachable");
            assertThat(app.clusters().state("local").detail()).contains("did not answer 3 probes in a row");
            assertThat(app.clusters().state("local").lastSeen()).isNotNull();
            await(() -> label().startsWith("Cluster unreachable — last seen Running at "), Duration.ofSeconds(10),
                    "the job showing its unreachable cluster");
        } finally {
            signal("CONT", pid);
        }
        await(() -> app.clusters().state("local").health() == ClusterHealth.RUNNING, Duration.ofSeconds(30),
                "the cluster reachable again by itself");
        await(() -> label().equals("Running"), Duration.ofSeconds(30), "the job confirmed Running again");
        assertThat(count(EventKind.CLUSTER_UNREACHABLE)).as("one outage, no flapping").isEqualTo(1);
        assertThat(count(EventKind.CLUSTER_REACHABLE)).isEqualTo(1);
        assertThat(app.jobs().job(job.id()).runInstance()).as("the run survived the pause").isEqualTo(1);
        assertThat(seen).noneMatch(s -> !s.startsWith("RUNNING") && s.endsWith("| Running"));
    }

    @Test
    @Order(2)
    void aKilledChildEndsTheRunWithTheClusterWhichRestartsAndTheJobResumesFromItsCheckpoint() throws Exception {
        await(() -> {
            app.monitoring().sampleNow(); // records the checkpoints Flink reports (the app does it on its schedule)
            return app.runs().latestRestorePoint(job.id()).isPresent();
        }, Duration.ofSeconds(60), "a completed checkpoint recorded");
        JobRun first = app.runs().runs(job.id()).get(0);
        signal("KILL", childPid());

        await(() -> app.runs().runs(job.id()).get(0).instance() == first.instance() + 1
                        && app.jobs().job(job.id()).status() == JobStatus.RUNNING,
                Duration.ofSeconds(120), "the job resumed as a new run");
        List<JobRun> runs = app.runs().runs(job.id());
        JobRun ended = runs.get(1);
        JobRun resumed = runs.get(0);
        assertThat(ended.endState()).isEqualTo("ENDED_WITH_CLUSTER");
        assertThat(resumed.restoredFrom()).as("resumed from a checkpoint of the run that died").isNotNull();
        CheckpointRecord from = app.runs().restorePoints(job.id()).stream()
                .filter(c -> c.location().equals(resumed.restoredFrom())).findFirst().orElseThrow();
        assertThat(from.flinkJobId()).isEqualTo(first.flinkJobId());
        assertThat(count(EventKind.CLUSTER_EXITED)).isGreaterThanOrEqualTo(1);
        assertThat(count(EventKind.CLUSTER_RESTARTING)).isEqualTo(1);
        assertThat(app.runs().events(job.id())).extracting(JobEvent::kind)
                .contains(EventKind.JOB_ENDED_WITH_CLUSTER, EventKind.JOB_STARTED);
        await(() -> label().equals("Running"), Duration.ofSeconds(30), "the resumed job confirmed Running");
        assertThat(app.jobs().job(job.id()).warning()).isNull();
        assertThat(seen).noneMatch(s -> !s.startsWith("RUNNING") && s.endsWith("| Running"));
    }

    @Test
    @Order(3)
    void restartByHandWorksOnALiveButUnresponsiveChildAndTheJobResumes() throws Exception {
        await(() -> label().equals("Running"), Duration.ofSeconds(30), "the job confirmed Running");
        await(() -> {
            app.monitoring().sampleNow();
            return app.runs().restorePoints(job.id()).stream()
                    .anyMatch(c -> c.flinkJobId().equals(app.jobs().job(job.id()).flinkJobId()));
        }, Duration.ofSeconds(60), "a checkpoint of the current run recorded");
        int instance = app.jobs().job(job.id()).runInstance();
        long stopped = childPid();
        signal("STOP", stopped);
        try {
            await(() -> app.clusters().state("local").health() == ClusterHealth.UNREACHABLE, Duration.ofSeconds(60),
                    "the cluster unreachable");
            app.clusters().restart("local"); // what the status bar's Restart does
        } finally {
            if (ProcessHandle.of(stopped).isPresent()) {
                signal("CONT", stopped);
            }
        }
        assertThat(ProcessHandle.of(stopped).map(ProcessHandle::isAlive).orElse(false)).as("the stuck child was killed")
                .isFalse();
        await(() -> app.jobs().job(job.id()).runInstance() == instance + 1
                        && app.jobs().job(job.id()).status() == JobStatus.RUNNING,
                Duration.ofSeconds(120), "the job resumed on the new child");
        assertThat(childPid()).isNotEqualTo(stopped);
        assertThat(app.runs().runs(job.id()).get(1).endState()).isEqualTo("ENDED_WITH_CLUSTER");
        assertThat(app.runs().runs(job.id()).get(0).restoredFrom()).isNotNull();
        await(() -> label().equals("Running"), Duration.ofSeconds(30), "the resumed job confirmed Running");
    }

    @Test
    @Order(4)
    void aJobFlinkKeepsRestartingShowsRestartingWithTheCountNotRunning() throws Exception {
        app.runs().stop(job.id(), false);
        Job failing = app.jobs().createSqlJob("Divides by zero", "/faults");
        app.jobs().saveDraft(failing.id(), """
                SET 'restart-strategy.type' = 'fixed-delay';
                SET 'restart-strategy.fixed-delay.attempts' = '1000';
                SET 'restart-strategy.fixed-delay.delay' = '2 s';
                CREATE TABLE numbers (id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5',
                    'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '100000');
                CREATE TABLE sink (q INT) WITH ('connector' = 'blackhole');
                -- fails on its 25th row, about 5 s after it started (a run that fails while starting is cancelled),
                -- then again after every restart
                INSERT INTO sink SELECT 100 / (id - 25) FROM numbers;
                """);
        app.jobs().publish(failing.id(), "fails on every row");
        try {
            app.runs().run(failing.id(), 1, RestoreChoice.fresh());
        } catch (RuntimeException e) {
            // a run may already see it failing while it starts; the reconcile tracks the Flink job either way
        }
        await(() -> {
            Job now = app.jobs().job(failing.id());
            ObservedJobState shown = app.clusters().jobStates().observe(now);
            seen.add("restart loop | " + shown.label());
            return shown.status() == JobStatus.RESTARTING && shown.restarts() != null && shown.restarts() > 0;
        }, Duration.ofSeconds(90), "Restarting with a count");
        String shown = app.clusters().jobStates().observe(app.jobs().job(failing.id())).label();
        assertThat(shown).matches("Restarting \\(\\d+ restarts?\\)");
    }
}
