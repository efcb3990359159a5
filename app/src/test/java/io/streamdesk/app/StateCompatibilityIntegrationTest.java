package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import io.streamdesk.service.jobconfig.StateCompatibility;
import io.streamdesk.service.jobconfig.VersionRunService.RunPlan;
import io.streamdesk.service.jobconfig.VersionRunService.RunRequest;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state-compatibility check on a real savepoint of the local cluster (real Flink 2.3.0): version 1 aggregates
 * per key (keyed state in RocksDB, the P3 default), version 2 removes the aggregation. The savepoint's metadata is read
 * with Flink's own classes and matched against the operator IDs of each version's compiled job graph.
 */
public class StateCompatibilityIntegrationTest {
    public static final String WITH_AGGREGATE = """
            CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen', 'rows-per-second' = '50',
              'fields.id.min' = '1', 'fields.id.max' = '20');
            CREATE TABLE totals (id BIGINT, total DOUBLE) WITH ('connector' = 'blackhole');
            INSERT INTO totals SELECT id, SUM(amount) FROM orders GROUP BY id;
            """;
    public static final String WITHOUT_AGGREGATE = """
            CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen', 'rows-per-second' = '50',
              'fields.id.min' = '1', 'fields.id.max' = '20');
            CREATE TABLE copies (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole');
            INSERT INTO copies SELECT id, amount FROM orders;
            """;

    @TempDir
    static Path dataDir;
    static AppContext app;

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

    @Test
    void aVersionThatRemovesAStatefulOperatorDropsItsStateOnlyWhenAllowed() {
        Job job = app.jobs().createSqlJob("Totals", "/state");
        JobConfig twoWide = JobConfig.defaults().withResources(new JobResources(0.5, 0.5, 2));
        app.jobs().saveDraft(job.id(), WITH_AGGREGATE, twoWide);
        int v1 = app.jobs().publish(job.id(), "totals per id").number();
        app.jobs().saveDraft(job.id(), WITHOUT_AGGREGATE, twoWide);
        int v2 = app.jobs().publish(job.id(), "no aggregation").number();

        Job running = app.versionRuns().run(job.id(), new RunRequest(v1, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false));
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        // the local cluster declares its CUs from its slots and memory; the running job's CUs are in use
        ClusterCapacity capacity = app.jobConfig().capacity("local", null).orElseThrow();
        assertThat(capacity.slotsTotal()).isEqualTo(4);
        assertThat(capacity.totalCu()).isPositive().isLessThanOrEqualTo(5.0);
        assertThat(capacity.usedCu()).isEqualTo(1.5); // 0.5 + 0.5 x 2
        assertThat(app.jobs().cusInUse(app.jobs().job(job.id())).getAsDouble()).isEqualTo(1.5);

        app.runs().stop(job.id(), true);

        RunPlan same = app.versionRuns().plan(job.id(), v1, RestoreChoice.latest());
        StateCompatibility sameState = same.state().orElseThrow();
        assertThat(same.problem()).isNull();
        assertThat(sameState.dropped()).as("the same version claims all of its own state").isEmpty();
        assertThat(sameState.restored()).isNotEmpty();
        assertThat(sameState.restored()).anySatisfy(m -> assertThat(m.operator().vertexName()).containsIgnoringCase("aggregate"));

        RunPlan other = app.versionRuns().plan(job.id(), v2, RestoreChoice.latest());
        StateCompatibility otherState = other.state().orElseThrow();
        assertThat(otherState.dropsState()).isTrue();
        assertThat(otherState.dropped()).allSatisfy(s -> assertThat(s.hasState()).isTrue());
        assertThat(otherState.startEmpty()).isNotEmpty();
        assertThat(otherState.summary()).contains("dropped");

        assertThatThrownBy(() -> app.versionRuns().run(job.id(),
                new RunRequest(v2, RestoreChoice.latest(), StopFirst.DO_NOT_STOP, false)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("Allow non-restored state");
        assertThat(app.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);

        Job restored = app.versionRuns().run(job.id(), new RunRequest(v2, RestoreChoice.latest(), StopFirst.DO_NOT_STOP, true));
        assertThat(restored.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(restored.onlineVersion()).isEqualTo(v2);
        assertThat(app.runs().runs(job.id()).get(0).restoredFrom()).isNotNull();
        app.runs().stop(job.id(), false);
    }
}
