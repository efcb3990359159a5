package io.streamdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    @Test
    void showsOpeningDataUntilServicesAreReadyThenTheClusterState() {
        ShellViewModel vm = new ShellViewModel(TestContexts.synchronous(new ManualScheduler()));
        assertThat(vm.startupMessageProperty().get()).isEqualTo("Opening data…");
        FakeServices services = new FakeServices();
        vm.servicesReady(services);
        assertThat(vm.startupMessageProperty().get()).isEmpty();
        assertThat(vm.clusterTextProperty().get()).isEqualTo("Local cluster: Stopped");
        assertThat(vm.clusterActionProperty().get()).isEqualTo("Start");

        vm.startCluster();
        assertThat(vm.clusterHealthProperty().get()).isEqualTo(ClusterHealth.RUNNING);
        assertThat(vm.clusterTextProperty().get()).isEqualTo("Local cluster: Running at http://127.0.0.1:18081");
        assertThat(vm.clusterActionProperty().get()).isEmpty();

        services.cluster.crash("exit code 137");
        assertThat(vm.clusterTextProperty().get()).contains("Failed").contains("exit code 137");
        assertThat(vm.clusterActionProperty().get()).isEqualTo("Restart");

        vm.startCluster(); // Restart: kills whatever is left and starts again
        assertThat(services.cluster.restarts.get()).isEqualTo(1);
        assertThat(vm.clusterTextProperty().get()).isEqualTo("Local cluster: Running at http://127.0.0.1:18081");
    }

    @Test
    void withSeveralClustersTheBarNamesTheOnesNotRunningAndCountsTheRest() {
        io.streamdesk.testing.FakeRemoteClusters remotes = new io.streamdesk.testing.FakeRemoteClusters();
        FakeServices services = new FakeServices(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")),
                new io.streamdesk.testing.InMemoryClusterDefinitionStore(), java.util.List.of(remotes));
        ShellViewModel vm = new ShellViewModel(TestContexts.synchronous(new ManualScheduler()));
        vm.servicesReady(services);
        vm.startCluster();
        var prod = services.clusters().addRemote("shared-prod",
                io.streamdesk.model.cluster.RemoteEndpoint.of("http://jm.example:8081"), null, null);
        services.clusters().start(prod.id());
        await(() -> vm.clusterTextProperty().get().equals("All 2 clusters running"), vm);
        assertThat(vm.clusterHealthProperty().get()).isEqualTo(ClusterHealth.RUNNING);

        remotes.connection(prod.id()).unreachable("jm.example:8081 refused the connection", java.time.Instant.now());
        await(() -> vm.clusterTextProperty().get().startsWith("shared-prod: Unreachable"), vm);
        assertThat(vm.clusterTextProperty().get()).endsWith("1 of 2 clusters running")
                .doesNotContain("Local cluster");
        assertThat(vm.clusterHealthProperty().get()).isEqualTo(ClusterHealth.UNREACHABLE);
    }

    private static void await(java.util.function.BooleanSupplier condition, ShellViewModel vm) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("status bar: %s", vm.clusterTextProperty().get()).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void theResumeSettingIsShownAndStored() {
        ShellViewModel vm = new ShellViewModel(TestContexts.synchronous(new ManualScheduler()));
        FakeServices services = new FakeServices();
        services.clusters().setResumeJobsAfterRestart(false);
        vm.servicesReady(services);
        assertThat(vm.resumeJobsAfterRestartProperty().get()).isFalse();
        vm.resumeJobsAfterRestartProperty().set(true);
        assertThat(services.clusters().resumeJobsAfterRestart()).isTrue();
    }

    @Test
    void aFailedStartupSaysWhy() {
        ShellViewModel vm = new ShellViewModel(TestContexts.synchronous(new ManualScheduler()));
        vm.servicesFailed(new IllegalStateException("database is locked"));
        assertThat(vm.startupFailedProperty().get()).isTrue();
        assertThat(vm.startupMessageProperty().get()).contains("database is locked");
    }
}
