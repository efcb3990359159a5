package io.streamdesk.cli;

import io.streamdesk.model.ClusterState;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Shows each cluster's health, when it last answered, REST URL, Flink version and detail.")
final class ClusterStatusCommand implements Callable<Integer> {
    private static final java.time.format.DateTimeFormatter SEEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final CliContext context;

    ClusterStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        boolean first = true;
        for (ClusterState state : context.services().clusters().states()) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println("Cluster:       " + state.clusterId());
            out.println("Health:        " + state.health().label());
            out.println("Last seen:     " + (state.lastSeen() == null ? "-" : SEEN.format(state.lastSeen().atZone(java.time.ZoneId.systemDefault()))));
            out.println("REST URL:      " + orDash(state.restUrl()));
            out.println("Flink version: " + orDash(state.flinkVersion()));
            out.println("Detail:        " + orDash(state.detail()));
        }
        return 0;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
