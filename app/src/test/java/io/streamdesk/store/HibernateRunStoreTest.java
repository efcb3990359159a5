package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HibernateRunStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    Path dir;
    Database db;
    HibernateRunStore runs;
    Job job;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        job = new HibernateJobStore(db).create(TestJobs.newJob("runner"));
        runs = new HibernateRunStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void instancesCountUpPerJobAndListNewestFirst() {
        JobRun first = runs.startRun(job.id(), 1, "aaaa", null, T0);
        runs.endRun(job.id(), 1, "STOPPED", T0.plusSeconds(60));
        JobRun second = runs.startRun(job.id(), 2, "bbbb", "file:///sp/1", T0.plusSeconds(120));
        Job other = new HibernateJobStore(db).create(TestJobs.newJob("other"));

        assertThat(first.instance()).isEqualTo(1);
        assertThat(second.instance()).isEqualTo(2);
        assertThat(runs.startRun(other.id(), 1, "cccc", null, T0).instance()).isEqualTo(1);
        assertThat(runs.listRuns(job.id())).containsExactly(
                second,
                new JobRun(job.id(), 1, 1, "aaaa", null, T0, T0.plusSeconds(60), "STOPPED"));
    }

    @Test
    void liveRunIsTheOneNotEnded() {
        assertThat(runs.liveRun(job.id())).isEmpty();
        runs.startRun(job.id(), 1, "aaaa", null, T0);
        runs.endRun(job.id(), 1, "FAILED", T0.plusSeconds(5));
        assertThat(runs.liveRun(job.id())).isEmpty();

        JobRun live = runs.startRun(job.id(), 1, "bbbb", null, T0.plusSeconds(10));

        assertThat(runs.liveRun(job.id())).contains(live);
    }

    @Test
    void endingAnUnknownRunFails() {
        assertThatThrownBy(() -> runs.endRun(job.id(), 7, "STOPPED", T0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has no run 7");
    }

    @Test
    void startingARunOfAMissingJobFails() {
        assertThatThrownBy(() -> runs.startRun(JobId.generate(), 1, "x", null, T0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No job with ID");
    }

    @Test
    void savepointsAreRecordedWithIdsAndListedNewestFirst() {
        SavepointRecord older = runs.addSavepoint(job.id(), 1, 1, "file:///sp/a", SavepointSource.MANUAL,
                SavepointStatus.COMPLETED, "before upgrade", T0);
        SavepointRecord newer = runs.addSavepoint(job.id(), 1, 1, "file:///sp/b", SavepointSource.ON_STOP,
                SavepointStatus.IN_PROGRESS, null, T0.plusSeconds(30));

        assertThat(newer.id()).isGreaterThan(older.id());
        assertThat(older).isEqualTo(new SavepointRecord(older.id(), job.id(), 1, 1, "file:///sp/a", SavepointSource.MANUAL,
                SavepointStatus.COMPLETED, "before upgrade", T0));
        assertThat(runs.listSavepoints(job.id())).containsExactly(newer, older);
    }

    @Test
    void runsAndSavepointsSurviveReopen() {
        JobRun run = runs.startRun(job.id(), 1, "aaaa", null, T0);
        SavepointRecord sp = runs.addSavepoint(job.id(), 1, 1, "file:///sp/a", SavepointSource.PERIODIC,
                SavepointStatus.COMPLETED, "periodic", T0);
        db.close();

        db = Database.open(dir);
        runs = new HibernateRunStore(db);

        assertThat(runs.liveRun(job.id())).contains(run);
        assertThat(runs.listSavepoints(job.id())).containsExactly(sp);
        assertThat(runs.startRun(job.id(), 1, "bbbb", null, T0).instance()).isEqualTo(2);
    }
}
