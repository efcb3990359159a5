package io.streamdesk.cli;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import picocli.CommandLine.Command;

import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.model.cluster.StateSources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        List<String[]> rows = new ArrayList<>();
        boolean anySources = false;
        for (ClusterDefinition d : clusters.definitions()) {
            // the CLI does not start the local cluster; a remote one is only watched, so probe it once
            ClusterState state = d.kind() == ClusterKind.LOCAL ? clusters.state(d.id())
                    : clusters.probe(d.id(), REMOTE_PROBE_WAIT);
            Optional<ClusterCapacity> capacity = state.health() == ClusterHealth.RUNNING
                    ? context.services().jobConfig().capacity(d.id(), null) : Optional.empty();
            StateSources sources = clusters.sources(d.id());
            anySources |= !sources.isEmpty();
            rows.add(new String[] {d.id(), d.name(), d.kind().label(), stateText(clusters, d, state),
                    state.flinkVersion(),
                    capacity.map(c -> c.slotsAvailable() + "/" + c.slotsTotal()).orElse("-"),
                    Integer.toString(clusters.jobsOn(d.id()).size()), sourcesText(sources)});
        }
        // the SOURCES column only when a cluster has more than one source (Kubernetes): others have just their state
        TextTable table = anySources
                ? new TextTable("ID", "NAME", "KIND", "STATE", "FLINK", "SLOTS FREE/TOTAL", "JOBS", "SOURCES")
                : new TextTable("ID", "NAME", "KIND", "STATE", "FLINK", "SLOTS FREE/TOTAL", "JOBS");
        for (String[] row : rows) {
            table.row(anySources ? row : java.util.Arrays.copyOf(row, 7));
        }
        table.print(context.out());
        return 0;
    }

    /** "Operator: STABLE / READY (12 s ago); Flink REST: Answering (3 s ago)", "DISAGREE" first when they do. */
    static String sourcesText(StateSources sources) {
        if (sources.isEmpty()) {
            return "-";
        }
        Instant now = Instant.now();
        List<String> parts = new ArrayList<>();
        for (SourceReading r : sources.readings()) {
            parts.add(r.source() + ": " + r.value() + " (" + StateSources.age(r.seenAt(), now) + ")");
        }
        return (sources.disagree() ? "DISAGREE: " : "") + String.join("; ", parts);
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
