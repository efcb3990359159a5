package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.testing.KubernetesMockApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamdesk.k8s.ConnectivityPodKubelet.Outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connectivity test inside a Kubernetes cluster ({@link InClusterConnectivityPod}) against fabric8's
 * {@code KubernetesMockServer} in CRUD mode. No real Kubernetes API server or kubelet can run on these machines (see
 * {@link KubernetesMockApi}), so {@link ConnectivityPodKubelet} plays the kubelet: it writes the test pod's terminated
 * status with the termination message the pod's script would print. The script itself is run by the real bash of
 * this machine in {@link #theScriptRunByBashReportsEachStepAsTheParserReadsIt}, against a real loopback listener.
 */
class InClusterConnectivityPodTest {
    static final String NS = "flink";

    @TempDir
    Path dir;
    KubernetesMockApi api;

    @BeforeEach
    void startMock() {
        api = KubernetesMockApi.start();
    }

    @AfterEach
    void stopMock() {
        api.close();
    }

    KubernetesSpec spec() {
        return new KubernetesSpec(null, "prod", NS, "orders", "registry.example/flink:2.3", "v2_3", "flink-sa",
                new KubernetesSpec.Resources(1, "1600m", 1), new KubernetesSpec.Resources(1, "2g", 1), 1, Map.of(),
                List.of(new KubernetesSpec.HostAlias("10.1.2.3", List.of("kafka.internal", "kafka"))),
                new KubernetesSpec.DnsSettings(List.of("10.0.0.53"), List.of("corp.example")));
    }

    InClusterConnectivityPod probe(Duration wait) {
        return new InClusterConnectivityPod(api.client(), "c-orders", spec(), wait);
    }

    List<Pod> testPods() {
        return api.client().pods().inNamespace(NS).list().getItems();
    }

    @Test
    void thePodHasTheClustersImageAndDnsSettingsPassesTheHostAsAnArgumentAndIsDeletedAfterASuccess() {
        try (ConnectivityPodKubelet kubelet = new ConnectivityPodKubelet(api.client(), NS,
                pod -> Outcome.ended(0, "DNS ok 3 10.1.2.3\nTCP ok 2\n"))) {
            ConnectivityReport report = probe(InClusterConnectivityPod.DEFAULT_WAIT).testHost("kafka.internal", 9092,
                    false);

            assertThat(report.steps()).extracting(ConnectivityReport.Step::name).containsExactly("Pod", "DNS", "TCP");
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.target()).isEqualTo("kafka.internal:9092");
            assertThat(report.steps().get(1).detail()).isEqualTo("kafka.internal resolves to 10.1.2.3");
            assertThat(report.steps().get(2).detail()).isEqualTo("Connected to kafka.internal:9092");
            assertThat(report.steps().get(2).took()).isEqualTo(Duration.ofMillis(2));
            assertThat(report.ranOn()).contains("pod in namespace flink").contains("context prod");

            assertThat(kubelet.created).hasSize(1);
            Pod pod = kubelet.created.get(0);
            assertThat(pod.getMetadata().getName()).matches("orders-conn-[a-z2-9]{5}");
            assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "streamdesk")
                    .containsEntry("streamdesk.io/cluster-id", "c-orders")
                    .doesNotContainKey("app"); // the pod-exit watcher and Flink's Deployments select on it
            assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(pod.getSpec().getActiveDeadlineSeconds()).isEqualTo((long) InClusterConnectivityPod.POD_DEADLINE);
            assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("flink-sa");
            assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getSpec().getHostAliases()).hasSize(1);
            assertThat(pod.getSpec().getHostAliases().get(0).getIp()).isEqualTo("10.1.2.3");
            assertThat(pod.getSpec().getHostAliases().get(0).getHostnames()).containsExactly("kafka.internal", "kafka");
            assertThat(pod.getSpec().getDnsConfig().getNameservers()).containsExactly("10.0.0.53");
            assertThat(pod.getSpec().getDnsConfig().getSearches()).containsExactly("corp.example");
            Container c = pod.getSpec().getContainers().get(0);
            assertThat(c.getImage()).isEqualTo("registry.example/flink:2.3");
            assertThat(c.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
            assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
            // the host is an argument of the fixed script, never part of the shell text
            assertThat(c.getCommand()).containsExactly("bash", "-c", InClusterConnectivityPod.SCRIPT,
                    "streamdesk-connectivity-test", "kafka.internal", "9092");
            assertThat(InClusterConnectivityPod.SCRIPT).doesNotContain("kafka");

            assertThat(testPods()).as("the test pod is deleted afterwards").isEmpty();
        }
    }

    @Test
    void aHostThatDoesNotResolveIsAFailedDnsStep() {
        try (ConnectivityPodKubelet kubelet = new ConnectivityPodKubelet(api.client(), NS,
                pod -> Outcome.ended(1, "DNS fail 4 2\n"))) {
            ConnectivityReport report = probe(InClusterConnectivityPod.DEFAULT_WAIT).testHost("nowhere.example", 0,
                    false);

            assertThat(report.ok()).isFalse();
            assertThat(report.steps()).extracting(ConnectivityReport.Step::name).containsExactly("Pod", "DNS");
            assertThat(report.steps().get(0).ok()).isTrue();
            assertThat(report.steps().get(1).ok()).isFalse();
            assertThat(report.steps().get(1).detail()).contains("nowhere.example does not resolve inside the cluster")
                    .contains("unknown host");
            assertThat(ConnectivityPodKubelet.hostAndPort(kubelet.created.get(0))).containsExactly("nowhere.example", "0");
            assertThat(testPods()).isEmpty();
        }
    }

    @Test
    void aRefusedConnectionIsAFailedTcpStepAfterAGoodDnsStep() {
        try (ConnectivityPodKubelet kubelet = new ConnectivityPodKubelet(api.client(), NS, pod -> Outcome.ended(1,
                "DNS ok 1 10.9.8.7\nTCP fail 3 1 bash: connect: Connection refused bash: line 1: /dev/tcp/db/5432:"
                        + " Connection refused\n"))) {
            ConnectivityReport report = probe(InClusterConnectivityPod.DEFAULT_WAIT).testHost("db", 5432, true);

            assertThat(report.steps()).extracting(ConnectivityReport.Step::name).containsExactly("Pod", "DNS", "TCP");
            assertThat(report.steps()).extracting(ConnectivityReport.Step::ok).containsExactly(true, true, false);
            assertThat(report.steps().get(2).detail()).isEqualTo("Cannot connect to db:5432: connection refused"
                    + " (nothing listens on that port).");
            assertThat(testPods()).isEmpty();
        }
    }

    @Test
    void aPodThatNeverStartsTimesOutSaysSoAndIsDeleted() {
        try (ConnectivityPodKubelet kubelet = new ConnectivityPodKubelet(api.client(), NS,
                pod -> Outcome.neverStarts())) {
            ConnectivityReport report = probe(Duration.ofSeconds(2)).testHost("kafka", 9092, false);

            assertThat(report.steps()).hasSize(1);
            assertThat(report.steps().get(0).ok()).isFalse();
            assertThat(report.steps().get(0).detail()).contains("did not start within 2 s")
                    .contains("registry.example/flink:2.3");
            assertThat(kubelet.created).hasSize(1);
            assertThat(testPods()).as("deleted after the timeout too").isEmpty();
        }
    }

    @Test
    void anImageThatCannotBePulledEndsTheWaitWithTheKubeletsReason() {
        try (ConnectivityPodKubelet kubelet = new ConnectivityPodKubelet(api.client(), NS,
                pod -> Outcome.waiting("ImagePullBackOff", "Back-off pulling image \"registry.example/flink:2.3\""))) {
            ConnectivityReport report = probe(InClusterConnectivityPod.DEFAULT_WAIT).testHost("kafka", 9092, false);

            assertThat(report.steps()).hasSize(1);
            assertThat(report.steps().get(0).detail()).contains("image 'registry.example/flink:2.3' cannot be pulled")
                    .contains("ImagePullBackOff").contains("service account 'flink-sa'");
            assertThat(testPods()).isEmpty();
        }
    }

    @Test
    void aPodStoppedByItsDeadlineSaysSo() {
        try (ConnectivityPodKubelet kubelet = new ConnectivityPodKubelet(api.client(), NS,
                pod -> Outcome.podFailed("DeadlineExceeded", "Pod was active on the node longer than the specified"
                        + " deadline"))) {
            ConnectivityReport report = probe(InClusterConnectivityPod.DEFAULT_WAIT).testHost("kafka", 9092, false);

            assertThat(report.steps()).hasSize(1);
            assertThat(report.steps().get(0).ok()).isFalse();
            assertThat(report.steps().get(0).detail()).startsWith("The test pod ran past its deadline of "
                    + InClusterConnectivityPod.POD_DEADLINE + " s before its test reported");
            assertThat(testPods()).isEmpty();
        }
    }

    @Test
    void aScriptThatReportsNothingSaysWhatTheContainerEndedWith() {
        try (ConnectivityPodKubelet kubelet = new ConnectivityPodKubelet(api.client(), NS,
                pod -> Outcome.ended(127, "exec: \"bash\": executable file not found in $PATH"))) {
            ConnectivityReport report = probe(InClusterConnectivityPod.DEFAULT_WAIT).testHost("kafka", 9092, false);

            assertThat(report.steps()).hasSize(1);
            assertThat(report.steps().get(0).ok()).isFalse();
            assertThat(report.steps().get(0).detail()).contains("exit code 127").contains("needs bash");
            assertThat(testPods()).isEmpty();
        }
    }

    @Test
    void hostileTargetsAreRefusedBeforeAnyPodIsMade() {
        InClusterConnectivityPod probe = probe(InClusterConnectivityPod.DEFAULT_WAIT);
        for (String hostile : List.of("a;rm -rf /", "$(reboot)", "-x", "`id`", "a b", "host'quote", "")) {
            assertThatThrownBy(() -> probe.testHost(hostile, 80, false)).as(hostile)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a host name");
        }
        assertThatThrownBy(() -> probe.testHost("kafka", 70_000, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(testPods()).isEmpty();
        assertThat(InClusterConnectivityPod.checkedHost("fe80::1")).isEqualTo("fe80::1");
        assertThat(InClusterConnectivityPod.checkedHost("kafka_1.internal")).isEqualTo("kafka_1.internal");
    }

    @Test
    void anApiServerThatDoesNotAnswerIsAFailedPodStep() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (KubernetesClient down = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + closedPort).withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(2000).withRequestTimeout(2000).build()).build()) {
            ConnectivityReport report = new InClusterConnectivityPod(down, "c-orders", spec(), Duration.ofSeconds(2))
                    .testHost("kafka", 9092, false);

            assertThat(report.steps()).hasSize(1);
            assertThat(report.steps().get(0).ok()).isFalse();
            assertThat(report.steps().get(0).detail()).startsWith("The Kubernetes API refused to create the test pod"
                    + " in namespace flink: it does not answer");
        }
    }

    /**
     * The pod's script, run here by the real bash (with getent and timeout) instead of in a pod: its log lines are the
     * ones the parser reads, for a listening port, a closed one and a host that does not resolve; and a hostile
     * "host" given as its argument stays an argument.
     */
    @Test
    void theScriptRunByBashReportsEachStepAsTheParserReadsIt() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            List<ConnectivityReport.Step> ok = runScript("127.0.0.1", listening.getLocalPort());
            assertThat(ok).extracting(ConnectivityReport.Step::name).containsExactly("DNS", "TCP");
            assertThat(ok).extracting(ConnectivityReport.Step::ok).containsExactly(true, true);
            assertThat(ok.get(0).detail()).isEqualTo("127.0.0.1 resolves to 127.0.0.1");
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<ConnectivityReport.Step> refused = runScript("127.0.0.1", closedPort);
        assertThat(refused).extracting(ConnectivityReport.Step::ok).containsExactly(true, false);
        assertThat(refused.get(1).detail()).contains("connection refused");

        List<ConnectivityReport.Step> byName = runScript("localhost", 0); // /etc/hosts, where host aliases go
        assertThat(byName).extracting(ConnectivityReport.Step::ok).containsExactly(true);

        List<ConnectivityReport.Step> unknown = runScript("no-such-host.invalid", 80);
        assertThat(unknown).extracting(ConnectivityReport.Step::name).containsExactly("DNS");
        assertThat(unknown.get(0).ok()).isFalse();
        assertThat(unknown.get(0).detail()).contains("unknown host");

        Path marker = dir.resolve("hacked");
        List<ConnectivityReport.Step> hostile = runScript("x;touch " + marker, 0);
        assertThat(hostile.get(0).ok()).isFalse();
        assertThat(marker).doesNotExist();
    }

    private List<ConnectivityReport.Step> runScript(String host, int port) throws Exception {
        Path log = Files.createTempFile(dir, "termination", ".log");
        String script = InClusterConnectivityPod.SCRIPT.replace("log=/dev/termination-log", "log=" + log);
        Process p = new ProcessBuilder("bash", "-c", script, "streamdesk-connectivity-test", host,
                Integer.toString(port)).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(log).stream()
                .map(line -> InClusterConnectivityPod.parseStep(line, host, port, false))
                .filter(java.util.Objects::nonNull).toList();
    }
}
