package io.streamdesk.service.jobconfig;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.VersionRunService.RunRequest;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import io.streamdesk.service.port.SavepointInspector.SavedOperatorState;
import io.streamdesk.testing.FakeJobGraphCompiler;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** J5 stop-first, P5 refusal, state compatibility refusal and configuration passed to the submit, on the fakes. */
class VersionRunServiceTest {
    private static final String INSERT_A = "INSERT INTO a SELECT * FROM src";
    private static final String INSERT_B = "INSERT INTO b SELECT * FROM src";

    private final FakeServices services = new FakeServices();
    private Job job;

    @BeforeEach
    void setUp() {
        services.clusters().startAll();
        job = services.jobs().createSqlJob("orders", "/");
    }

    private int publish(String sql, JobConfig config) {
        services.jobs().saveDraft(job.id(), sql, config);
        return services.jobs().publish(job.id(), "v").number();
    }

    private static RunRequest fresh(int version) {
        return new RunRequest(version, RestoreChoice.fresh(), StopFirst.DO_NOT_STOP, false);
    }

    @Test
    void theVersionsConfigurationReachesTheSubmit() {
        JobConfig batch = JobConfig.defaults().withRuntimeMode(RuntimeMode.BATCH).withResources(new JobResources(0.5, 0.5, 3));
        int v = publish(INSERT_A, batch);
        services.versionRuns().run(job.id(), fresh(v));
        assertThat(services.submitter.configurations()).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("execution.runtime-mode", "BATCH")
                .containsEntry("parallelism.default", "3")
                .containsEntry("pipeline.max-parallelism", "2048")
                .doesNotContainKey("execution.state-recovery.ignore-unclaimed-state"));
    }

    @Test
    void publishRefusesAConfigurationWithErrorsAndFreezesAValidOne() {
        services.jobs().saveDraft(job.id(), INSERT_A, JobConfig.defaults().withParameters("env.java.opts: -Xmx1g"));
        assertThatThrownBy(() -> services.jobs().publish(job.id(), "bad"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("line 1").hasMessageContaining("env.java.opts.taskmanager");
        JobConfig tuned = JobConfig.defaults().withParameters("pipeline.max-parallelism: 64\n");
        int v = publish(INSERT_A, tuned);
        assertThat(services.jobs().version(job.id(), v).config()).isEqualTo(tuned);
        // P4 on the compiled graph: an operator with parallelism 8 needs max parallelism >= 8
        services.jobs().saveDraft(job.id(), "-- parallelism 8\n" + INSERT_A, JobConfig.defaults().withParameters("pipeline.max-parallelism: 4"));
        assertThatThrownBy(() -> services.jobs().publish(job.id(), "too low"))
                .hasMessageContaining("largest operator parallelism of the job (8)");
    }

    @Test
    void aJobThatDoesNotFitTheIdleCusIsRefusedWithTheLargestParallelismThatFits() {
        // the fake cluster has 4 free slots: the slots decide, whatever the CUs
        int v = publish(INSERT_A, JobConfig.defaults().withResources(new JobResources(1, 1, 6)));
        assertThatThrownBy(() -> services.versionRuns().run(job.id(), fresh(v)))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("needs 6 slots").hasMessageContaining("largest parallelism that fits is 4");
        assertThat(services.submitter.configurations()).isEmpty();
        assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    void runningAnotherVersionAsksToStopTheRunningOneFirst() {
        int v1 = publish(INSERT_A, JobConfig.defaults());
        int v2 = publish(INSERT_B, JobConfig.defaults());
        services.versionRuns().run(job.id(), fresh(v1));
        assertThatThrownBy(() -> services.versionRuns().run(job.id(), fresh(v2)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("Version 1 of this job is running");
        assertThat(services.jobs().job(job.id()).onlineVersion()).isEqualTo(v1);

        Job running = services.versionRuns().run(job.id(), new RunRequest(v2, RestoreChoice.fresh(), StopFirst.WITH_SAVEPOINT, false));
        assertThat(running.onlineVersion()).isEqualTo(v2);
        assertThat(services.runs().latestSavepoint(job.id())).get().satisfies(s -> assertThat(s.version()).isEqualTo(v1));
        Job third = services.versionRuns().run(job.id(), new RunRequest(v1, RestoreChoice.fresh(), StopFirst.WITHOUT_SAVEPOINT, false));
        assertThat(third.onlineVersion()).isEqualTo(v1);
        assertThat(services.runs().savepoints(job.id())).hasSize(1);
    }

    @Test
    void aRestoreThatDropsStateIsRefusedUnlessAllowed() {
        int v1 = publish(INSERT_A, JobConfig.defaults());
        int v2 = publish(INSERT_B, JobConfig.defaults());
        String location = "file:/tmp/savepoints/sp-1";
        services.savepointInspector.put(location, List.of(
                new SavedOperatorState(FakeJobGraphCompiler.operatorId(INSERT_A), "Aggregate of a", null, 1, 2048, true, 4096),
                new SavedOperatorState("ffffffffffffffffffffffffffffffff", "stateless", null, 1, 2048, false, 0)));

        VersionRunService.RunPlan plan = services.versionRuns().plan(job.id(), v2, RestoreChoice.path(location));
        StateCompatibility state = plan.state().orElseThrow();
        assertThat(state.dropped()).extracting(SavedOperatorState::name).containsExactly("Aggregate of a");
        assertThat(state.restored()).isEmpty();
        assertThat(state.startEmpty()).hasSize(1);
        assertThat(state.ignoredEmptyStates()).isEqualTo(1);

        assertThatThrownBy(() -> services.versionRuns().run(job.id(), new RunRequest(v2, RestoreChoice.path(location), StopFirst.DO_NOT_STOP, false)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("1 dropped").hasMessageContaining("Allow non-restored state");
        services.versionRuns().run(job.id(), new RunRequest(v2, RestoreChoice.path(location), StopFirst.DO_NOT_STOP, true));
        assertThat(services.submitter.configurations()).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("execution.state-recovery.ignore-unclaimed-state", "true"));
        assertThat(services.submitter.restorePaths()).containsExactly(location);

        StateCompatibility same = services.versionRuns().plan(job.id(), v1, RestoreChoice.path(location)).state().orElseThrow();
        assertThat(same.dropsState()).isFalse();
        assertThat(same.restored()).hasSize(1);
    }

    @Test
    void aSavepointWithALowerMaxParallelismCannotBeRestored() {
        int v = publish(INSERT_A, JobConfig.defaults().withParameters("pipeline.max-parallelism: 256"));
        String location = "file:/tmp/savepoints/sp-2";
        services.savepointInspector.put(location, List.of(
                new SavedOperatorState(FakeJobGraphCompiler.operatorId(INSERT_A), "agg", null, 1, 128, true, 10)));
        assertThatThrownBy(() -> services.versionRuns().run(job.id(), new RunRequest(v, RestoreChoice.path(location), StopFirst.DO_NOT_STOP, true)))
                .hasMessageContaining("max parallelism 128");
    }

    @Test
    void aCopyCarriesTheDraftsConfiguration() {
        JobConfig custom = JobConfig.defaults().withParameters("pipeline.max-parallelism: 64\n")
                .withRuntimeMode(RuntimeMode.BATCH).withResources(new JobResources(0.5, 2, 3));
        services.jobs().saveDraft(job.id(), INSERT_A, custom);
        Job copy = services.copies().copy(job.id(), io.streamdesk.service.CopyService.CopyRequest.defaults()).copy();
        JobConfig copied = services.jobs().draft(copy.id()).orElseThrow().config();
        assertThat(copied.parameters()).isEqualTo(custom.parameters());
        assertThat(copied.runtimeMode()).isEqualTo(RuntimeMode.BATCH);
        assertThat(copied.resources().parallelism()).isEqualTo(3);
        assertThat(services.jobs().draft(copy.id()).orElseThrow().revision()).isEqualTo(1);
    }
}
