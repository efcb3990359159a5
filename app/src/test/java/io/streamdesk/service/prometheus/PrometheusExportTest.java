package io.streamdesk.service.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.testing.InMemorySecretStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** MO4: PushGateway reporter parameters (password as a secret reference), a real push, the Grafana dashboard. */
class PrometheusExportTest {
    static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");

    @Test
    void parametersCarryTheReporterAndOnlyAReferenceToThePassword() {
        var secrets = new InMemorySecretStore();
        String id = secrets.put("pushgateway", "hunter2");
        var s = new PushGatewaySettings("push.example.org", 9091, true, "orders", "flink", id, Duration.ofSeconds(30));
        var p = s.flinkParameters();
        assertThat(p).containsEntry("metrics.reporter.promgateway.hostUrl", "https://push.example.org:9091")
                .containsEntry("metrics.reporter.promgateway.jobName", "orders")
                .containsEntry("metrics.reporter.promgateway.interval", "30 s")
                .containsEntry("metrics.reporter.promgateway.basicAuth.password", "${secret:" + id + "}");
        assertThat(p.values()).noneMatch(v -> v.contains("hunter2"));
        assertThat(s.asSetStatements()).contains("SET 'metrics.reporter.promgateway.jobName' = 'orders';");
    }

    @Test
    void badSettingsAreRefusedWithTheField() {
        assertThatThrownBy(() -> new PushGatewaySettings("bad host", 9091, false, "j", null, null, Duration.ofSeconds(30)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> new PushGatewaySettings("h", 0, false, "j", null, null, Duration.ofSeconds(30)))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new PushGatewaySettings("h", 9091, false, "j", "user", null, Duration.ofSeconds(30)))
                .hasMessageContaining("basic auth");
        assertThatThrownBy(() -> new PushGatewaySettings("h", 9091, false, "j", null, null, Duration.ofSeconds(1)))
                .hasMessageContaining("interval");
    }

    @Test
    void grafanaDashboardHasAPanelPerCanonicalMetric() throws Exception {
        JsonNode d = new ObjectMapper().readTree(GrafanaDashboard.json("StreamDesk jobs", GrafanaDashboard.METRICS));
        assertThat(d.path("panels")).hasSize(GrafanaDashboard.METRICS.size());
        assertThat(d.path("panels").get(0).path("targets").get(0).path("expr").asText())
                .isEqualTo("job_records_in_per_second{job_name=~\"$job_name\"}");
        assertThat(d.path("templating").path("list").get(0).path("name").asText()).isEqualTo("job_name");
    }

    @Test
    void pushReachesARealPushGatewayOnLoopback() throws Exception {
        assumeTrue(Files.isExecutable(PUSHGATEWAY), "Debian's prometheus-pushgateway is not installed "
                + "(apt-get install prometheus-pushgateway provides " + PUSHGATEWAY + "); skipping the real push");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process gateway = new ProcessBuilder(PUSHGATEWAY.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                try {
                    http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.discarding());
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the PushGateway did not start on port " + port, e);
                    }
                    Thread.sleep(100);
                }
            }
            var settings = new PushGatewaySettings("127.0.0.1", port, false, "streamdesk-test", null, null, Duration.ofSeconds(30));
            assertThat(new PushGatewayCheck(new InMemorySecretStore()).push(settings)).isEqualTo(200);
            String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("streamdesk_pushgateway_check{instance=\"\",job=\"streamdesk-test\"} 1");
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }
}
