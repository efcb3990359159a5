package io.streamdesk.service.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.ParameterText;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.jobconfig.ConfigProblem;
import io.streamdesk.service.jobconfig.ParameterValidator;
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
import java.util.List;

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
                .containsEntry("metrics.reporter.promgateway.username", "flink")
                .containsEntry("metrics.reporter.promgateway.password", "${secret:" + id + "}");
        assertThat(p.values()).noneMatch(v -> v.contains("hunter2"));
        assertThat(p.keySet()).noneMatch(k -> k.contains("basicAuth"));
    }

    /** The keys are Flink 2.3's own: read from the reporter's ConfigOptions in flink-metrics-prometheus-2.3.0. */
    @Test
    void reporterKeysAreThoseOfFlinksPushGatewayReporterOptions() throws Exception {
        Class<?> options = Class.forName("org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterOptions");
        java.util.function.Function<String, String> key = field -> {
            try {
                Object option = options.getField(field).get(null);
                return PushGatewaySettings.PREFIX + option.getClass().getMethod("key").invoke(option);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("Flink has no " + field + " option", e);
            }
        };
        var p = new PushGatewaySettings("h", 9091, false, "j", "u", "sec-1", Duration.ofSeconds(30)).flinkParameters();
        assertThat(p).containsKeys(key.apply("HOST_URL"), key.apply("JOB_NAME"), key.apply("RANDOM_JOB_NAME_SUFFIX"),
                key.apply("DELETE_ON_SHUTDOWN"), key.apply("USERNAME"), key.apply("PASSWORD"));
        assertThat(p.get(PushGatewaySettings.FACTORY_CLASS)).isEqualTo(
                Class.forName(PushGatewaySettings.FACTORY).getName());
    }

    @Test
    void writingMergesWithTheUsersLinesAndSwitchingOffRemovesOnlyTheReporter() {
        String user = "# my tuning\npipeline.max-parallelism: 256\nmetrics.reporter.promgateway.jobName: old # keep place\n"
                + "metrics.reporter.promgateway.groupingKey: a=b\n# tail comment\nstate.backend.type: hashmap\n";
        var s = new PushGatewaySettings("10.0.0.9", 9091, false, "orders", "flink", "sec-ab12", Duration.ofSeconds(60));
        String written = PushGatewayParameters.write(user, s.flinkParameters());
        List<String> lines = written.lines().toList();
        assertThat(lines.subList(0, 3)).containsExactly("# my tuning", "pipeline.max-parallelism: 256",
                "metrics.reporter.promgateway.jobName: orders");
        assertThat(lines).contains("# tail comment", "state.backend.type: hashmap", PushGatewayParameters.COMMENT,
                "metrics.reporter.promgateway.password: ${secret:sec-ab12}");
        assertThat(written).doesNotContain("groupingKey").endsWith("\n");
        assertThat(ParameterText.parse(written).ok()).isTrue();
        assertThat(new ParameterValidator().validate(JobConfig.defaults().withParameters(written),
                ParameterValidator.Context.none())).noneMatch(ConfigProblem::isError);
        // written twice: the same text
        assertThat(PushGatewayParameters.write(written, s.flinkParameters())).isEqualTo(written);

        var read = PushGatewayParameters.read(written).orElseThrow();
        assertThat(read).isEqualTo(new PushGatewayParameters.Read("10.0.0.9", 9091, false, "orders", "flink", "sec-ab12",
                Duration.ofSeconds(60), null));

        String off = PushGatewayParameters.remove(written);
        assertThat(off).isEqualTo("# my tuning\npipeline.max-parallelism: 256\n# tail comment\nstate.backend.type: hashmap\n");
        assertThat(PushGatewayParameters.read(off)).isEmpty();
        assertThat(PushGatewayParameters.present(off)).isFalse();
        assertThat(PushGatewayParameters.write("", s.flinkParameters())).startsWith(PushGatewayParameters.COMMENT + "\n");
        assertThat(PushGatewayParameters.remove("a: 1")).isEqualTo("a: 1");
    }

    @Test
    void aClearPasswordInTheParametersIsReportedWhenReadBack() {
        var read = PushGatewayParameters.read("metrics.reporter.promgateway.hostUrl: http://gw:9091\n"
                + "metrics.reporter.promgateway.password: plain\n").orElseThrow();
        assertThat(read.host()).isEqualTo("gw");
        assertThat(read.passwordSecretId()).isNull();
        assertThat(read.problem()).contains("password is written in clear");
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
