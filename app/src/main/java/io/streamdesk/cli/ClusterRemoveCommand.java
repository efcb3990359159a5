package io.streamdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "remove", description = "Removes a cluster you added: the jobs running on it are stopped with a "
        + "savepoint first (refused, with nothing removed, when one cannot be or has an operation in flight; the local "
        + "cluster cannot be removed). Jobs placed on it stay, and are refused on run until copied to another cluster.")
final class ClusterRemoveCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Cluster ID (see cluster list)")
    String clusterId;

    ClusterRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var clusters = context.services().clusters();
        var report = context.services().clusterRemoval().remove(clusterId);
        int left = clusters.jobsOn(clusterId).size();
        context.out().println("Removed " + clusterId + " (" + report.clusterName() + ")."
                + (report.stopped().isEmpty() ? "" : " Stopped with a savepoint: " + String.join("; ", report.stopped()) + ".")
                + (left == 0 ? "" : " " + left + " job(s) placed on it stay; copy them to another cluster to run them."));
        return 0;
    }
}
