package io.streamdesk.flink.local;

import com.sun.net.httpserver.HttpServer;
import io.streamdesk.flink.sql.FlinkSqlSubmitter;
import io.streamdesk.model.JobConfig;
import io.streamdesk.service.jobconfig.FlinkJobConfiguration;
import io.streamdesk.service.prometheus.PushGatewayParameters;
import io.streamdesk.service.prometheus.PushGatewaySettings;
import io.streamdesk.service.secrets.SecretRefs;
import io.streamdesk.store.FileSecretStore;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * MO4 on real parts: the parameters the Prometheus option writes (with the password as a {@code ${secret:id}}
 * reference, resolved by {@link SecretRefs} as a run does) configure Flink 2.3's own PushGateway reporter, which
 * pushes a running SQL job's metrics, with basic auth, to Debian's prometheus-pushgateway on loopback.
 * <p>
 * Flink creates metric reporters when a cluster starts, so the cluster here is started with the job's resolved
 * configuration, as a cluster in application mode would be (the shared local session cluster's reporters are fixed
 * when it starts). A loopback proxy in front of the gateway records the Authorization header the reporter sends.
 */
class PushGatewayReporterIntegrationTest {
    static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");
    static final String SQL = """
            CREATE TABLE orders (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
            CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO sink SELECT id FROM orders;
            """;

    @TempDir
    Path dir;

    @Test
    void aJobsReporterParametersPushItsMetricsWithBasicAuth() throws Exception {
        assumeTrue(Files.isExecutable(PUSHGATEWAY), "Debian's prometheus-pushgateway is not installed "
                + "(.ci/run installs it); skipping the real reporter");
        int gatewayPort = freePort();
        Process gateway = new ProcessBuilder(PUSHGATEWAY.toString(), "--web.listen-address=127.0.0.1:" + gatewayPort,
                "--persistence.file=").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient http = HttpClient.newHttpClient();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort
                    + exchange.getRequestURI())).method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                forward.header("Content-Type", type);
            }
            try {
                HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        });
        proxy.start();
        MiniCluster cluster = null;
        try {
            awaitAnswer(http, URI.create("http://127.0.0.1:" + gatewayPort + "/metrics"));
            // what the Prometheus option writes into the draft, and what a run resolves
            FileSecretStore secrets = new FileSecretStore(dir.resolve("secrets"));
            String secretId = secrets.put("pushgateway test", "pg-pass-7");
            var settings = new PushGatewaySettings("127.0.0.1", proxy.getAddress().getPort(), false, "streamdesk-it",
                    "flink", secretId, Duration.ofSeconds(5));
            JobConfig config = JobConfig.defaults().withParameters(
                    PushGatewayParameters.write(JobConfig.DEFAULT_PARAMETERS.replace("rocksdb", "hashmap"), settings.flinkParameters()));
            assertThat(config.parameters()).doesNotContain("pg-pass-7");
            Map<String, String> resolved = new SecretRefs(secrets)
                    .resolve(config.parameters(), FlinkJobConfiguration.of(config, false)).configuration();

            Configuration clusterConfig = LocalClusterMain.configuration(dir.resolve("cluster"));
            resolved.forEach(clusterConfig::setString);
            cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(clusterConfig)
                    .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
            cluster.start();
            String restUrl = cluster.getRestAddress().get(60, TimeUnit.SECONDS).toString();
            String flinkJobId = new FlinkSqlSubmitter().submit(new io.streamdesk.flink.rest.FlinkRestClient(restUrl), "reporter-it", SQL, null, resolved);
            assertThat(flinkJobId).isNotBlank();

            URI metrics = URI.create("http://127.0.0.1:" + gatewayPort + "/metrics");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String body = "";
            while (!(body.contains("job=\"streamdesk-it") && body.contains("flink_taskmanager_job_task_numRecordsIn"))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no task metrics of the job on the PushGateway within 60 s; pushes: "
                            + authorizations.size());
                }
                Thread.sleep(500);
                body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(body).contains("job_name=\"reporter_it\"");
            String expected = "Basic " + Base64.getEncoder().encodeToString("flink:pg-pass-7".getBytes(StandardCharsets.UTF_8));
            assertThat(authorizations).isNotEmpty().allMatch(expected::equals);
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            proxy.stop(0);
            gateway.destroy();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitAnswer(HttpClient http, URI uri) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the PushGateway did not start at " + uri, e);
                }
                Thread.sleep(100);
            }
        }
    }
}
