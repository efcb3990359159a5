package io.streamdesk.service;

import io.streamdesk.model.DraftSettings;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.LogLevel;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.store.Database;
import io.streamdesk.store.HibernateEventStore;
import io.streamdesk.store.HibernateJobStore;
import io.streamdesk.store.HibernateRunStore;
import io.streamdesk.store.HibernateVersionStore;
import io.streamdesk.testing.FakeGateway;
import io.streamdesk.testing.FakeLocalCluster;
import io.streamdesk.testing.FakeSqlChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Create copy (J6) on the real H2 store with Flyway's schema. */
class CopyServiceOnStoreTest {
    static final String SQL = "CREATE TABLE t (id INT) WITH ('connector' = 'datagen');\n";

    // one database for the class (opening one costs seconds); every test works in its own folder
    @TempDir
    static Path dir;
    static Database db;
    static HibernateJobStore jobStore;
    static HibernateRunStore runStore;
    static JobService jobs;
    static CopyService copies;
    static ClusterService clusters;
    static int folders;
    String team;
    String experiments;

    @BeforeEach
    void folders() {
        folders++;
        team = "/team" + folders;
        experiments = "/experiments" + folders;
    }

    @BeforeAll
    static void open() {
        db = Database.open(dir);
        jobStore = new HibernateJobStore(db);
        runStore = new HibernateRunStore(db);
        Clock clock = Clock.systemUTC();
        JobChangeListeners listeners = new JobChangeListeners();
        clusters = new ClusterService(new FakeLocalCluster(), new HibernateEventStore(db), clock);
        jobs = new JobService(jobStore, new HibernateVersionStore(db), new FakeSqlChecker(), listeners, clock, "tester");
        copies = new CopyService(jobStore, runStore, clusters, listeners, clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private Job publishedSourceWithHistory() {
        Job source = jobs.createSqlJob("orders", team);
        jobs.saveDraft(source.id(), SQL);
        jobs.publish(source.id(), "v1");
        jobs.saveDraft(source.id(), SQL + "-- edited after v1\n");
        jobs.setLogLevel(source.id(), LogLevel.DEBUG, Optional.empty());
        jobs.saveConfig(source.id(), jobs.draft(source.id()).orElseThrow().config()
                .withResources(new io.streamdesk.model.JobResources(0.5, 1.0, 2)));
        jobStore.saveTags(source.id(), Map.of("team", "payments", "tier", "gold"));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        runStore.addSavepoint(source.id(), 1, 1, "file:/sp/manual-1", SavepointSource.MANUAL, SavepointStatus.COMPLETED, "before upgrade", t);
        runStore.addSavepoint(source.id(), 1, 1, "file:/sp/periodic", SavepointSource.PERIODIC, SavepointStatus.COMPLETED, null, t.plusSeconds(1));
        runStore.addSavepoint(source.id(), 1, 1, "file:/sp/on-stop", SavepointSource.ON_STOP, SavepointStatus.COMPLETED, "Taken when stopping", t.plusSeconds(2));
        runStore.addSavepoint(source.id(), 2, 1, "file:/sp/manual-failed", SavepointSource.MANUAL, SavepointStatus.FAILED, null, t.plusSeconds(3));
        runStore.addSavepoint(source.id(), 2, 1, "file:/sp/manual-2", SavepointSource.MANUAL, SavepointStatus.COMPLETED, null, t.plusSeconds(4));
        runStore.startRun(source.id(), 1, "flink-1", null, t);
        return jobs.job(source.id());
    }

    @Test
    void aCopyGetsTheDraftSettingsTagsAndManualSavepointsButNoVersionsRunsOrStatus() {
        Job source = publishedSourceWithHistory();

        CopyService.CopyResult result = copies.copy(source.id(), new CopyService.CopyRequest("orders v2", experiments, "local"));
        Job copy = result.copy();

        assertThat(copy.id()).isNotEqualTo(source.id());
        assertThat(copy.id().value()).matches("cql-[a-z0-9]{8}");
        assertThat(copy.name()).isEqualTo("orders v2");
        assertThat(copy.folder()).isEqualTo(experiments);
        assertThat(copy.clusterId()).isEqualTo("local");
        assertThat(copy.type()).isEqualTo(source.type());
        // the draft (with the edit after v1), not the published version; no versions, no runs
        assertThat(jobs.draft(copy.id()).orElseThrow().sql()).isEqualTo(SQL + "-- edited after v1\n");
        assertThat(jobs.draft(copy.id()).orElseThrow().revision()).isEqualTo(1);
        assertThat(jobs.versions(copy.id())).isEmpty();
        assertThat(copy.status()).isEqualTo(JobStatus.UNPUBLISHED);
        assertThat(copy.onlineVersion()).isNull();
        assertThat(copy.runInstance()).isZero();
        assertThat(copy.cumulativeRunTime()).isZero();
        assertThat(copy.warning()).isNull();
        assertThat(runStore.listRuns(copy.id())).isEmpty();
        assertThat(jobs.job(copy.id())).isEqualTo(copy);
        // settings and tags
        assertThat(jobs.logLevel(copy.id())).contains(LogLevel.DEBUG);
        assertThat(jobStore.draftSettings(copy.id())).containsEntry(DraftSettings.FLINK_VERSION, FakeGateway.FLINK_VERSION);
        assertThat(jobs.draft(copy.id()).orElseThrow().config().resources())
                .isEqualTo(new io.streamdesk.model.JobResources(0.5, 1.0, 2));
        assertThat(jobStore.tags(copy.id())).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("team", "payments", "tier", "gold")));
        // only the completed manual savepoints, pointing at the same files, in the same order
        assertThat(result.sharedSavepoints()).isEqualTo(2);
        List<SavepointRecord> shared = runStore.listSavepoints(copy.id());
        assertThat(shared).extracting(SavepointRecord::location).containsExactly("file:/sp/manual-2", "file:/sp/manual-1");
        assertThat(shared).allSatisfy(sp -> {
            assertThat(sp.source()).isEqualTo(SavepointSource.MANUAL);
            assertThat(sp.description()).startsWith("Shared from " + source.id());
        });
        // the source is untouched
        assertThat(jobs.job(source.id())).isEqualTo(source);
        assertThat(runStore.listSavepoints(source.id())).hasSize(5);
        assertThat(jobs.versions(source.id())).hasSize(1);
    }

