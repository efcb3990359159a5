package io.streamdesk.cli;

import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterStatusCommandTest {
    @TempDir
    Path dir;

    @Test
    void runningCluster() {
        FakeServices services = new FakeServices(dir);
        services.clusters().startAll();

        CliRunner.Result result = new CliRunner(() -> services).run("cluster", "status");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).containsExactly(
                "Cluster:       local",
                "Health:        Running",
                "Last seen:     " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(services.clusters().state("local").lastSeen().atZone(java.time.ZoneId.systemDefault())),
                "REST URL:      http://127.0.0.1:18081",
                "Flink version: 2.3.0",
                "Detail:        -");
    }

    @Test
    void failedClusterShowsTheDetail() {
        FakeServices services = new FakeServices(dir);
        services.cluster.failStarts("java.net.BindException: Address already in use");
        services.clusters().startAll();

        CliRunner.Result result = new CliRunner(() -> services).run("cluster", "status");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Health:        Failed")
                .contains("REST URL:      -")
                .contains("Detail:        java.net.BindException: Address already in use");
    }

    @Test
    void clusterWithoutSubcommandIsAUsageError() {
        CliRunner.Result result = new CliRunner(() -> new FakeServices(dir)).run("cluster");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing subcommand: list, status, add, test, remove, scale, suspend, resume or delete.");
    }
}
