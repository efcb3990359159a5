package io.streamdesk.cli;

import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.clusters.KubernetesSpecText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "scale", description = "Scales the TaskManagers of a Kubernetes cluster (replicas, and optionally CPU"
        + " and memory each); refused below the task slots running jobs use, naming them.")
final class ClusterScaleCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Cluster ID (see cluster list)")
    String clusterId;

    @Option(names = "--tm-replicas", required = true, paramLabel = "N", description = "TaskManagers")
    String replicas;

    @Option(names = "--tm-cpu", paramLabel = "CORES", description = "CPU per TaskManager (default: unchanged)")
    String cpu;

    @Option(names = "--tm-memory", paramLabel = "SIZE", description = "Memory per TaskManager (default: unchanged)")
    String memory;

    ClusterScaleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var deployments = context.services().clusterDeployments();
        KubernetesSpec now = deployments.spec(clusterId).orElseThrow(() -> new OperationFailedException(
                deployments.refusal(clusterId), "Scale it where it runs."));
        KubernetesSpec.Resources tm = new KubernetesSpec.Resources(
                cpu == null ? now.taskManager().cpu() : KubernetesSpecText.cpu("--tm-cpu", cpu),
                memory == null ? now.taskManager().memory() : memory,
                KubernetesSpecText.count("--tm-replicas", replicas, 0, KubernetesSpec.MAX_REPLICAS));
        context.out().println(ClusterDeploymentCommands.await(deployments.scale(clusterId, tm)).text());
        return 0;
    }
}
