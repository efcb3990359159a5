package io.streamdesk.service.checkpoints;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.Job;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.port.CheckpointReader.CheckpointEntry;
import io.streamdesk.testing.FakeFlinkMetrics;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C1/C2: Flink's history merged with the app's records; cleared ones are marked and not restorable. */
class CheckpointServiceTest {
    @TempDir
    Path dir;

    @Test
    void mergesFlinkHistoryWithTheAppsRecordsAndMarksClearedOnes() throws Exception {
        FakeServices services = new FakeServices(dir);
        FakeFlinkMetrics flink = new FakeFlinkMetrics(false);
        services.gateway.serveMetrics(flink);
        Job job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT * FROM b;");
        services.jobs().publish(job.id(), "first");
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());

        Path kept = Files.createDirectories(dir.resolve("chk-2"));
        Path manual = Files.createDirectories(dir.resolve("savepoint-1"));
        flink.addCheckpoint(new CheckpointEntry(1, "COMPLETED", "CHECKPOINT", false, 1_000, 1_040, 40, 100,
                dir.resolve("chk-1").toUri().toString(), true, null));
        flink.addCheckpoint(new CheckpointEntry(2, "COMPLETED", "CHECKPOINT", false, 2_000, 2_050, 50, 200,
                kept.toUri().toString(), false, null));
        flink.addCheckpoint(new CheckpointEntry(3, "FAILED", "CHECKPOINT", false, 3_000, 0, 0, 0, null, false,
                "Checkpoint expired before completing."));
        flink.addCheckpoint(new CheckpointEntry(4, "COMPLETED", "SAVEPOINT", true, 4_000, 4_300, 300, 900,
                manual.toUri().toString(), false, null));
        flink.set("numberOfCompletedCheckpoints", 3);
        services.monitoring().sampleNow();
        services.runStore.addSavepoint(job.id(), 1, 1, manual.toUri().toString(), SavepointSource.MANUAL,
                SavepointStatus.COMPLETED, "before upgrade", Instant.ofEpochMilli(4_400));
        services.runStore.addSavepoint(job.id(), 1, 1, dir.resolve("gone").toUri().toString(), SavepointSource.ON_STOP,
                SavepointStatus.COMPLETED, "Taken when stopping", Instant.ofEpochMilli(500));

        List<CheckpointRecord> rows = services.checkpoints().list(job.id());

        assertThat(rows).extracting(CheckpointRecord::checkpointId).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(rows.get(0).description()).isEqualTo("before upgrade");
        assertThat(rows.get(0).source()).isEqualTo(SavepointSource.MANUAL);
        assertThat(rows.get(0).sizeBytes()).isEqualTo(900);
        assertThat(rows.get(1).status()).isEqualTo(SavepointStatus.EXPIRED);
        assertThat(rows.get(2).status()).isEqualTo(SavepointStatus.COMPLETED);
        assertThat(rows.get(3).status()).as("Flink discarded it (retention)").isEqualTo(SavepointStatus.CLEARED);
        assertThat(rows.get(4).status()).as("its files are gone").isEqualTo(SavepointStatus.CLEARED);
        assertThat(rows.get(4).source()).isEqualTo(SavepointSource.ON_STOP);
        assertThat(services.checkpoints().restorable(job.id())).extracting(CheckpointRecord::checkpointId)
                .containsExactly(4L, 2L);
        assertThat(services.checkpoints().stillExists(dir.resolve("gone").toUri().toString())).isFalse();
    }

    @Test
    void aSavepointNeedsADescriptionAndARunningJob() {
        FakeServices services = new FakeServices(dir);
        Job job = services.jobs().createSqlJob("orders", "/");

        assertThatThrownBy(() -> services.checkpoints().triggerSavepoint(job.id(), "  "))
                .isInstanceOf(InputRejectedException.class).hasMessageStartingWith("Description");
        assertThatThrownBy(() -> services.checkpoints().triggerSavepoint(job.id(), "x".repeat(1001)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("1000");
        assertThatThrownBy(() -> services.checkpoints().triggerSavepoint(job.id(), "before upgrade"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("not running");
    }

    @Test
    void latestRestoresTheNewestCheckpointOrSavepointThatStillExists() throws Exception {
        FakeServices services = new FakeServices(dir);
        FakeFlinkMetrics flink = new FakeFlinkMetrics(false);
        services.gateway.serveMetrics(flink);
        Job job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT * FROM b;");
        services.jobs().publish(job.id(), "first");
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        Path savepoint = Files.createDirectories(dir.resolve("savepoint-old"));
        services.runStore.addSavepoint(job.id(), 1, 1, savepoint.toUri().toString(), SavepointSource.MANUAL,
                SavepointStatus.COMPLETED, "before upgrade", Instant.ofEpochMilli(1_000));
        Path retained = Files.createDirectories(dir.resolve("chk-7"));
        flink.addCheckpoint(new CheckpointEntry(7, "COMPLETED", "CHECKPOINT", false, 5_000, 5_040, 40, 100,
                retained.toUri().toString(), false, null));
        flink.set("numberOfCompletedCheckpoints", 1);
        services.monitoring().sampleNow();
        services.runs().stop(job.id(), false);

        assertThat(services.runs().latestRestorePoint(job.id())).get()
                .satisfies(p -> assertThat(p.checkpointId()).isEqualTo(7L))
                .satisfies(p -> assertThat(p.kind()).isEqualTo("CHECKPOINT"));
        services.runs().run(job.id(), 1, RestoreChoice.latest());
        assertThat(services.submitter.restorePaths()).last().isEqualTo(retained.toUri().toString());
        services.runs().stop(job.id(), false);

        // Flink's retention (or the user) removed the checkpoint: "latest" falls back to the savepoint
        Files.delete(retained);
        services.runs().run(job.id(), 1, RestoreChoice.latest());
        assertThat(services.submitter.restorePaths()).last().isEqualTo(savepoint.toUri().toString());
    }

    @Test
    void aManualSavepointOfARunningJobIsRecordedAndTheJobKeepsRunning() {
        FakeServices services = new FakeServices(dir);
        Job job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT * FROM b;");
        services.jobs().publish(job.id(), "first");
        job = services.runs().run(job.id(), 1, RestoreChoice.fresh());

        var record = services.checkpoints().triggerSavepoint(job.id(), "before upgrade");

        assertThat(record.source()).isEqualTo(SavepointSource.MANUAL);
        assertThat(record.description()).isEqualTo("before upgrade");
        assertThat(services.checkpoints().stillExists(record.location())).isTrue();
        assertThat(services.gateway.state(job.flinkJobId())).isEqualTo("RUNNING");
        assertThat(services.checkpoints().restorable(job.id())).extracting(CheckpointRecord::location)
                .contains(record.location());
    }
}
