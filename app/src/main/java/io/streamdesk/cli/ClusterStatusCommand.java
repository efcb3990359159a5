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
            context.services().clusters().definition(state.clusterId()).filter(d -> d.kubernetes() != null)
                    .ifPresent(d -> printKubernetes(out, d.kubernetes()));
            printSources(out, context.services().clusters().sources(state.clusterId()));
        }
        return 0;
    }

    private static void printKubernetes(PrintWriter out, io.streamdesk.model.cluster.KubernetesSpec k) {
        out.println("Kind:          Kubernetes (FlinkDeployment " + k.namespace() + "/" + k.deploymentName()
                + ", context " + (k.context() == null ? "current" : k.context()) + ")");
        out.println("Image:         " + k.image() + " (Flink version " + k.flinkVersion() + ")");
        out.println("JobManager:    " + io.streamdesk.service.clusters.KubernetesSpecText.resources(k.jobManager(), true));
        out.println("TaskManagers:  " + io.streamdesk.service.clusters.KubernetesSpecText.resources(k.taskManager(), true)
                + ", " + k.taskSlots() + " slots each");
    }

    /** One line per source ("Operator  STABLE / READY  seen 12 s ago  detail") and the disagreement, if any. */
    static void printSources(PrintWriter out, io.streamdesk.model.cluster.StateSources sources) {
        if (sources.isEmpty()) {
            return;
        }
        java.time.Instant now = java.time.Instant.now();
        out.println("Sources:" + (sources.disagree() ? "       DISAGREE: " + sources.disagreement() : ""));
        TextTable table = new TextTable("  SOURCE", "VALUE", "LAST SEEN", "DETAIL");
        for (io.streamdesk.model.cluster.SourceReading r : sources.readings()) {
            table.row("  " + r.source(), r.value(), io.streamdesk.model.cluster.StateSources.age(r.seenAt(), now),
                    orDash(r.detail()));
        }
        table.print(out);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
