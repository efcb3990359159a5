package io.streamdesk.cli;

import io.streamdesk.model.ClusterState;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Shows the local cluster's health, REST URL, Flink version and detail.")
final class ClusterStatusCommand implements Callable<Integer> {
    private final CliContext context;

    ClusterStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ClusterState state = context.services().clusters().localState();
        PrintWriter out = context.out();
        out.println("Cluster:       " + state.clusterId());
        out.println("Health:        " + state.health().label());
        out.println("REST URL:      " + orDash(state.restUrl()));
        out.println("Flink version: " + orDash(state.flinkVersion()));
        out.println("Detail:        " + orDash(state.detail()));
        return 0;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