    @Test
    void aNameTakenInTheTargetFolderIsRefusedIgnoringCaseButFreeElsewhere() {
        Job source = publishedSourceWithHistory();
        jobs.createSqlJob("Daily Report", experiments);

        assertThatThrownBy(() -> copies.copy(source.id(), new CopyService.CopyRequest("daily report", experiments, null)))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("Name:").hasMessageContaining(experiments);
        assertThatThrownBy(() -> copies.copy(source.id(), new CopyService.CopyRequest("ORDERS", null, null)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining(team);

        Job elsewhere = copies.copy(source.id(), new CopyService.CopyRequest("daily report", team + "/other", null)).copy();
        assertThat(elsewhere.name()).isEqualTo("daily report");
    }

    @Test
    void withoutANameCopiesGetNumberedDefaultNamesInTheSourcesFolder() {
        Job source = publishedSourceWithHistory();
        assertThat(copies.suggestedName(source.id(), null)).isEqualTo("orders-copy");
        Job first = copies.copy(source.id(), CopyService.CopyRequest.defaults()).copy();
        Job second = copies.copy(source.id(), CopyService.CopyRequest.defaults()).copy();
        assertThat(first.name()).isEqualTo("orders-copy");
        assertThat(second.name()).isEqualTo("orders-copy-2");
        assertThat(first.folder()).isEqualTo(team);
        assertThat(jobs.list()).filteredOn(j -> j.folder().equals(team)).hasSize(3);
    }

    @Test
    void aSourceThatNeverSavedADraftGivesAnUninitializedCopy() {
        Job source = jobs.createSqlJob("empty", team);
        CopyService.CopyResult result = copies.copy(source.id(), CopyService.CopyRequest.defaults());
        assertThat(result.copy().status()).isEqualTo(JobStatus.UNINITIALIZED);
        assertThat(jobs.draft(result.copy().id())).isEmpty();
        assertThat(result.notes()).anyMatch(n -> n.contains("no saved draft"));
    }

    @Test
    void anUnknownTargetClusterIsRefusedAndNothingIsCreated() {
        Job source = publishedSourceWithHistory();
        assertThatThrownBy(() -> copies.copy(source.id(), new CopyService.CopyRequest("x", null, "k8s-prod")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("k8s-prod");
        assertThat(jobs.list()).filteredOn(j -> j.folder().equals(team)).hasSize(1);
    }
}
