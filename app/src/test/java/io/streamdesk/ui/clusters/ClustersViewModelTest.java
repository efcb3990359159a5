package io.streamdesk.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import java.util.List;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The Clusters pane's view model over the real services (in-memory ports, the fake local cluster). */
class ClustersViewModelTest {
    private final FakeServices services = new FakeServices();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final ClustersViewModel vm = new ClustersViewModel(new ServicesClusterDirectory(() -> services),
            TestContexts.synchronous(scheduler));

    @Test
    void listsTheLocalClusterWithItsStateVersionCapacityAndJobs() {
        services.clusters().startAll();
        Job orders = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(orders.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(orders.id(), "first");
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());
        services.jobs().createSqlJob("draft-only", "/");

        vm.refresh();

        assertThat(vm.rows()).hasSize(1);
        ClusterSummary local = vm.rows().get(0);
        assertThat(local.kind()).isEqualTo(ClusterKind.LOCAL);
        assertThat(local.health()).isEqualTo(ClusterHealth.RUNNING);
        assertThat(local.stateText(ZoneId.systemDefault(), Instant.now())).isEqualTo("Running");
        assertThat(local.flinkVersionText()).isEqualTo("2.3.0");
        // the fake TaskManager has 4 slots, one taken by the running job
        assertThat(local.slotsText()).isEqualTo("3 / 4");
        assertThat(local.cusText()).endsWith(" / 5");
        assertThat(local.jobsText()).isEqualTo("2 (1 running)");
        assertThat(local.activeJobs()).extracting(Job::name).containsExactly("orders");
        assertThat(local.removeRefusal()).isEqualTo("The local cluster cannot be removed.");
        assertThat(local.scaleRefusal()).isNull();
        assertThat(local.dashboardUrl()).startsWith("http://");
    }

