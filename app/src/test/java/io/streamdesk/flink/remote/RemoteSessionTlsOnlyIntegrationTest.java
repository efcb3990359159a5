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

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real standalone Flink 2.3.0 session cluster with REST over TLS and no client certificate asked (server TLS only):
 * the job path with only the CA file, and plain http to the TLS port (Flink redirects it) told to use https.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteSessionTlsOnlyIntegrationTest {

    @TempDir
    static Path dir;
    static TestCertificates certs;
    static StandaloneFlinkCluster cluster;
    static RemoteSessionScenario scenario;
    static RemoteEndpoint endpoint;

    @BeforeAll
    static void startCluster() throws Exception {
        certs = TestCertificates.make(dir.resolve("tls"));
        cluster = StandaloneFlinkCluster.start(dir.resolve("flink"), new StandaloneFlinkCluster.RestTlsFiles(
                certs.file("server.p12"), certs.file("truststore.p12"), TestCertificates.PASSWORD, false));
        endpoint = new RemoteEndpoint(cluster.restUrl(), null, null, certs.file("server.pem"), null, null);
        scenario = new RemoteSessionScenario(dir);
    }

    @AfterAll
    static void stopCluster() {
        if (scenario != null) {
            scenario.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void runsTheJobPathWithTheCaFileOnly() throws Exception {
        ClusterState state = scenario.add("Shared TLS", endpoint, null, dir.resolve("savepoints"));
        assertThat(state.health()).as(String.valueOf(state.detail())).isEqualTo(ClusterHealth.RUNNING);
        scenario.runSavepointStopRestoreCancel(scenario.createJob("orders-tls"));
    }

    @Test
    @Order(2)
    void plainHttpToTheTlsPortSaysToUseHttps() throws Exception {
        RemoteSessionConnection c = (RemoteSessionConnection) new RemoteSessionConnector(Duration.ofMillis(500))
                .connect(RemoteSessionScenario.definition("http-to-tls",
                        RemoteEndpoint.of("http://127.0.0.1:" + cluster.restPort()), dir.resolve("savepoints")), id -> null);
        try {
            c.start();
            ClusterState state = c.awaitRunning(Duration.ofSeconds(10));
            assertThat(state.health()).isEqualTo(ClusterHealth.FAILED);
            assertThat(state.detail()).startsWith("The REST API at http://127.0.0.1:" + cluster.restPort() + " redirects")
                    .contains("use an https:// URL");
        } finally {
            c.close();
        }
    }
}
