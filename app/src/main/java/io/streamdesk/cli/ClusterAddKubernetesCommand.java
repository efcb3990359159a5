package io.streamdesk.cli;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.clusters.KubernetesSpecText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "kubernetes", description = "Adds a Flink session cluster on Kubernetes: a FlinkDeployment of the Flink"
        + " Kubernetes Operator, created in NAMESPACE through a kubeconfig context, and prints its ID. Its REST API is"
        + " reached through a port-forward to <deployment>-rest unless --rest-url says otherwise.")
final class ClusterAddKubernetesCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique name, at most 100 characters")
    String name;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, else"
            + " ~/.kube/config)")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "CONTEXT", description = "Kubeconfig context (default: its current"
            + " context)")
    String kubeContext;

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "Namespace of the FlinkDeployment")
    String namespace;

    @Option(names = "--deployment", required = true, paramLabel = "NAME",
            description = "FlinkDeployment name (lower-case letters, digits, '-')")
    String deployment;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = KubernetesSpecText.DEFAULT_IMAGE,
            description = "Flink image (default: ${DEFAULT-VALUE})")
    String image;

    @Option(names = "--flink-version", paramLabel = "V", defaultValue = KubernetesSpecText.DEFAULT_FLINK_VERSION,
            description = "The operator's spec.flinkVersion, a plain string (default: ${DEFAULT-VALUE})")
    String flinkVersion;

    @Option(names = "--service-account", paramLabel = "NAME", description = "Service account of the Flink pods"
            + " (default: flink)")
    String serviceAccount;

    @Option(names = "--jm-cpu", paramLabel = "CORES", defaultValue = "1", description = "JobManager CPU (default: 1)")
    String jmCpu;

    @Option(names = "--jm-memory", paramLabel = "SIZE", defaultValue = KubernetesSpecText.DEFAULT_MEMORY,
            description = "JobManager memory (default: ${DEFAULT-VALUE})")
    String jmMemory;

    @Option(names = "--tm-cpu", paramLabel = "CORES", defaultValue = "1", description = "TaskManager CPU (default: 1)")
    String tmCpu;

    @Option(names = "--tm-memory", paramLabel = "SIZE", defaultValue = KubernetesSpecText.DEFAULT_MEMORY,
            description = "TaskManager memory (default: ${DEFAULT-VALUE})")
    String tmMemory;

    @Option(names = "--tm-replicas", paramLabel = "N", defaultValue = "1", description = "TaskManagers (default: 1)")
    String tmReplicas;

    @Option(names = "--slots", paramLabel = "N", defaultValue = "2", description = "Task slots per TaskManager"
            + " (default: 2)")
    String slots;

    @Option(names = "--savepoint-dir", required = true, paramLabel = "URI",
            description = "Where the pods write savepoints, e.g. s3://bucket/savepoints (they cannot write this desktop's"
                    + " disk)")
    String savepointDir;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Flink configuration entry (repeatable)")
    List<String> conf = new ArrayList<>();

    @Option(names = "--host-alias", paramLabel = "IP=HOST[,HOST...]", description = "Host alias of the pods (repeatable)")
    List<String> hostAliases = new ArrayList<>();

    @Option(names = "--dns-nameserver", paramLabel = "IP", description = "DNS name server of the pods (repeatable)")
    List<String> nameservers = new ArrayList<>();

    @Option(names = "--dns-search", paramLabel = "DOMAIN", description = "DNS search domain of the pods (repeatable)")
    List<String> searches = new ArrayList<>();

    @Option(names = "--rest-url", paramLabel = "URL", description = "The JobManager's REST URL when it is exposed"
            + " (ingress, load balancer); default: a port-forward to <deployment>-rest")
    String restUrl;

    ClusterAddKubernetesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> configuration = new LinkedHashMap<>();
        for (int i = 0; i < conf.size(); i++) {
            KubernetesSpecText.flinkConfigurationEntry(configuration, "--conf #" + (i + 1), conf.get(i));
        }
        List<KubernetesSpec.HostAlias> aliases = new ArrayList<>();
        for (int i = 0; i < hostAliases.size(); i++) {
            aliases.add(KubernetesSpecText.hostAlias("--host-alias #" + (i + 1), hostAliases.get(i)));
        }
        KubernetesSpec spec = new KubernetesSpec(kubeconfig == null ? null : kubeconfig.toAbsolutePath().normalize(),
                kubeContext, namespace, deployment, image, flinkVersion, serviceAccount,
                new KubernetesSpec.Resources(KubernetesSpecText.cpu("--jm-cpu", jmCpu), jmMemory, 1),
                new KubernetesSpec.Resources(KubernetesSpecText.cpu("--tm-cpu", tmCpu), tmMemory,
                        KubernetesSpecText.count("--tm-replicas", tmReplicas, 0, KubernetesSpec.MAX_REPLICAS)),
                KubernetesSpecText.count("--slots", slots, 1, KubernetesSpec.MAX_TASK_SLOTS), configuration, aliases,
                new KubernetesSpec.DnsSettings(KubernetesSpecText.nameservers(String.join(",", nameservers)),
                        KubernetesSpecText.searches(String.join(",", searches))));
        RemoteEndpoint override = restUrl == null || restUrl.isBlank() ? null : RemoteEndpoint.of(restUrl.strip());
        ClusterDefinition added = context.services().clusters().addKubernetes(name, spec, override, savepointDir);
        context.out().println(added.id());
        return 0;
    }
}
