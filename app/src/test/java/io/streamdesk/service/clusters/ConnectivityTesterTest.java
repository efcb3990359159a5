package io.streamdesk.service.clusters;

import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.testing.FlinkLikeRestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connectivity test on real sockets on loopback: a Flink-like REST server over HTTP, basic auth and TLS. */
class ConnectivityTesterTest {
    private static final String RAN_ON = "from this desktop";
    private final ConnectivityTester tester = new ConnectivityTester(Duration.ofSeconds(3));

    @TempDir
    Path dir;

    @Test
    void aReachableRestApiPassesEveryStepAndReportsTheFlinkVersion() throws Exception {
        try (FlinkLikeRestServer server = FlinkLikeRestServer.http("/flink/prod", null, null)) {
            ConnectivityReport report = tester.testRestApi(RemoteEndpoint.of(server.url()), null, RAN_ON);

            assertThat(report.ok()).isTrue();
            assertThat(report.ranOn()).isEqualTo(RAN_ON);
            assertThat(report.target()).isEqualTo(server.url());
            assertThat(report.steps()).extracting(ConnectivityReport.Step::name)
                    .containsExactly("DNS", "TCP", "HTTP", "Flink");
            assertThat(report.steps().get(0).detail()).contains("127.0.0.1");
            assertThat(report.steps().get(1).detail()).isEqualTo("Connected to 127.0.0.1:" + server.port());
            assertThat(report.steps().get(2).detail()).isEqualTo("GET /flink/prod/config answered 200");
            assertThat(report.steps().get(3).detail()).isEqualTo("Flink 2.3.0");
            assertThat(report.steps()).allMatch(s -> s.took() != null && !s.took().isNegative());
        }
    }

    @Test
    void basicAuthRefusedSaysUserOrPasswordAndStopsThere() throws Exception {
        try (FlinkLikeRestServer server = FlinkLikeRestServer.http("", "alice", "s3cret")) {
            RemoteEndpoint withUser = new RemoteEndpoint(server.url(), "alice", "sec-1", null, null, null);

            ConnectivityReport wrong = tester.testRestApi(withUser, "wrong", RAN_ON);
            ConnectivityReport none = tester.testRestApi(RemoteEndpoint.of(server.url()), null, RAN_ON);
            ConnectivityReport right = tester.testRestApi(withUser, "s3cret", RAN_ON);

            assertThat(wrong.ok()).isFalse();
            assertThat(wrong.steps()).extracting(ConnectivityReport.Step::name).containsExactly("DNS", "TCP", "HTTP");
            assertThat(wrong.steps().get(2).detail()).isEqualTo("User or password refused (HTTP 401) for user 'alice'.");
            assertThat(none.steps().get(2).detail()).contains("asks for a user and password (HTTP 401)");
            assertThat(right.ok()).isTrue();
            assertThat(right.steps().get(2).detail()).contains("signed in as 'alice'");
        }
    }

    @Test
    void aWrongPrefixIsNotFlinksRestApi() throws Exception {
        try (FlinkLikeRestServer server = FlinkLikeRestServer.http("/flink", null, null)) {
            ConnectivityReport report = tester.testRestApi(RemoteEndpoint.of(server.url() + "/other"), null, RAN_ON);

            assertThat(report.ok()).isFalse();
            assertThat(report.steps().get(2).detail()).contains("answered HTTP 404").contains("path prefix");
        }
    }

    @Test
    void nothingListeningFailsAtTcpAndStops() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectivityReport report = tester.testRestApi(RemoteEndpoint.of("http://127.0.0.1:" + port), null, RAN_ON);

