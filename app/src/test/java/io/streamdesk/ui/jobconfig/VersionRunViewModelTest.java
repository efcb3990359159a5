package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import io.streamdesk.service.port.SavepointInspector.SavedOperatorState;
import io.streamdesk.testing.FakeJobGraphCompiler;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import io.streamdesk.ui.job.JobPageViewModel;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionRunViewModelTest {
    private static final String INSERT_A = "INSERT INTO a SELECT * FROM src";
    private static final String INSERT_B = "INSERT INTO b SELECT * FROM src";
    private final FakeServices services = new FakeServices();
    private JobPageViewModel page;
    private Job job;

    @BeforeEach
    void setUp() {
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), INSERT_A, JobConfig.defaults());
        services.jobs().publish(job.id(), "v1");
        services.jobs().saveDraft(job.id(), INSERT_B, JobConfig.defaults());
        services.jobs().publish(job.id(), "v2");
        services.clusters().startAll();
        page = new JobPageViewModel(job.id(), services.jobs(), services.runs(), services.jobConfig(),
                services.versionRuns(), TestContexts.synchronous(new ManualScheduler()));
        page.open();
    }

    @Test
    void checksTheNewestVersionAndRunsIt() {
        VersionRunViewModel vm = page.newRunDialog(null);
        vm.load();
        assertThat(vm.versionProperty().get().number()).isEqualTo(2);
        assertThat(vm.runningVersionProperty().get()).isNull();
        assertThat(vm.resourcesTextProperty().get()).contains("needs 1 slot", "4 are free");
        assertThat(vm.stateTextProperty().get()).contains("Fresh start");
        assertThat(vm.canRunProperty().get()).isTrue();
        vm.run();
        assertThat(page.statusProperty().get()).isEqualTo(JobStatus.RUNNING);
        assertThat(page.onlineVersionProperty().get()).isEqualTo("v2");
    }

    @Test
    void aRestoreThatDropsStateNeedsTheAllowAndAStopFirstWhenAnotherVersionRuns() {
        page.runChecked(new io.streamdesk.service.jobconfig.VersionRunService.RunRequest(1, RestoreChoice.fresh(),
                StopFirst.DO_NOT_STOP, false));
        String location = "file:/tmp/savepoints/sp-ui";
        services.savepointInspector.put(location, List.of(
                new SavedOperatorState(FakeJobGraphCompiler.operatorId(INSERT_A), "GroupAggregate", null, 1, 2048, true, 2048)));

        VersionRunViewModel vm = page.newRunDialog(2);
        vm.load();
        assertThat(vm.runningVersionProperty().get()).isEqualTo(1);
        // "latest" names what it will restore: the savepoint of the stop, or the newest one listed now
        assertThat(vm.latestChoiceTextProperty().get()).isEqualTo("Latest: the savepoint taken when stopping v1");
        vm.stopFirstProperty().set(StopFirst.WITHOUT_SAVEPOINT);
        assertThat(vm.latestChoiceTextProperty().get()).isEqualTo("Latest checkpoint or savepoint (none yet)");
        vm.stopFirstProperty().set(StopFirst.WITH_SAVEPOINT);
        vm.startProperty().set(RestoreChoice.Kind.PATH);
        vm.chosenPathProperty().set(location);
        assertThat(vm.dropsStateProperty().get()).isTrue();
        assertThat(vm.stateRows()).extracting(VersionRunViewModel.StateRow::kind)
                .containsExactly(VersionRunViewModel.StateRow.Kind.DROPPED, VersionRunViewModel.StateRow.Kind.STARTS_EMPTY);
        assertThat(vm.stateTextProperty().get()).contains("Dropped: GroupAggregate");
        assertThat(vm.canRunProperty().get()).isFalse();

        vm.allowNonRestoredStateProperty().set(true);
        vm.stopFirstProperty().set(StopFirst.WITHOUT_SAVEPOINT);
        assertThat(vm.canRunProperty().get()).isTrue();
        vm.run();
        assertThat(page.onlineVersionProperty().get()).isEqualTo("v2");
        assertThat(services.runs().savepoints(job.id())).isEmpty(); // stopped without a savepoint
        assertThat(services.submitter.restorePaths()).containsExactly(null, location);
    }

    /** R6: on a remote cluster a savepoint on the cluster's hosts is offered, labelled, and not compared here. */
    @Test
    void aSavepointTheDesktopCannotReadIsOfferedWithWhatFlinkReportedAndTheCheckSaysWhyItIsSkipped() {
        var connector = new io.streamdesk.testing.FakeClusterConnector();
        FakeServices remoteServices = new FakeServices(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")),
                new io.streamdesk.testing.InMemoryClusterDefinitionStore(), List.of(connector));
        var d = remoteServices.clusters().addRemote("Prod",
                io.streamdesk.model.cluster.RemoteEndpoint.of("http://10.0.0.5:8081"), null,
                "file:///nowhere-on-this-desktop/savepoints");
        connector.last(d.id()).fakeGateway().savepointsOnAnotherHost = true;
        connector.last(d.id()).start();
        Job remoteJob = remoteServices.jobs().createSqlJob("orders", "/", d.id());
        remoteServices.jobs().saveDraft(remoteJob.id(), INSERT_A, JobConfig.defaults());
        remoteServices.jobs().publish(remoteJob.id(), "v1");
        remoteServices.runs().run(remoteJob.id(), 1, RestoreChoice.fresh());
        remoteServices.runs().stop(remoteJob.id(), true);
        JobPageViewModel remotePage = new JobPageViewModel(remoteJob.id(), remoteServices.jobs(), remoteServices.runs(),
                remoteServices.jobConfig(), remoteServices.versionRuns(), TestContexts.synchronous(new ManualScheduler()));
        remotePage.open();

        String location = remoteServices.runs().savepoints(remoteJob.id()).get(0).location();
        // the Checkpoints tab says the same of it
        var checkpointsTab = new io.streamdesk.ui.monitoring.CheckpointsViewModel(remoteJob.id(),
                remoteServices.checkpoints(), TestContexts.synchronous(new ManualScheduler()));
        checkpointsTab.refresh();
        assertThat(checkpointsTab.rows()).singleElement().satisfies(r -> assertThat(checkpointsTab.statusText(r))
                .isEqualTo("Completed (as Flink reported it; not readable from this desktop)"));

        VersionRunViewModel vm = remotePage.newRunDialog(1);
        vm.load();
        assertThat(vm.savepointPaths()).containsExactly(location);
        assertThat(vm.describeRestorePoint(location)).startsWith("Savepoint on stop of v1")
                .endsWith("(not readable from this desktop \u2014 Flink reported it completed)");
        assertThat(vm.latestChoiceTextProperty().get()).contains("not readable from this desktop");
        vm.startProperty().set(RestoreChoice.Kind.LATEST);
        assertThat(vm.problemProperty().get()).contains("state-compatibility check is skipped")
                .contains("Flink still checks the state on start");
        assertThat(vm.stateRows()).isEmpty();
        assertThat(vm.canRunProperty().get()).isTrue();
        vm.run();
        assertThat(remotePage.statusProperty().get()).isEqualTo(JobStatus.RUNNING);
        assertThat(remoteServices.submitter.restorePaths()).last().isEqualTo(location);
    }
}
