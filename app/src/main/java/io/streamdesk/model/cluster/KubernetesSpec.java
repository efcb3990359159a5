package io.streamdesk.model.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A Flink session cluster on Kubernetes (R3, R4): a {@code FlinkDeployment} of the Apache Flink Kubernetes Operator
 * in session mode, in a namespace reached through a kubeconfig context. This is what the user chose; what the
 * operator made of it is observed, not stored here.
 *
 * @param kubeconfig         the kubeconfig file, or null for the default ({@code $KUBECONFIG}, else
 *                           {@code ~/.kube/config})
 * @param context            the kubeconfig context, or null for its current context
 * @param namespace          the namespace of the FlinkDeployment
 * @param deploymentName     the FlinkDeployment's name (a DNS-1123 label); the operator names the JobManager's REST
 *                           service {@code <deploymentName>-rest}
 * @param image              the Flink image, e.g. {@code flink:2.3}
 * @param flinkVersion       the operator's {@code spec.flinkVersion}, a plain string (e.g. {@code v2_3}) so that
 *                           versions newer than this app's operator schema are not refused
 * @param serviceAccount     the service account the Flink pods run as (the operator's default is {@code flink})
 * @param jobManager         JobManager resources and replicas
 * @param taskManager        TaskManager resources and replicas (scaling changes these)
 * @param taskSlots          {@code taskmanager.numberOfTaskSlots}
 * @param flinkConfiguration further Flink configuration ({@code spec.flinkConfiguration}), sorted by key
 * @param hostAliases        host aliases written into the pod template (R4 DNS settings)
 * @param dns                DNS settings written into the pod template's {@code dnsConfig}
 */
public record KubernetesSpec(Path kubeconfig, String context, String namespace, String deploymentName, String image,
                             String flinkVersion, String serviceAccount, Resources jobManager, Resources taskManager,
                             int taskSlots, Map<String, String> flinkConfiguration, List<HostAlias> hostAliases,
                             DnsSettings dns) {

    public static final int MAX_NAME_LENGTH = 45;
    public static final int MAX_TEXT_LENGTH = 253;
    public static final int MAX_CONFIGURATION_ENTRIES = 200;
    public static final int MAX_HOST_ALIASES = 50;
    public static final int MAX_REPLICAS = 500;
    public static final int MAX_TASK_SLOTS = 64;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public KubernetesSpec {
        context = blankToNull(context);
        namespace = namespace == null ? null : namespace.strip();
        deploymentName = deploymentName == null ? null : deploymentName.strip();
        image = image == null ? null : image.strip();
        flinkVersion = flinkVersion == null ? null : flinkVersion.strip();
        serviceAccount = blankToNull(serviceAccount) == null ? "flink" : serviceAccount.strip();
        Objects.requireNonNull(jobManager, "jobManager");
        Objects.requireNonNull(taskManager, "taskManager");
        flinkConfiguration = flinkConfiguration == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(flinkConfiguration));
        hostAliases = hostAliases == null ? List.of() : List.copyOf(hostAliases);
        dns = dns == null ? DnsSettings.NONE : dns;
    }

    /** CPU (cores, as the operator takes {@code resource.cpu}), memory (e.g. {@code 2048m}, {@code 2g}), replicas. */
    public record Resources(double cpu, String memory, int replicas) {
        public Resources {
            memory = memory == null ? null : memory.strip();
        }

        public Resources withReplicas(int newReplicas) {
            return new Resources(cpu, memory, newReplicas);
        }
    }

    /** One {@code hostAliases} entry of the pod template: an IP and the host names it answers for. */
    public record HostAlias(String ip, List<String> hostnames) {
        public HostAlias {
            ip = ip == null ? null : ip.strip();
            hostnames = hostnames == null ? List.of() : List.copyOf(hostnames);
        }
    }

    /** The pod template's {@code dnsConfig}: name servers (DNS forwarders) and search domains. */
    public record DnsSettings(List<String> nameservers, List<String> searches) {
        public static final DnsSettings NONE = new DnsSettings(List.of(), List.of());

        public DnsSettings {
            nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
            searches = searches == null ? List.of() : List.copyOf(searches);
        }

        public boolean isEmpty() {
            return nameservers.isEmpty() && searches.isEmpty();
        }
    }

    /** A new spec with the TaskManagers changed (R3 "scale": count and spec). */
    public KubernetesSpec withTaskManager(Resources resources) {
        return new KubernetesSpec(kubeconfig, context, namespace, deploymentName, image, flinkVersion, serviceAccount,
                jobManager, resources, taskSlots, flinkConfiguration, hostAliases, dns);
    }

    /** The name of the JobManager REST service the operator creates. */
    public String restServiceName() {
        return deploymentName + "-rest";
    }

    /**
     * What is wrong with this spec, one user-facing sentence per problem naming the field; empty when it is fine.
     * Bounded sizes (S3) and Kubernetes naming rules are checked here; the operator's schema is the adapter's.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        checkLabel(problems, "Namespace", namespace, 63);
        checkLabel(problems, "Deployment name", deploymentName, MAX_NAME_LENGTH);
        checkText(problems, "Image", image);
        checkText(problems, "Flink version", flinkVersion);
        if (context != null && context.length() > MAX_TEXT_LENGTH) {
            problems.add("Context is longer than " + MAX_TEXT_LENGTH + " characters.");
        }
        if (!DNS_LABEL.matcher(serviceAccount).matches() || serviceAccount.length() > MAX_TEXT_LENGTH) {
            problems.add("Service account '" + serviceAccount + "' is not a valid Kubernetes name.");
        }
        checkResources(problems, "JobManager", jobManager, 1);
        checkResources(problems, "TaskManager", taskManager, 0);
        if (taskSlots < 1 || taskSlots > MAX_TASK_SLOTS) {
            problems.add("Task slots must be between 1 and " + MAX_TASK_SLOTS + " (got " + taskSlots + ").");
        }
        if (flinkConfiguration.size() > MAX_CONFIGURATION_ENTRIES) {
            problems.add("Flink configuration has more than " + MAX_CONFIGURATION_ENTRIES + " entries.");
        }
        if (hostAliases.size() > MAX_HOST_ALIASES) {
            problems.add("More than " + MAX_HOST_ALIASES + " host aliases.");
        }
        for (HostAlias alias : hostAliases) {
            if (alias.ip() == null || alias.ip().isEmpty() || alias.hostnames().isEmpty()) {
                problems.add("A host alias needs an IP and at least one host name.");
            }
        }
        return problems;
    }

    private static void checkLabel(List<String> problems, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            problems.add(field + " is empty.");
        } else if (value.length() > max) {
            problems.add(field + " is longer than " + max + " characters.");
        } else if (!DNS_LABEL.matcher(value).matches()) {
            problems.add(field + " '" + value + "' must be lower-case letters, digits and '-', starting and ending"
                    + " with a letter or digit.");
        }
    }

    private static void checkText(List<String> problems, String field, String value) {
        if (value == null || value.isEmpty()) {
            problems.add(field + " is empty.");
        } else if (value.length() > MAX_TEXT_LENGTH) {
            problems.add(field + " is longer than " + MAX_TEXT_LENGTH + " characters.");
        }
    }

    private static void checkResources(List<String> problems, String role, Resources resources, int minReplicas) {
        if (!(resources.cpu() > 0) || resources.cpu() > 256) {
            problems.add(role + " CPU must be above 0 and at most 256 cores.");
        }
        if (resources.memory() == null || !resources.memory().matches("[0-9]+(\\.[0-9]+)?([kKmMgGtT]i?|[kKmMgGtT]b?)?")) {
            problems.add(role + " memory '" + resources.memory() + "' is not a size such as 2048m or 2g.");
        }
        if (resources.replicas() < minReplicas || resources.replicas() > MAX_REPLICAS) {
            problems.add(role + " replicas must be between " + minReplicas + " and " + MAX_REPLICAS + ".");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