        assertThat(report.ok()).isFalse();
        assertThat(report.steps()).extracting(ConnectivityReport.Step::name).containsExactly("DNS", "TCP");
        assertThat(report.steps().get(1).detail()).startsWith("Cannot connect to 127.0.0.1:" + port)
                .contains("nothing listens on that port");
    }

    @Test
    void anUnknownHostFailsAtDns() {
        ConnectivityReport report = tester.testHost(ConnectivityTester.parseTarget("no-such-host.invalid:9092"), RAN_ON);

        assertThat(report.ok()).isFalse();
        assertThat(report.steps()).hasSize(1);
        assertThat(report.steps().get(0).name()).isEqualTo("DNS");
        assertThat(report.steps().get(0).detail()).startsWith("no-such-host.invalid does not resolve")
                .satisfiesAnyOf(d -> assertThat(d).contains("unknown host"), d -> assertThat(d).contains("No answer"));
    }

    @Test
    void httpsWithAnUntrustedCertificateNamesItAndWithItsCaFilePasses() throws Exception {
        try (FlinkLikeRestServer server = FlinkLikeRestServer.https(dir, "")) {
            ConnectivityReport untrusted = tester.testRestApi(RemoteEndpoint.of(server.url()), null, RAN_ON);
            ConnectivityReport trusted = tester.testRestApi(
                    new RemoteEndpoint(server.url(), null, null, server.caPem(), null, null), null, RAN_ON);

            assertThat(untrusted.ok()).isFalse();
            assertThat(untrusted.steps()).extracting(ConnectivityReport.Step::name).containsExactly("DNS", "TCP", "TLS");
            assertThat(untrusted.steps().get(2).detail())
                    .startsWith("TLS error: the certificate 'CN=streamdesk-test-server'")
                    .contains("is not trusted by the system trust store");
            assertThat(trusted.ok()).as(trusted.toString()).isTrue();
            assertThat(trusted.steps()).extracting(ConnectivityReport.Step::name)
                    .containsExactly("DNS", "TCP", "TLS", "HTTP", "Flink");
            assertThat(trusted.steps().get(2).detail()).startsWith("TLSv1.").contains("'CN=streamdesk-test-server'");
        }
    }

    @Test
    void aHostTargetTestsDnsAndTcpAndTlsOnlyWhenAsked() throws Exception {
        try (FlinkLikeRestServer server = FlinkLikeRestServer.https(dir, "")) {
            ConnectivityReport tcp = tester.testHost(ConnectivityTester.parseTarget("127.0.0.1:" + server.port()), RAN_ON);
            ConnectivityReport tls = tester.testHost(ConnectivityTester.parseTarget("tls://127.0.0.1:" + server.port()), RAN_ON);
            ConnectivityReport dnsOnly = tester.testHost(ConnectivityTester.parseTarget("localhost"), RAN_ON);

            assertThat(tcp.ok()).isTrue();
            assertThat(tcp.steps()).extracting(ConnectivityReport.Step::name).containsExactly("DNS", "TCP");
            assertThat(tls.steps()).extracting(ConnectivityReport.Step::name).containsExactly("DNS", "TCP", "TLS");
            assertThat(tls.steps().get(2).detail()).contains("'CN=streamdesk-test-server'").contains("not trusted");
            assertThat(dnsOnly.ok()).isTrue();
            assertThat(dnsOnly.steps()).extracting(ConnectivityReport.Step::name).containsExactly("DNS");
        }
    }

    @Test
    void targetsAreParsedWithClearRefusals() {
        assertThat(ConnectivityTester.parseTarget("kafka:9092")).isEqualTo(new ConnectivityTester.Target("kafka", 9092, false));
        assertThat(ConnectivityTester.parseTarget("[::1]:443")).isEqualTo(new ConnectivityTester.Target("::1", 443, true));
        assertThat(ConnectivityTester.parseTarget("TLS://db:5432").tls()).isTrue();
        assertThatThrownBy(() -> ConnectivityTester.parseTarget(" ")).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("Target: enter a host");
        assertThatThrownBy(() -> ConnectivityTester.parseTarget("kafka:99999"))
                .hasMessageContaining("the port must be a number from 1 to 65535");
        assertThatThrownBy(() -> ConnectivityTester.parseTarget("::1:80")).hasMessageContaining("in brackets");
        assertThatThrownBy(() -> ConnectivityTester.parseTarget("ka fka:1")).hasMessageContaining("is not a host name");
        assertThatThrownBy(() -> ConnectivityTester.parseTarget("h".repeat(301))).hasMessageContaining("longer than 300");
    }
}
