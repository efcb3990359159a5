package io.streamdesk.app;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.service.BatchOperation;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.RunService.RunTimeouts;
import io.streamdesk.service.jobconfig.VersionRunService.RunRequest;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import io.streamdesk.service.port.ClusterGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flink semantics of a run (issue 10, section 2) on real parts: H2 with Flyway and the local cluster child running
 * real Flink 2.3.0 (4 slots). Bounded and BATCH jobs end Finished with their counts; a failing job names its root
 * cause; a parallelism beyond the free slots is refused on every path, and a wait that times out leaves no Flink job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunSemanticsOnLocalClusterTest {
    static final String BATCH_GROUP_BY = """
            CREATE TABLE src (k INT, v BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1000',
                'fields.k.min' = '1', 'fields.k.max' = '5');
            CREATE TABLE snk (k INT, c BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;
            """;
    static final String BOUNDED_STREAM = """
            CREATE TABLE src (v BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '500');
            CREATE TABLE snk (v BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT v FROM src;
            """;
    static final String DIVIDES_BY_ZERO = """
            CREATE TABLE src (v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
            CREATE TABLE snk (v INT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT 10 / CAST(v - v AS INT) FROM src;
            """;
    static final String ENDLESS = """
            CREATE TABLE src (v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
            CREATE TABLE snk (v BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT v FROM src;
            """;

    @TempDir
    static Path dataDir;
    static AppContext app;

    @BeforeAll
    static void open() {
        // a short wait for RUNNING so that the test of a job waiting for slots ends in seconds, not minutes
        RunTimeouts timeouts = new RunTimeouts(Duration.ofSeconds(90), Duration.ofSeconds(25), Duration.ofSeconds(120));
        AppOptions tests = AppOptions.forTests();
        app = AppContext.open(dataDir, new AppOptions(tests.author(), tests.clusterHeap(), timeouts,
                tests.reconcileInterval(), tests.stopJobsOnClose(), tests.clusterLifetime()));
        app.clusters().startAll();
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    static Job published(String name, String sql, JobConfig config) {
        Job job = app.jobs().createSqlJob(name, "/semantics");
        app.jobs().saveDraft(job.id(), sql, config);
        app.jobs().publish(job.id(), "v1");
        return app.jobs().job(job.id());
    }

    static ClusterGateway gateway() {
        return app.clusters().currentGateway("local");
    }

    static long liveFlinkJobs() {
        return gateway().jobsOverview().stream().filter(j -> !j.isTerminal()).count();
    }

    @Test
    @Order(1)
    void aBatchJobWithAGroupByEndsFinishedWithItsCounts() {
        Job job = published("batch totals", BATCH_GROUP_BY, JobConfig.defaults().withRuntimeMode(RuntimeMode.BATCH)
                .withResources(new JobResources(1, 1, 2)));
        Job ran = app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));
        Job finished = awaitStatus(job, JobStatus.FINISHED, ran);
        assertThat(finished.warning()).isNull();
        assertThat(finished.onlineVersion()).isNull();
        JobRun run = app.runs().runs(job.id()).get(0);
        assertThat(run.endState()).isEqualTo(JobRun.FINISHED);
        assertThat(run.endedAt()).isAfterOrEqualTo(run.startedAt());
        // the sources' task (chained with the local pre-aggregation) sent one row per key and task; the sink got them
        assertThat(run.recordsRead()).isPositive();
        assertThat(run.recordsWritten()).isEqualTo(run.recordsRead());
        assertThat(run.finishSummary()).contains("records read", "written");
        assertThat(app.runs().events(job.id())).extracting(JobEvent::message).anyMatch(m -> m.contains("finished"));
        assertThat(app.runs().events(job.id())).noneMatch(e -> e.kind() == EventKind.OPERATION_FAILED);
    }

    @Test
    @Order(2)
    void aBoundedStreamingJobEndsFinishedWithItsCounts() {
        Job job = published("bounded stream", BOUNDED_STREAM, JobConfig.defaults().withResources(new JobResources(1, 1, 2)));
        Job ran = app.runs().run(job.id(), 1, RestoreChoice.fresh());
        Job finished = awaitStatus(job, JobStatus.FINISHED, ran);
        assertThat(finished.warning()).isNull();
        JobRun run = app.runs().runs(job.id()).get(0);
        assertThat(run.finished()).isTrue();
        // the source task sends its 500 rows to the sink's writer task (Flink 2.3 does not chain them)
        assertThat(run.recordsRead()).isEqualTo(500);
        assertThat(run.recordsWritten()).isEqualTo(500);
        assertThat(run.finishSummary()).contains("500 records read, 500 written");
        assertThat(app.runs().events(job.id())).noneMatch(e -> e.kind() == EventKind.OPERATION_FAILED);
    }

    @Test
    @Order(3)
    void aRunThatFailsToStartNamesTheRootCauseAndKeepsTheChain() {
        String fewRestarts = JobConfig.DEFAULT_PARAMETERS.replace("restart-strategy.fixed-delay.attempts: 5",
                "restart-strategy.fixed-delay.attempts: 1").replace("restart-strategy.fixed-delay.delay: 5 s",
                "restart-strategy.fixed-delay.delay: 1 s");
        Job job = published("divides by zero", DIVIDES_BY_ZERO, JobConfig.defaults().withParameters(fewRestarts));
        // the tasks may all be RUNNING for a moment before the first row fails them: the run then returns and the
        // reconcile ends it; either way the warning names the root cause, not Flink's restart wrapper
        try {
            app.runs().run(job.id(), 1, RestoreChoice.fresh());
        } catch (OperationFailedException e) {
            assertThat(e.getMessage()).contains("java.lang.ArithmeticException: / by zero", "Calc")
                    .doesNotContain("Recovery is suppressed");
        }
        // failed while starting: back to Stopped with the warning; failed after starting: Error from the reconcile
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (app.jobs().job(job.id()).warning() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        Job after = app.jobs().job(job.id());
        assertThat(after.status()).isIn(JobStatus.ERROR, JobStatus.STOPPED);
        assertThat(after.warning().message()).contains("java.lang.ArithmeticException: / by zero", "(in Source: src")
                .doesNotContain("Recovery is suppressed");
        JobEvent failed = app.runs().events(job.id()).stream().filter(e -> e.kind() == EventKind.JOB_FAILED)
                .findFirst().orElseThrow();
        assertThat(failed.evidence()).contains("Recovery is suppressed", "Caused by: java.lang.ArithmeticException: / by zero");
        assertThat(app.runs().runs(job.id()).get(0).endState()).isEqualTo("FAILED");
        assertThat(liveFlinkJobs()).isZero();
    }

    @Test
    @Order(4)
    void aParallelismBeyondTheFreeSlotsIsRefusedOnEveryPathWithoutSubmitting() {
        Job job = published("too wide", ENDLESS, JobConfig.defaults().withResources(new JobResources(0.25, 0.25, 8)));
        long before = gateway().jobsOverview().size();
        assertThat(gateway().overview().slotsAvailable()).isEqualTo(4);

        assertThatThrownBy(() -> app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false)))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("needs 8 slots").hasMessageContaining("largest parallelism that fits is 4");

        List<BatchOperation.JobResult> batch = BatchOperation.run(List.of(app.jobs().job(job.id())),
                app.batchActions().run(RestoreChoice.fresh()), (r, done, total) -> { }, () -> false);
        assertThat(batch).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(BatchOperation.Outcome.FAILED);
            assertThat(r.message()).contains("largest parallelism that fits is 4");
        });
        assertThat(gateway().jobsOverview()).as("nothing was submitted").hasSize((int) before);
        assertThat(app.runs().runs(job.id())).isEmpty();
        assertThat(app.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    @Order(5)
    void aWaitThatTimesOutCancelsItsFlinkJobAndARetrySubmitsNoSecondCopy() {
        // RunService without the slot check: Flink accepts the job and waits for slots it never gets
        Job job = published("waits for slots", ENDLESS, JobConfig.defaults().withResources(new JobResources(0.25, 0.25, 8)));
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> app.runs().run(job.id(), 1, RestoreChoice.fresh()))
                    .isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("the Flink job was cancelled");
            assertThat(liveFlinkJobs()).as("no Flink job stays behind (attempt " + attempt + ")").isZero();
            assertThat(app.runs().runs(job.id())).hasSize(attempt).allSatisfy(r -> assertThat(r.endState()).isEqualTo("CANCELED"));
            Job after = app.jobs().job(job.id());
            assertThat(after.status()).isEqualTo(JobStatus.STOPPED);
            assertThat(after.warning().message()).contains("Not every task was running");
        }
        List<FlinkJobSummary> mine = gateway().jobsOverview().stream().filter(j -> j.name().contains(job.id().value())).toList();
        assertThat(mine).hasSize(2).allSatisfy(j -> assertThat(j.state()).isEqualTo("CANCELED"));
    }

    @Test
    @Order(6)
    void aDefaultJobTakesPeriodicCheckpointsAndRunsFromTheLatestOneAfterACrash() throws Exception {
        // P3: the default line is there and Flink reads it as 60 s
        java.util.Map<String, String> flinkConfig = io.streamdesk.service.jobconfig.FlinkJobConfiguration.of(JobConfig.defaults(), false);
        assertThat(flinkConfig).containsEntry("execution.checkpointing.interval", "60 s");
        assertThat(org.apache.flink.configuration.Configuration.fromMap(flinkConfig)
                .get(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(60));
        // the test only shortens the interval, so that a checkpoint completes within seconds
        String parameters = JobConfig.DEFAULT_PARAMETERS.replace("execution.checkpointing.interval: 60 s",
                "execution.checkpointing.interval: 2 s");
        assertThat(parameters).isNotEqualTo(JobConfig.DEFAULT_PARAMETERS);
        Job job = published("checkpointed", ENDLESS, JobConfig.defaults().withParameters(parameters));
        Job running = app.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (app.runs().latestRestorePoint(job.id()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no periodic checkpoint was recorded; Flink reports "
                        + gateway().checkpoints(running.flinkJobId()));
            }
            Thread.sleep(500);
        }
        String checkpoint = app.runs().latestRestorePoint(job.id()).orElseThrow().location();
        assertThat(checkpoint).contains("chk-");

        // a crash: the child dies without a chance to clean up; its retained checkpoint stays on disk
        Path pidFile;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dataDir)) {
            pidFile = files.filter(f -> f.getFileName().toString().equals(io.streamdesk.flink.local.LocalClusterMain.PID_FILE))
                    .findFirst().orElseThrow();
        }
        ProcessHandle child = ProcessHandle.of(Long.parseLong(java.nio.file.Files.readString(pidFile).strip())).orElseThrow();
        child.destroyForcibly();
        child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (app.clusters().state("local").health() == io.streamdesk.model.ClusterHealth.RUNNING && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        app.clusters().startAll();
        app.clusters().readyGateway("local", Duration.ofSeconds(90));
        until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (app.runs().runs(job.id()).get(0).endedAt() == null && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(app.runs().runs(job.id()).get(0).endedAt()).as("the run ended with its cluster").isNotNull();
        String latest = app.runs().latestRestorePoint(job.id()).orElseThrow().location();

        Job resumed = app.runs().run(job.id(), 1, RestoreChoice.latest());
        assertThat(resumed.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(app.runs().runs(job.id()).get(0).restoredFrom()).isEqualTo(latest).contains("chk-");
        app.runs().stop(job.id(), false);
    }

    /**
     * Issue 14: publish keeps the compiled job graph; the run (the Run dialog's path, its CU check included) submits
     * it without the planner, fresh and restoring from a savepoint (the restore settings are set on the kept graph).
     */
    @Test
    @Order(7)
    void aPublishedVersionRunsFromItsKeptJobGraphWithoutCompiling() throws Exception {
        Job job = published("kept graph", ENDLESS, JobConfig.defaults().withResources(new JobResources(0.25, 0.25, 2)));
        io.streamdesk.service.StoredJobGraphs kept = app.storedGraphs();
        assertThat(dataDir.resolve("job-graphs").resolve(job.id().value()).resolve("v1.properties")).isRegularFile();
        long stored = kept.storedRuns();
        long compiled = kept.compiledRuns();

        Job ran = app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));

        assertThat(ran.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(kept.storedRuns()).as("submitted the kept graph").isEqualTo(stored + 1);
        assertThat(kept.compiledRuns()).as("the planner path was not taken").isEqualTo(compiled);
        FlinkJobSummary flink = gateway().job(ran.flinkJobId()).orElseThrow();
        assertThat(flink.allTasksRunning()).isTrue();
        assertThat(flink.name()).isEqualTo("kept graph (" + job.id() + " v1)");

        app.runs().stop(job.id(), true);
        String savepoint = app.runs().latestSavepoint(job.id()).orElseThrow().location();
        Job restored = app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.latest(), StopFirst.DO_NOT_STOP, false));
        assertThat(kept.storedRuns()).isEqualTo(stored + 2);
        assertThat(kept.compiledRuns()).isEqualTo(compiled);
        assertThat(restored.flinkJobId()).as("a new Flink job id per submission").isNotEqualTo(ran.flinkJobId());
        assertThat(app.runs().runs(job.id()).get(0).restoredFrom()).isEqualTo(savepoint);
        // Flink itself says it restored from that savepoint: the kept graph carried the restore settings
        assertThat(restoredFrom(restored.flinkJobId())).isEqualTo(savepoint);
        app.runs().stop(job.id(), false);
    }

    /** Without a kept graph (a version published before issue 14), or one of another Flink, the run compiles. */
    @Test
    @Order(8)
    void aVersionWithoutAFittingKeptGraphCompilesAndRunsAllTheSame() throws Exception {
        Job job = published("no kept graph", ENDLESS, JobConfig.defaults().withResources(new JobResources(0.25, 0.25, 1)));
        io.streamdesk.service.StoredJobGraphs kept = app.storedGraphs();
        Path index = dataDir.resolve("job-graphs").resolve(job.id().value()).resolve("v1.properties");
        io.streamdesk.store.JobGraphFiles files = new io.streamdesk.store.JobGraphFiles(dataDir.resolve("job-graphs"));
        io.streamdesk.service.port.JobGraphStore.StoredJobGraph graph = files.find(job.id(), 1).orElseThrow();

        java.nio.file.Files.delete(index);
        long compiled = kept.compiledRuns();
        long stored = kept.storedRuns();
        Job ran = app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));
        assertThat(ran.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(kept.compiledRuns()).isEqualTo(compiled + 1);
        assertThat(kept.storedRuns()).isEqualTo(stored);
        app.runs().stop(job.id(), false);

        files.save(job.id(), 1, new io.streamdesk.service.port.JobGraphStore.StoredJobGraph("1.20.0", graph.fingerprint(),
                graph.jobName(), graph.graph(), graph.jars(), graph.compiledAt()));
        Job again = app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));
        assertThat(again.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(kept.compiledRuns()).as("a graph of another Flink is not submitted").isEqualTo(compiled + 2);
        assertThat(kept.storedRuns()).isEqualTo(stored);
        app.runs().stop(job.id(), false);

        // a renamed job's Flink job name differs from the kept graph's: compiled too
        files.save(job.id(), 1, graph);
        app.jobs().rename(job.id(), "renamed");
        app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));
        assertThat(kept.compiledRuns()).isEqualTo(compiled + 3);
        assertThat(gateway().job(app.jobs().job(job.id()).flinkJobId()).orElseThrow().name())
                .isEqualTo("renamed (" + job.id() + " v1)");
        app.runs().stop(job.id(), false);
    }

    /**
     * {@code streamdesk job run ID} from a shell: a new JVM on the same data directory while this "app" has it open (H2's
     * AUTO_SERVER), attached to the running cluster. It submits the kept graph and records the run as the app would
     * (the app reads the rows back through Hibernate and stops the job through them), and it loads neither Hibernate,
     * Flyway nor the planner ({@code -verbose:class}).
     */
    @Test
    @Order(9)
    void theCliRunsAPublishedVersionFromItsKeptGraphWithoutHibernateOrThePlanner() throws Exception {
        Job job = published("cli kept graph", ENDLESS, JobConfig.defaults().withResources(new JobResources(0.25, 0.25, 1)));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-verbose:class"));
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.streamdesk.Launcher", "cli",
                "--data-dir", dataDir.toString(), "job", "run", job.id().value()));
        Process cli = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cli.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<String> output = printed.lines().filter(l -> !l.startsWith("[")).toList();
        List<String> loaded = printed.lines().filter(l -> l.contains("[class,load]")).toList();

        assertThat(cli.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(output).anySatisfy(l -> assertThat(l).contains("Running version 1 of " + job.id(),
                "from the job graph kept at publish"));
        assertThat(loaded).as("classes the CLI loaded").hasSizeGreaterThan(1000)
                .noneMatch(l -> l.contains(" org.hibernate.") || l.contains(" org.flywaydb.")
                        || l.contains(" org.apache.flink.table.planner") || l.contains(" org.apache.calcite."));
        Job after = app.jobs().job(job.id());
        assertThat(after.status()).isEqualTo(JobStatus.RUNNING);
        JobRun run = app.runs().runs(job.id()).get(0);
        assertThat(run.endedAt()).isNull();
        assertThat(output).anySatisfy(l -> assertThat(l).contains(run.flinkJobId()));
        assertThat(gateway().job(run.flinkJobId()).orElseThrow().allTasksRunning()).isTrue();
        assertThat(app.runs().events(job.id())).anyMatch(e -> e.kind() == EventKind.JOB_STARTED);
        Job stopped = app.runs().stop(job.id(), false);
        assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(app.runs().runs(job.id()).get(0).endState()).isEqualTo("CANCELED");
    }

    /** {@code latest.restored.external_path} of the job's checkpoints: where Flink says it restored from. */
    static String restoredFrom(String flinkJobId) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway().restUrl() + "/jobs/" + flinkJobId
                        + "/checkpoints")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.JsonNode restored = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body()).path("latest").path("restored");
        return restored.path("external_path").asText(null);
    }

    static Job awaitStatus(Job job, JobStatus wanted, Job first) {
        if (first != null && first.status() == wanted) {
            return first;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Job now = app.jobs().job(job.id());
            if (now.status() == wanted) {
                return now;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + job.id() + " is " + app.jobs().job(job.id()).status() + ", not " + wanted);
    }
}
