package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.HostAliasBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.ConnectivityReport.Step;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.service.port.InClusterProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The connectivity test (R4) of a host[:port] from inside a Kubernetes cluster: one short-lived pod in the cluster's
 * namespace, named {@code <deployment>-conn-<random>}, with the cluster's image, service account and the pod
 * template's {@code hostAliases} and {@code dnsConfig} (the settings the Flink pods get), so that it resolves and
 * connects as the jobs do. Its one container runs {@link #SCRIPT} with bash: {@code getent ahosts} for DNS
 * (getaddrinfo, as the JVM's and Kafka's clients resolve: the pod's /etc/hosts with the host aliases first, then the
 * cluster DNS with the dnsConfig; an IP address is taken as it is), then, with a port, bash's
 * {@code /dev/tcp} under {@code timeout}; each step writes one line {@code <STEP> <ok|fail> <ms> <detail>} into
 * {@code /dev/termination-log}, which the kubelet hands back as the container's terminated message.
 *
 * <p>The user's host and port never become shell text: they are checked here again (a host name or an IP address, a
 * port number) and passed as the script's positional parameters ({@code "$1"}, {@code "$2"}), always quoted in it.
 *
 * <p>Bounded: the pod has {@code activeDeadlineSeconds} {@link #POD_DEADLINE}, small resources, no service account
 * token, {@code restartPolicy: Never}; the app waits at most {@code wait} for it to end (polling its status) and
 * deletes it in every case, also after a timeout or a refused create. A pod that cannot pull its image or start stops
 * the wait at once with the kubelet's reason.
 *
 * <p>What it is not: the Flink pods themselves. The test pod lands on some node of the namespace's, maybe not the
 * TaskManagers', and it does not carry Flink's {@code app}/{@code component} labels (a TaskManager Deployment would
 * adopt a pod matching its selector, and the pod-exit watcher would count its exit), so a NetworkPolicy that selects
 * the Flink pods by those labels does not apply to it. TLS is not tried: the Flink image has no TLS client the test
 * can rely on.
 */
final class InClusterConnectivityPod implements InClusterProbe {
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    static final int POD_DEADLINE = 25;
    static final int STEP_TIMEOUT_SECONDS = 5;
    static final String CONTAINER = "probe";
    static final String PURPOSE_LABEL = "streamdesk.io/purpose";
    static final String PURPOSE = "connectivity-test";
    static final int MAX_DETAIL = 300;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,251}[A-Za-z0-9_.])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** Waiting reasons after which the container never starts by itself within the wait. */
    private static final Set<String> CANNOT_START = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(InClusterConnectivityPod.class);

    /**
     * The test itself; {@code $1} is the host, {@code $2} the port (0: resolve only). One line per step into the
     * termination log; exit 0 when every step passed. Each step is bounded by {@code timeout}.
     */
    static final String SCRIPT = String.join("\n",
            "h=\"$1\"; p=\"$2\"; log=/dev/termination-log",
            "ms() { echo $(( $(date +%s%N) / 1000000 )); }",
            "t=$(ms)",
            "out=$(timeout " + STEP_TIMEOUT_SECONDS + " getent ahosts \"$h\" 2>&1); rc=$?",
            "if [ $rc -ne 0 ]; then echo \"DNS fail $(( $(ms) - t )) $rc\" >> $log; exit 1; fi",
            "addrs=''; n=0",
            "while read -r ip rest; do case \" $addrs \" in *\" $ip \"*) ;; *) if [ -n \"$ip\" ] && [ $n -lt 5 ];"
                    + " then addrs=\"$addrs $ip\"; n=$((n+1)); fi;; esac; done <<< \"$out\"",
            "echo \"DNS ok $(( $(ms) - t ))$addrs\" >> $log",
            "if [ \"$p\" = 0 ]; then exit 0; fi",
            "t=$(ms)",
            "err=$(timeout " + STEP_TIMEOUT_SECONDS + " bash -c 'exec 3<>\"/dev/tcp/$1/$2\"' tcp \"$h\" \"$p\" 2>&1); rc=$?",
            "if [ $rc -ne 0 ]; then err=\"${err//$'\\n'/ }\"; echo \"TCP fail $(( $(ms) - t )) $rc ${err:0:"
                    + MAX_DETAIL + "}\" >> $log; exit 1; fi",
            "echo \"TCP ok $(( $(ms) - t ))\" >> $log");

    private final KubernetesClient client;
    private final String clusterId;
    private final KubernetesSpec spec;
    private final Duration wait;

    InClusterConnectivityPod(KubernetesClient client, String clusterId, KubernetesSpec spec, Duration wait) {
        this.client = Objects.requireNonNull(client, "client");
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** Where the test runs, for the report: "from a short-lived pod in namespace flink (context prod) ...". */
    String ranOn() {
        return "from a short-lived pod in namespace " + spec.namespace()
                + (spec.context() == null ? "" : " of kubeconfig context " + spec.context())
                + ", with the cluster's image and its pod template's host aliases and DNS settings";
    }

    /** The host as a pod may be given it, or an {@link IllegalArgumentException} naming what is wrong. */
    static String checkedHost(String host) {
        if (host == null || host.isEmpty() || host.length() > 253
                || !(HOST_NAME.matcher(host).matches() || host.indexOf(':') >= 0 && IPV6.matcher(host).matches())) {
            throw new IllegalArgumentException("Target: '" + host + "' is not a host name or IP address that can be"
                    + " tested inside the cluster.");
        }
        return host;
    }

    @Override
    public ConnectivityReport testHost(String host, int port, boolean tlsAsked) {
        String checked = checkedHost(host);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Target: the port must be a number from 1 to 65535.");
        }
        String target = (checked.indexOf(':') >= 0 ? "[" + checked + "]" : checked) + (port > 0 ? ":" + port : "");
        String name = spec.deploymentName() + "-conn-" + randomSuffix();
        long start = System.nanoTime();
        List<Step> steps = new ArrayList<>();
        boolean created = false;
        try {
            client.pods().inNamespace(spec.namespace()).resource(pod(name, checked, port)).create();
            created = true;
            Pod ended = awaitEnd(name);
            steps.addAll(outcome(name, ended, checked, port, tlsAsked, since(start)));
        } catch (KubernetesClientException e) {
            steps.add(new Step("Pod", false, created ? "Reading the test pod " + where(name) + " failed: the API "
                    + FlinkDeploymentOperations.describe(e) : refusedCreate(e), since(start)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step("Pod", false, "Interrupted waiting for the test pod " + where(name) + ".", since(start)));
        } finally {
            if (created) {
                deleteQuietly(name, steps);
            }
        }
        return new ConnectivityReport(target, ranOn(), steps);
    }

    /** The pod for one test: bounded, ours by its labels, with the pod template's DNS settings. */
    Pod pod(String name, String host, int port) {
        List<HostAlias> aliases = spec.hostAliases().stream()
                .map(a -> new HostAliasBuilder().withIp(a.ip()).withHostnames(a.hostnames()).build()).toList();
        PodDNSConfig dns = spec.dns().isEmpty() ? null : new PodDNSConfigBuilder()
                .withNameservers(spec.dns().nameservers().isEmpty() ? null : spec.dns().nameservers())
                .withSearches(spec.dns().searches().isEmpty() ? null : spec.dns().searches()).build();
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(spec.namespace())
                .addToLabels(FlinkDeploymentResource.MANAGED_BY_LABEL, FlinkDeploymentResource.MANAGED_BY)
                .addToLabels(FlinkDeploymentResource.CLUSTER_ID_LABEL, clusterId)
                .addToLabels(PURPOSE_LABEL, PURPOSE).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withActiveDeadlineSeconds((long) POD_DEADLINE)
                .withServiceAccountName(spec.serviceAccount()) // its image pull secrets are the Flink pods' too
                .withAutomountServiceAccountToken(false)
                .withTerminationGracePeriodSeconds(0L)
                .withHostAliases(aliases.isEmpty() ? null : aliases)
                .withDnsConfig(dns)
                .withContainers(new ContainerBuilder().withName(CONTAINER).withImage(spec.image())
                        .withCommand("bash", "-c", SCRIPT, "streamdesk-connectivity-test", host,
                                Integer.toString(port))
                        .withTerminationMessagePolicy("FallbackToLogsOnError")
                        .withResources(new ResourceRequirementsBuilder()
                                .withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("32Mi")))
                                .withLimits(Map.of("cpu", new Quantity("200m"), "memory", new Quantity("64Mi")))
                                .build())
                        .build())
                .endSpec().build();
    }

    /** Polls the pod until it ended, cannot start, vanished or {@code wait} passed; the last pod seen (or null). */
    private Pod awaitEnd(String name) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Pod pod = null;
        while (true) {
            pod = client.pods().inNamespace(spec.namespace()).withName(name).get();
            if (pod == null || ended(pod) || cannotStart(pod) != null || System.nanoTime() - deadline >= 0) {
                return pod;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean ended(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase) || terminated(pod) != null;
    }

    private static ContainerStatus container(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        return pod.getStatus().getContainerStatuses().stream().filter(c -> CONTAINER.equals(c.getName()))
                .findFirst().orElse(null);
    }

    private static ContainerStateTerminated terminated(Pod pod) {
        ContainerStatus c = container(pod);
        ContainerState s = c == null ? null : c.getState();
        return s == null ? null : s.getTerminated();
    }

    /** The waiting state that keeps the container from ever starting within the wait, or null. */
    private static ContainerStateWaiting cannotStart(Pod pod) {
        ContainerStatus c = container(pod);
        ContainerStateWaiting w = c == null || c.getState() == null ? null : c.getState().getWaiting();
        return w != null && CANNOT_START.contains(w.getReason()) ? w : null;
    }

    /** The report's steps for the pod as last seen. */
    private List<Step> outcome(String name, Pod pod, String host, int port, boolean tlsAsked, Duration took) {
        if (pod == null) {
            return List.of(new Step("Pod", false, "The test pod " + where(name) + " was deleted before it finished"
                    + " (by someone else, or by a policy of the cluster).", took));
        }
        ContainerStateWaiting waiting = cannotStart(pod);
        if (waiting != null) {
            boolean image = waiting.getReason().contains("Image");
            return List.of(new Step("Pod", false, (image ? "The cluster's image '" + spec.image() + "' cannot be"
                    + " pulled" : "The test pod's container cannot start") + " (" + waiting.getReason()
                    + (waiting.getMessage() == null ? "" : ": " + clip(waiting.getMessage())) + ")"
                    + (image ? "; the Flink pods use the same image: check its name and the pull secrets of service"
                    + " account '" + spec.serviceAccount() + "'." : "."), took));
        }
        ContainerStateTerminated end = terminated(pod);
        if (end == null) {
            return List.of(new Step("Pod", false, notEnded(pod), took));
        }
        List<Step> steps = new ArrayList<>();
        String node = pod.getSpec() == null || pod.getSpec().getNodeName() == null ? ""
                : " on node " + pod.getSpec().getNodeName();
        steps.add(null); // the Pod step, once the script's steps are known
        String message = end.getMessage() == null ? "" : end.getMessage();
        Duration inScript = Duration.ZERO;
        for (String line : message.split("\n")) {
            Step step = parseStep(line.strip(), host, port, tlsAsked);
            if (step != null) {
                steps.add(step);
                inScript = inScript.plus(step.took());
            }
        }
        // the Pod step's time is what the pod itself cost (create, schedule, start, delete): the steps' sum is the total
        Duration podTook = took.compareTo(inScript) > 0 ? took.minus(inScript) : Duration.ZERO;
        steps.set(0, new Step("Pod", true, "Ran in pod " + where(name) + node + " (image " + spec.image() + ")",
                podTook));
        if (steps.size() == 1) {
            int code = end.getExitCode() == null ? -1 : end.getExitCode();
            steps.set(0, new Step("Pod", false, "The test pod " + where(name) + " ended with exit code " + code
                    + (end.getReason() == null ? "" : " (" + end.getReason() + ")") + " without reporting a step"
                    + (message.isBlank() ? "" : ": " + clip(message.strip()))
                    + (code == 126 || code == 127 ? "; the cluster's image needs bash, getent and timeout." : "."),
                    took));
        }
        return steps;
    }

    /** Why a pod that did not end is still not done: unscheduled, pending, running past the wait. */
    private String notEnded(Pod pod) {
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending"
                : pod.getStatus().getPhase();
        String within = " within " + wait.toSeconds() + " s";
        if ("Failed".equals(phase) || "Succeeded".equals(phase)) { // ended without its container's state
            String reason = pod.getStatus().getReason();
            return "The test pod " + ("DeadlineExceeded".equals(reason) ? "ran past its deadline of " + POD_DEADLINE
                    + " s" : "ended (" + phase + (reason == null ? "" : ", " + reason) + ")") + " before its test"
                    + " reported" + (pod.getStatus().getMessage() == null ? "" : ": "
                    + clip(pod.getStatus().getMessage())) + ".";
        }
        if ("Running".equals(phase)) {
            return "The test pod ran but did not finish" + within + ".";
        }
        List<PodCondition> conditions = pod.getStatus() == null || pod.getStatus().getConditions() == null ? List.of()
                : pod.getStatus().getConditions();
        for (PodCondition c : conditions) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                return "No node took the test pod" + within + (c.getMessage() == null ? "." : ": "
                        + clip(c.getMessage()));
            }
        }
        return "The test pod did not start" + within + " (still " + phase + "): pulling the cluster's image '"
                + spec.image() + "' may take longer on a node that does not have it yet, or no node runs it; try"
                + " again, or see `kubectl -n " + spec.namespace() + " get events`.";
    }

    /** One line of the script's termination log as a report step, or null when it is not one. */
    static Step parseStep(String line, String host, int port, boolean tlsAsked) {
        String[] f = line.split(" ", 4);
        if (f.length < 3 || !(f[0].equals("DNS") || f[0].equals("TCP")) || !(f[1].equals("ok") || f[1].equals("fail"))) {
            return null;
        }
        Duration took;
        try {
            took = Duration.ofMillis(Math.max(0, Long.parseLong(f[2])));
        } catch (NumberFormatException e) {
            return null;
        }
        String rest = f.length > 3 ? clip(f[3].strip()) : "";
        boolean ok = f[1].equals("ok");
        String target = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        if (f[0].equals("DNS")) {
            if (ok) {
                return new Step("DNS", true, host + " resolves to " + String.join(", ", rest.split(" ")), took);
            }
            return new Step("DNS", false, host + " does not resolve inside the cluster: " + switch (rest) {
                case "2" -> "unknown host (no host alias, no DNS record with the pod's DNS settings).";
                case "124" -> "no answer within " + STEP_TIMEOUT_SECONDS + " s.";
                default -> "getent exited with " + rest + ".";
            }, took);
        }
        if (ok) {
            return new Step("TCP", true, "Connected to " + target + (tlsAsked ? " (TLS was not tried: the test inside"
                    + " the cluster checks DNS and TCP only)" : ""), took);
        }
        String[] codeAndError = rest.split(" ", 2);
        String error = codeAndError.length > 1 ? codeAndError[1] : "";
        if ("124".equals(codeAndError[0])) {
            return new Step("TCP", false, "No answer from " + target + " within " + STEP_TIMEOUT_SECONDS + " s (a "
                    + "firewall or network policy dropping the connection, or a wrong address).", took);
        }
        if (error.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
            return new Step("TCP", false, "Cannot connect to " + target + ": connection refused (nothing listens on"
                    + " that port).", took);
        }
        return new Step("TCP", false, "Cannot connect to " + target + ": " + (error.isEmpty() ? "exit code "
                + codeAndError[0] : error), took);
    }

    private String refusedCreate(KubernetesClientException e) {
        String hint = switch (e.getCode()) {
            case 403 -> " The kubeconfig's user" + (spec.context() == null ? "" : " of context " + spec.context())
                    + " needs the RBAC right to create, get and delete pods in namespace " + spec.namespace() + ".";
            case 404 -> " Does namespace " + spec.namespace() + " exist?";
            default -> "";
        };
        String answer = FlinkDeploymentOperations.describe(e);
        if (e.getCode() == 403 || e.getCode() == 404) { // the generic hints speak of flinkdeployments
            answer = "answered HTTP " + e.getCode() + ": " + (e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage() : e.getMessage());
        }
        return "The Kubernetes API refused to create the test pod in namespace " + spec.namespace() + ": it " + answer
                + "." + hint;
    }

    private void deleteQuietly(String name, List<Step> steps) {
        try {
            client.pods().inNamespace(spec.namespace()).withName(name).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            LOG.warn("Could not delete the connectivity test pod {}: {}", where(name), e.getMessage());
            steps.add(new Step("Cleanup", false, "The test pod " + where(name) + " could not be deleted (the API "
                    + FlinkDeploymentOperations.describe(e) + "); it stops by its deadline of " + POD_DEADLINE
                    + " s; delete it with `kubectl -n " + spec.namespace() + " delete pod " + name + "`.",
                    Duration.ZERO));
        }
    }

    private String where(String name) {
        return spec.namespace() + "/" + name;
    }

    private static String clip(String text) {
        String one = text.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= MAX_DETAIL ? one : one.substring(0, MAX_DETAIL) + "\u2026";
    }

    private static String randomSuffix() {
        StringBuilder b = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            b.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return b.toString();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
