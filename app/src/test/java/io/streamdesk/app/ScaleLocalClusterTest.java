package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.service.ClusterScaler;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.port.ClusterStatusReader.ClusterOverview;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scaling the real local cluster (R4, issue 11): H2 with Flyway and the child running Flink 2.3.0. A streaming job
 * with parallelism 2 runs; scaling 4 -> 6 restarts the child with 6 slots and the job runs again from the savepoint
 * its first run took on stop; a scale below the 2 slots it uses is refused.
 */
class ScaleLocalClusterTest {
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
    void aStreamingJobSurvivesAScaleFromFourToSixSlotsAndTheClusterNeverGoesBelowWhatItUses() {
        Job job = app.jobs().createSqlJob("endless", "/scale");
        app.jobs().saveDraft(job.id(), RunSemanticsOnLocalClusterTest.ENDLESS,
                JobConfig.defaults().withResources(new JobResources(1, 1, 2)));
        app.jobs().publish(job.id(), "v1");
        Job ran = app.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(ran.status()).isEqualTo(JobStatus.RUNNING);
        ClusterScaler scaler = app.scaler();
        assertThat(scaler.currentSlots("local")).isEqualTo(4);
        assertThat(scaler.slotsInUse("local")).isEqualTo(2);

        assertThatThrownBy(() -> scaler.scale("local", 1)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("Running jobs use 2 task slots");

        ClusterScaler.ScaleReport report = scaler.scale("local", 6);

        ClusterOverview overview = app.clusters().currentGateway("local").overview();
        assertThat(overview.slotsTotal()).isEqualTo(6);
        assertThat(report.slotsBefore()).isEqualTo(4);
        assertThat(report.slotsAfter()).isEqualTo(6);
        assertThat(report.jobs()).singleElement().satisfies(o -> assertThat(o.resumed()).as(o.text()).isTrue());
        List<JobRun> runs = app.runs().runs(job.id());
        assertThat(runs).hasSize(2);
        SavepointRecord sp = app.runs().latestSavepoint(job.id()).orElseThrow();
        assertThat(sp.runInstance()).isEqualTo(runs.get(1).instance()); // taken on stop of the first run
        assertThat(runs.get(0).restoredFrom()).isEqualTo(sp.location());
        assertThat(app.jobs().job(job.id()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(new io.streamdesk.store.PropertiesSettingsStore(dataDir.resolve("settings.properties"))
                .get(ClusterScaler.TASK_SLOTS_SETTING)).contains("6");

        assertThatThrownBy(() -> scaler.scale("local", 1)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("Running jobs use 2 task slots");
        assertThat(app.clusters().currentGateway("local").overview().slotsTotal()).isEqualTo(6);
    }
}
