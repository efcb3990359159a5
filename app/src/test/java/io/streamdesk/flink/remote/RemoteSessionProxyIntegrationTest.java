package io.streamdesk.flink.remote;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.StandaloneFlinkCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.streamdesk.testing.StandaloneFlinkCluster.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real standalone Flink 2.3.0 session cluster behind Debian's nginx (nginx-light, which .ci/run installs) doing
 * basic auth (htpasswd -B) under a path prefix, as a reverse proxy in front of a shared cluster does. The job
 * submission goes through the proxy like every other call; a wrong password is "user or password refused".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteSessionProxyIntegrationTest {

    static final String USER = "analyst";
    static final String PASSWORD = "s3cret-Proxy-pw";

    @TempDir
    static Path dir;
    static StandaloneFlinkCluster cluster;
    static Process nginx;
    static String proxyUrl;
    static RemoteSessionScenario scenario;
    static RemoteEndpoint endpoint;

    @BeforeAll
    static void startClusterAndProxy() throws Exception {
        long t0 = System.nanoTime();
        cluster = StandaloneFlinkCluster.start(dir.resolve("flink"), null);
        Path ng = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(ng.resolve("tmp"));
        run(ng, "htpasswd", "-B", "-b", "-c", ng.resolve("htpasswd").toString(), USER, PASSWORD);
        int port = StandaloneFlinkCluster.freePort();
        String conf = """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                  access_log %1$s/access.log;
                  client_body_temp_path %1$s/tmp/body;
                  proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  server {
                    listen 127.0.0.1:%2$d;
                    location /flink/prod/ {
                      auth_basic "flink";
                      auth_basic_user_file %1$s/htpasswd;
                      client_max_body_size 64m;
                      proxy_set_header Authorization "";
                      proxy_pass http://127.0.0.1:%3$d/;
                    }
                  }
                }
                """.formatted(ng, port, cluster.restPort());
        if ("root".equals(System.getProperty("user.name"))) {
            conf = "user root;\n" + conf; // the workers read the test's private directory
        }
        Files.writeString(ng.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder(nginxBinary(), "-p", ng.toString(), "-c", ng.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(ng.resolve("nginx.out").toFile()).start();
        proxyUrl = "http://127.0.0.1:" + port + "/flink/prod";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port)) {
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("nginx did not start: " + Files.readString(ng.resolve("nginx.out")));
            }
            Thread.sleep(50);
        }
        System.out.println("cluster and proxy ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        scenario = new RemoteSessionScenario(dir);
        endpoint = new RemoteEndpoint(proxyUrl, USER, null, null, null, null);
    }

    private static String nginxBinary() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (scenario != null) {
            scenario.close();
        }
        if (nginx != null) {
            nginx.descendants().forEach(ProcessHandle::destroyForcibly);
            nginx.destroyForcibly();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void connectsThroughTheProxyWithBasicAuth() throws Exception {
        ClusterState state = scenario.add("Shared proxied", endpoint, PASSWORD, dir.resolve("savepoints"));
        assertThat(state.health()).as(String.valueOf(state.detail())).isEqualTo(ClusterHealth.RUNNING);
        assertThat(state.restUrl()).isEqualTo(proxyUrl);
        assertThat(state.flinkVersion()).isEqualTo("2.3.0");
    }

    @Test
    @Order(2)
    void runsSavepointsStopsRestoresAndCancelsAJobThroughTheProxy() throws Exception {
        long t0 = System.nanoTime();
        scenario.runSavepointStopRestoreCancel(scenario.createJob("orders-proxied"));
        System.out.println("job path through nginx in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        String access = Files.readString(dir.resolve("nginx/access.log"));
        assertThat(access).as("the submission went through the proxy").contains("POST /flink/prod/jobs HTTP/1.1\" 202");
        assertThat(access).doesNotContain(PASSWORD);
    }

    @Test
    @Order(3)
    void aWrongPasswordIsUserOrPasswordRefused() throws Exception {
        var added = scenario.graph.clusters().addRemote("Wrong password", endpoint, "not-the-password",
                dir.resolve("savepoints").toUri().toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ClusterState state = scenario.graph.clusters().state(added.id());
        while (state.health() != ClusterHealth.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = scenario.graph.clusters().state(added.id());
        }
        assertThat(state.health()).isEqualTo(ClusterHealth.FAILED);
        assertThat(state.detail()).startsWith("user or password refused by " + proxyUrl)
                .doesNotContain("not-the-password").doesNotContainIgnoringCase("unreachable");
        // a run on it says so before anything is compiled or uploaded
        var job = scenario.graph.jobs().createSqlJob("on-wrong-password", "/remote", added.id());
        scenario.graph.jobs().saveDraft(job.id(), RemoteSessionScenario.SQL);
        scenario.graph.jobs().publish(job.id(), "first");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scenario.graph.runs().run(job.id(), 1,
                        io.streamdesk.service.RestoreChoice.fresh()))
                .hasMessageContaining("user or password refused by " + proxyUrl);
    }

    @Test
    @Order(4)
    void noCredentialsAreToldAsMissing() {
        RemoteSessionConnection c = (RemoteSessionConnection) new RemoteSessionConnector(Duration.ofMillis(500))
                .connect(RemoteSessionScenario.definition("anon", RemoteEndpoint.of(proxyUrl), dir.resolve("savepoints")),
                        id -> null);
        try {
            c.start();
            ClusterState state = c.awaitRunning(Duration.ofSeconds(10));
            assertThat(state.health()).isEqualTo(ClusterHealth.FAILED);
            assertThat(state.detail()).contains("asks for a user and password");
        } finally {
            c.close();
        }
    }
}
