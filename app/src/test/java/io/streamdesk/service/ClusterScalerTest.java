package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refusal rules of scaling and the stop-restart-resume path, over the fake cluster (each job uses one slot). */
class ClusterScalerTest {
    @TempDir
    Path dir;
    FakeServices services;
    ClusterScaler scaler;

    @BeforeEach
    void start() {
        services = new FakeServices(dir);
        services.clusters().startAll();
        scaler = services.scaler();
    }

    private Job running(String name) {
        Job job = services.jobs().createSqlJob(name, "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "v1");
        return services.runs().run(job.id(), 1, RestoreChoice.fresh());
    }

    @Test
    void scalingBelowTheSlotsRunningJobsUseIsRefusedNamingThatNumber() {
        running("a");
        running("b");
        assertThat(scaler.slotsInUse("local")).isEqualTo(2);
        assertThatThrownBy(() -> scaler.scale("local", 1))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("Running jobs use 2 task slots").hasMessageContaining("down to 1");
        assertThat(services.cluster.restarts.get()).isZero();
        assertThat(services.gateway.slotsTotal).isEqualTo(4);
    }

    @Test
    void countsOutsideOneToSixtyFourAreRejected() {
        assertThatThrownBy(() -> scaler.scale("local", 0)).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("outside 1..64");
        assertThatThrownBy(() -> scaler.scale("local", 65)).isInstanceOf(InputRejectedException.class);
    }

    @Test
    void scalingIsRefusedWhileAJobOperates() {
        Job a = running("busy one");
        services.jobStore.updateRunState(services.jobs().job(a.id()).withStatus(JobStatus.OPERATING));
        assertThatThrownBy(() -> scaler.scale("local", 6)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("\u201cbusy one\u201d has an operation in flight");
        assertThat(services.cluster.restarts.get()).isZero();
    }

    @Test
    void aJobThatCannotBeStoppedWithASavepointRefusesTheScaleBeforeAnyRestart() {
        running("orders");
        services.gateway.failSavepoints("disk full");
        assertThatThrownBy(() -> scaler.scale("local", 6)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("the job orders could not be stopped with a savepoint")
                .hasMessageContaining("disk full").hasMessageContaining("not restarted");
        assertThat(services.cluster.restarts.get()).isZero();
        assertThat(services.settingsStore.get(ClusterScaler.TASK_SLOTS_SETTING)).isEmpty();
    }

    @Test
    void runningJobsAreStoppedWithSavepointsTheClusterRestartsAndTheyResumeFromThem() {
        Job a = running("orders");
        ClusterScaler.ScaleReport report = scaler.scale("local", 6);
        assertThat(report.slotsBefore()).isEqualTo(4);
        assertThat(report.slotsAfter()).isEqualTo(6);
        assertThat(services.cluster.restarts.get()).isEqualTo(1);
        assertThat(services.gateway.slotsTotal).isEqualTo(6);
        assertThat(services.settingsStore.get(ClusterScaler.TASK_SLOTS_SETTING)).contains("6");
        assertThat(report.jobs()).singleElement().satisfies(o -> {
            assertThat(o.resumed()).isTrue();
            assertThat(o.text()).startsWith("resumed version 1 from the savepoint ");
        });
        List<JobRun> runs = services.runs().runs(a.id());
        assertThat(runs).hasSize(2);
        assertThat(services.jobs().job(a.id()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(runs.get(0).restoredFrom()).isEqualTo(services.runs().latestSavepoint(a.id()).orElseThrow().location());
        assertThat(report.text()).startsWith("Scaled from 4 to 6 task slots.").contains("orders: resumed");
    }

    @Test
    void aRemoteClusterHasNoScaling() {
        assertThat(scaler.refusal("local")).isNull();
        assertThat(ClusterScaler.configuredSlots(services.settingsStore)).isEqualTo(4);
        services.settingsStore.put(ClusterScaler.TASK_SLOTS_SETTING, "99");
        assertThat(ClusterScaler.configuredSlots(services.settingsStore)).isEqualTo(4);
    }
}