    @Test
    void scalingTheLocalClusterShowsWhatHappenedToEachJobAndARefusalAsTheError() {
        services.clusters().startAll();
        Job orders = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(orders.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(orders.id(), "first");
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());
        vm.refresh();
        ClusterSummary local = vm.rows().get(0);
        assertThat(local.slotsInUse()).isEqualTo(1);
        assertThat(local.slotsTotal()).isEqualTo(4);

        vm.scale("local", 0);
        assertThat(vm.errorProperty().get()).contains("outside 1..64");

        vm.scale("local", 6);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Scaled from 4 to 6 task slots.")
                .contains("orders: resumed version 1 from the savepoint");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.rows().get(0).slotsText()).isEqualTo("5 / 6");
    }

    @Test
    void anUnreachableClusterShowsWhenItWasLastSeenAndNoCapacity() {
        services.clusters().startAll();
        Instant seen = Instant.parse("2026-12-03T15:17:20Z");
        services.cluster.unreachable("no answer to 3 probes", seen);

        vm.refresh();

        ClusterSummary local = vm.rows().get(0);
        assertThat(local.stateText(ZoneOffset.UTC, seen.plusSeconds(60)))
                .isEqualTo("Unreachable \u2014 last seen 15:17:20");
        assertThat(local.stateText(ZoneOffset.UTC, seen.plusSeconds(86_400)))
                .isEqualTo("Unreachable \u2014 last seen 2026-12-03 15:17:20");
        assertThat(local.slotsText()).isEqualTo("\u2014");
        assertThat(local.cusText()).isEqualTo("\u2014");
        assertThat(local.state().detail()).isEqualTo("no answer to 3 probes");
    }

    @Test
    void selectionSurvivesARefreshAndPollingStopsWhenDeactivated() {
        services.clusters().startAll();
        vm.activate();
        vm.select("local");
        assertThat(vm.selectedProperty().get()).isNotNull();
        services.jobs().createSqlJob("later", "/");

        scheduler.advance(ClustersViewModel.POLL);

        assertThat(vm.selectedProperty().get().jobs()).extracting(Job::name).containsExactly("later");
        vm.deactivate();
        services.jobs().createSqlJob("unseen", "/");
        scheduler.advance(ClustersViewModel.POLL.multipliedBy(3));
        assertThat(vm.selectedProperty().get().jobs()).hasSize(1);
    }

    @Test
    void aRefreshThatOnlyMovedTheLastSeenTimeShowsTheSamePage() throws Exception {
        services.clusters().startAll();
        vm.refresh();
        ClusterSummary first = vm.rows().get(0);
        Thread.sleep(5);
        services.clusters().restart("local"); // a new state object with a later last-seen time
        vm.refresh();
        ClusterSummary second = vm.rows().get(0);
        assertThat(second.state().lastSeen()).isAfter(first.state().lastSeen());
        assertThat(second.showsSameAs(first, ZoneId.systemDefault(), Instant.now())).isTrue();

        services.jobs().createSqlJob("new", "/");
        vm.refresh();
        assertThat(vm.rows().get(0).showsSameAs(second, ZoneId.systemDefault(), Instant.now())).isFalse();
    }

    @Test
    void migratingCopiesEveryJobOfTheClusterToTheTargetWithAResultPerJob() {
        services.clusters().startAll();
        ClusterDefinition prod = services.clusters().addRemote("prod", RemoteEndpoint.of("http://jm:8081"), null, null);
        Job a = services.jobs().createSqlJob("a", "/team", prod.id());
        services.jobs().saveDraft(a.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().createSqlJob("b", "/", prod.id());
        vm.refresh();
        ClusterSummary source = vm.rows().stream().filter(r -> r.id().equals(prod.id())).findFirst().orElseThrow();
        io.streamdesk.ui.batch.BatchViewModel batch = new io.streamdesk.ui.batch.BatchViewModel("Migrate",
                TestContexts.synchronous(scheduler));

        batch.start(source.jobs(), vm.directory().copyTo("local"));

        assertThat(batch.rows()).extracting(io.streamdesk.ui.batch.BatchViewModel.Row::state).containsExactly("OK", "OK");
        assertThat(batch.summaryProperty().get()).isEqualTo("2 ok, 0 failed");
        List<Job> onLocal = services.clusters().jobsOn("local");
        assertThat(onLocal).extracting(Job::name).containsExactlyInAnyOrder("a-copy", "b-copy");
        assertThat(onLocal).filteredOn(j -> j.name().equals("a-copy")).extracting(Job::folder).containsExactly("/team");
        assertThat(services.jobStore.findDraft(onLocal.stream().filter(j -> j.name().equals("a-copy")).findFirst()
                .orElseThrow().id()).orElseThrow().sql()).isEqualTo("INSERT INTO s SELECT * FROM t;");
        assertThat(services.clusters().jobsOn(prod.id())).hasSize(2); // the originals stay
    }

    @Test
    void theLocalClusterCannotBeRemoved() {
        services.clusters().startAll();
        vm.refresh();
        vm.select("local");
        boolean[] removed = {false};

        vm.remove("local", () -> removed[0] = true);

        assertThat(removed[0]).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Could not remove \u201cLocal cluster\u201d: "
                + "The local cluster cannot be removed.");
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.busyProperty().get()).isFalse();
        vm.select("local");
        assertThat(vm.errorProperty().get()).as("still about the cluster shown").isNotEmpty();
        vm.select(null);
        vm.select("local");
        assertThat(vm.errorProperty().get()).as("another selection clears it").isEmpty();
    }

    @Test
    void aRemoteClusterIsListedAfterTheLocalOneAndItsRemovalIsRefusedWhileAJobRunsOnIt() {
        FakeRemoteClusters remotes = new FakeRemoteClusters();
        FakeServices withRemote = new FakeServices(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")),
                List.of(remotes));
        remotes.sharing(withRemote.gateway);
        withRemote.clusters().startAll();
        ClustersViewModel vm2 = new ClustersViewModel(new ServicesClusterDirectory(() -> withRemote),
                TestContexts.synchronous(scheduler));
        ClusterDefinition prod = withRemote.clusters().addRemote("shared-prod", RemoteEndpoint.of("http://jm.example:8081"),
                null, "s3://bucket/savepoints");
        Job job = withRemote.jobs().createSqlJob("orders-on-prod", "/", prod.id());
        withRemote.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        withRemote.jobs().publish(job.id(), "first");
        Job running = withRemote.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(running.status()).isEqualTo(io.streamdesk.model.JobStatus.RUNNING);

        vm2.refresh();

        assertThat(vm2.rows()).extracting(ClusterSummary::name).containsExactly("Local cluster", "shared-prod");
        ClusterSummary remote = vm2.rows().get(1);
        assertThat(remote.kind()).isEqualTo(ClusterKind.REMOTE_SESSION);
        assertThat(remote.health()).isEqualTo(ClusterHealth.RUNNING);
        assertThat(remote.restUrl()).isEqualTo("http://jm.example:8081");
        assertThat(remote.dashboardUrl()).isEqualTo("http://jm.example:8081/");
        assertThat(remote.savepointText()).isEqualTo("s3://bucket/savepoints");
        assertThat(remote.scaleRefusal()).isEqualTo(ClusterSummary.SCALE_REMOTE);
        assertThat(remote.removeRefusal()).isNull();
        assertThat(remote.jobsText()).isEqualTo("1 (1 running)");
        assertThat(vm2.migrationTargets(prod.id())).extracting(ClusterSummary::id).containsExactly("local");

        // a job whose savepoint fails refuses the removal: nothing removed, the job still runs
        withRemote.gateway.failSavepoints("savepoint directory not writable");
        vm2.remove(prod.id(), () -> { });
        assertThat(vm2.errorProperty().get()).contains("shared-prod").contains("orders-on-prod")
                .contains("could not be stopped with a savepoint");
        assertThat(vm2.rows()).hasSize(2);
        assertThat(withRemote.clusters().definition(prod.id())).isPresent();
        assertThat(withRemote.jobs().job(job.id()).status()).isEqualTo(io.streamdesk.model.JobStatus.RUNNING);

        // savepoints work again: the running job is stopped with one, then the cluster goes
        withRemote.gateway.failSavepoints(null);
        vm2.remove(prod.id(), () -> { });
        assertThat(vm2.errorProperty().get()).isEmpty();
        assertThat(vm2.messageProperty().get()).startsWith("Removed cluster \u201cshared-prod\u201d. Stopped with a savepoint: orders-on-prod (");
        assertThat(vm2.rows()).extracting(ClusterSummary::id).containsExactly("local");
        assertThat(withRemote.jobs().job(job.id()).status()).isEqualTo(io.streamdesk.model.JobStatus.STOPPED);
        assertThat(withRemote.runs().latestSavepoint(job.id())).isPresent();
    }
}
