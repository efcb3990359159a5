package io.streamdesk.cli;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "list", description = "Lists the clusters: ID, name, kind, state with the last-seen time, Flink version, "
        + "free/total slots, jobs placed on it.")
final class ClusterListCommand implements Callable<Integer> {
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** How long a remote cluster gets to answer its first probe in a CLI run. */
    static final Duration REMOTE_PROBE_WAIT = Duration.ofSeconds(3);
    private final CliContext context;

    ClusterListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ClusterService clusters = context.services().clusters();
        TextTable table = new TextTable("ID", "NAME", "KIND", "STATE", "FLINK", "SLOTS FREE/TOTAL", "JOBS");
        for (ClusterDefinition d : clusters.definitions()) {
            // the CLI does not start the local cluster; a remote one is only watched, so probe it once
            ClusterState state = d.kind() == ClusterKind.LOCAL ? clusters.state(d.id())
                    : clusters.probe(d.id(), REMOTE_PROBE_WAIT);
            Optional<ClusterCapacity> capacity = state.health() == ClusterHealth.RUNNING
                    ? context.services().jobConfig().capacity(d.id(), null) : Optional.empty();
            table.row(d.id(), d.name(), d.kind().label(), stateText(clusters, d, state),
                    state.flinkVersion(),
                    capacity.map(c -> c.slotsAvailable() + "/" + c.slotsTotal()).orElse("-"),
                    Integer.toString(clusters.jobsOn(d.id()).size()));
        }
        table.print(context.out());
        return 0;
    }

    private static String stateText(ClusterService clusters, ClusterDefinition d, ClusterState state) {
        if (d.kind() != ClusterKind.LOCAL && !clusters.isRegistered(d.id())) {
            return "Not connected: " + state.detail();
        }
        String text = state.health().label();
        if (state.lastSeen() != null) {
            text += " (last seen " + SEEN.format(state.lastSeen().atZone(ZoneId.systemDefault())) + ")";
        }
        return text;
    }
}
