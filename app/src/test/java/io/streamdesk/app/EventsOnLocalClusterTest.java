package io.streamdesk.app;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.logs.FailureCause;
import io.streamdesk.service.logs.LogPreset;
import io.streamdesk.service.logs.LogSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events (EV1, EV2) and log diagnosis (EV6) on the real local cluster (a child JVM running Flink 2.3.0), wired as
 * the app wires them: a job whose expression throws on some rows restarts twice and then fails for good; a job whose
 * checkpoints cannot finish within their timeout produces checkpoint-failed events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsOnLocalClusterTest {
    /** Fails at id 60, 3 s after each (re)start: the sequence starts again because nothing is checkpointed. */
    static final String FAILING_SQL = """
            SET 'restart-strategy.type' = 'fixed-delay';
            SET 'restart-strategy.fixed-delay.attempts' = '2';
            SET 'restart-strategy.fixed-delay.delay' = '2 s';
            CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20',
              'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000');
            CREATE TABLE sink (v INT) WITH ('connector' = 'blackhole');
            INSERT INTO sink SELECT 100 / (id - 60) FROM src;
            """;

    /** A keyed aggregation behind a fast source: barriers wait in full buffers far longer than the 11 ms timeout. */
    static final String CHECKPOINT_SQL = """
            SET 'execution.checkpointing.interval' = '500 ms';
            SET 'execution.checkpointing.timeout' = '11 ms';
            SET 'execution.checkpointing.tolerable-failed-checkpoints' = '1000';
            CREATE TABLE src (k INT, v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '200000',
              'fields.k.min' = '1', 'fields.k.max' = '1000');
            CREATE TABLE sink (k INT, c BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO sink SELECT k, COUNT(v) FROM src GROUP BY k;
            """;

    /**
     * The fix a user makes: version 2 drops the 11 ms timeout from the SQL and sets a sane one in the parameters;
     * checkpoints every second so the first one completes soon.
     */
    static final String FIXED_CHECKPOINT_SQL = CHECKPOINT_SQL
            .replace("SET 'execution.checkpointing.timeout' = '11 ms';\n", "")
            .replace("'execution.checkpointing.interval' = '500 ms'", "'execution.checkpointing.interval' = '1 s'");

    @TempDir
    static Path dataDir;
    static AppContext app;

    @BeforeAll
    static void open() {
        // -Devents.keepDataDir=<dir> keeps the data (for screenshots of the timeline and alarms after the test)
        String keep = System.getProperty("events.keepDataDir");
        app = AppContext.open(keep == null ? dataDir : Path.of(keep), AppOptions.forTests());
        app.clusters().startAll();
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not seen within " + timeout);
            }
            app.detection().pollStates(); // besides the app's own schedule: catch short RESTARTING phases
            Thread.sleep(100);
        }
    }

    private static List<JobEvent> oldestFirst(Job job) {
        List<JobEvent> events = new ArrayList<>(app.runs().events(job.id()));
        Collections.reverse(events);
        return events;
    }

    private static Job publish(String name, String sql) {
        Job job = app.jobs().createSqlJob(name, "/events");
        app.jobs().saveDraft(job.id(), sql);
        app.jobs().publish(job.id(), "v1");
        return job;
    }

    @Test
    @Order(1)
    void failingJobRestartsTwiceThenFailsAndTheLogNamesTheException() throws Exception {
        Job job = publish("Divides by zero", FAILING_SQL);
        Job running = app.runs().run(job.id(), 1, RestoreChoice.fresh());

        await(() -> app.jobs().job(job.id()).status() == JobStatus.ERROR, Duration.ofSeconds(90), "the final failure");

        List<JobEvent> events = oldestFirst(job);
        List<EventKind> kinds = events.stream().map(JobEvent::kind).toList();
        assertThat(kinds).containsSubsequence(EventKind.JOB_STARTED, EventKind.JOB_FAILED, EventKind.JOB_RECOVERED,
                EventKind.JOB_FAILED);
        JobEvent detected = events.stream().filter(e -> e.kind() == EventKind.JOB_FAILED).findFirst().orElseThrow();
        assertThat(detected.message()).contains("RUNNING to");
        assertThat(detected.fix()).isNotBlank();
        assertThat(detected.clearedAt()).as("cleared by the recovery").isNotNull();
        assertThat(events.get(events.size() - 1).kind()).isEqualTo(EventKind.JOB_FAILED);
        assertThat(events.get(events.size() - 1).message()).contains("ended FAILED");

        var fetched = app.logs().fetch(job.id(), running.runInstance(), "local");
        assertThat(fetched.files()).contains("cluster-process.log");
        String log = app.logs().readAll(job.id(), running.runInstance());
        var summary = FailureCause.best(log).orElseThrow();
        assertThat(summary.text()).contains("ArithmeticException");
        assertThat(LogSearch.search(log, LogSearch.Query.preset(LogPreset.FAILURE_CAUSE)).matches()).isNotEmpty();
    }

    @Test
    @Order(2)
    void checkpointsThatTimeOutProduceCheckpointFailedAndTheFixedVersionCheckpointRecovered() throws Exception {
        assertThat(FIXED_CHECKPOINT_SQL).doesNotContain("11 ms").contains("'1 s'");
        Job job = publish("Checkpoints expire", CHECKPOINT_SQL);
        var rule = app.alarms().save(new io.streamdesk.model.AlarmRule(0, "Checkpoints failing",
                io.streamdesk.model.AlarmRule.Kind.EVENT, true, new io.streamdesk.model.AlarmRule.Scope(io.streamdesk.model.AlarmRule.ScopeType.ONE, List.of(job.id()), null), null,
                "{\"kind\": [\"CHECKPOINT_FAILED\"]}", io.streamdesk.model.AlarmRule.Channels.inAppOnly(), null, null));
        app.runs().run(job.id(), 1, RestoreChoice.fresh());
        try {
            await(() -> app.runs().events(job.id()).stream().anyMatch(e -> e.kind() == EventKind.CHECKPOINT_FAILED),
                    Duration.ofSeconds(60), "a checkpoint-failed event");
            JobEvent failed = app.runs().events(job.id()).stream()
                    .filter(e -> e.kind() == EventKind.CHECKPOINT_FAILED).findFirst().orElseThrow();
            assertThat(failed.evidence()).contains("failed checkpoints");
            assertThat(failed.runInstance()).isEqualTo(1);
            assertThat(failed.clearedAt()).as("no checkpoint of version 1 completes").isNull();
            app.alarms().evaluateNow();
            assertThat(app.alarms().triggered(rule.id(), job.id())).as("the event alarm on checkpoint-failed").isTrue();

            // the fix, as a user makes it: publish version 2 with a sane timeout and run it, stopping version 1 first
            // (without a savepoint: a savepoint would expire like the checkpoints)
            var config = app.jobs().draft(job.id()).orElseThrow().config();
            app.jobs().saveDraft(job.id(), FIXED_CHECKPOINT_SQL, config.withParameters(config.parameters()
                    .replaceAll("execution\\.checkpointing\\.timeout: .*", "execution.checkpointing.timeout: 60 s")));
            app.jobs().publish(job.id(), "v2: checkpoint timeout 60 s");
            Job fixed = app.versionRuns().run(job.id(), new io.streamdesk.service.jobconfig.VersionRunService.RunRequest(2,
                    RestoreChoice.fresh(), io.streamdesk.service.jobconfig.VersionRunService.StopFirst.WITHOUT_SAVEPOINT, false));
            assertThat(fixed.runInstance()).isEqualTo(2);

            await(() -> app.runs().events(job.id()).stream().anyMatch(e -> e.kind() == EventKind.CHECKPOINT_RECOVERED),
                    Duration.ofSeconds(60), "a checkpoint-recovered event");
            JobEvent recovered = app.runs().events(job.id()).stream()
                    .filter(e -> e.kind() == EventKind.CHECKPOINT_RECOVERED).findFirst().orElseThrow();
            assertThat(recovered.runInstance()).isEqualTo(2);
            assertThat(app.runs().events(job.id())).filteredOn(e -> e.kind() == EventKind.CHECKPOINT_FAILED)
                    .as("every checkpoint failure is cleared by the completed checkpoint of version 2")
                    .allSatisfy(e -> assertThat(e.clearedAt()).isEqualTo(recovered.at()));
            app.alarms().evaluateNow();
            assertThat(app.alarms().notifications(10)).filteredOn(n -> n.ruleId() == rule.id())
                    .extracting(io.streamdesk.model.AlarmNotification::state)
                    .containsExactly(io.streamdesk.model.AlarmNotification.State.CLEARED,
                            io.streamdesk.model.AlarmNotification.State.TRIGGERED);
        } finally {
            app.runs().stop(job.id(), false);
        }
    }
}
