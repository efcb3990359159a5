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
 * A real standalone Flink 2.3.0 session cluster whose REST API speaks TLS and asks for a client certificate (mutual
 * TLS): keystores made with keytool here, the CA and client certificate exported as PEM, the client key as PKCS#8
 * PEM with openssl. The whole job path with the right files; an untrusted CA and a missing client certificate each
 * get their own TLS message naming what is wrong, never "unreachable".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteSessionTlsIntegrationTest {

    static final String PASSWORD = TestCertificates.PASSWORD;
    static final String SERVER_DN = TestCertificates.SERVER_DN;

    @TempDir
    static Path dir;
    static Path tls;
    static StandaloneFlinkCluster cluster;
    static RemoteSessionScenario scenario;
    static RemoteEndpoint endpoint;

    @BeforeAll
    static void startCluster() throws Exception {
        tls = TestCertificates.make(dir.resolve("tls")).dir;
        long t0 = System.nanoTime();
        cluster = StandaloneFlinkCluster.start(dir.resolve("flink"), new StandaloneFlinkCluster.RestTlsFiles(
                tls.resolve("server.p12"), tls.resolve("truststore.p12"), PASSWORD, true));
        System.out.println("TLS standalone cluster ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        endpoint = new RemoteEndpoint(cluster.restUrl(), null, null, tls.resolve("server.pem"),
                tls.resolve("client.pem"), tls.resolve("client.key"));
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
    void connectsWithTheCaFileAndTheClientCertificate() throws Exception {
        assertThat(cluster.restUrl()).startsWith("https://");
        ClusterState state = scenario.add("Shared mTLS", endpoint, null, dir.resolve("savepoints"));
        assertThat(state.health()).as(String.valueOf(state.detail())).isEqualTo(ClusterHealth.RUNNING);
        assertThat(state.flinkVersion()).isEqualTo("2.3.0");
    }

    @Test
    @Order(2)
    void runsSavepointsStopsRestoresAndCancelsAJobOverMutualTls() {
        long t0 = System.nanoTime();
        scenario.runSavepointStopRestoreCancel(scenario.createJob("orders-mtls"));
        System.out.println("job path over mutual TLS in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    @Order(3)
    void anUntrustedCaIsATlsErrorNamingTheCertificate() throws Exception {
        RemoteSessionConnection c = connect(new RemoteEndpoint(cluster.restUrl(), null, null, tls.resolve("other.pem"),
                tls.resolve("client.pem"), tls.resolve("client.key")));
        try {
            ClusterState state = c.state();
            assertThat(state.health()).isEqualTo(ClusterHealth.FAILED);
            assertThat(state.detail()).startsWith("TLS error with " + cluster.restUrl())
                    .contains("'" + SERVER_DN + "'").contains("not trusted by the CA file " + tls.resolve("other.pem"))
                    .doesNotContainIgnoringCase("unreachable");
        } finally {
            c.close();
        }
    }

    @Test
    @Order(4)
    void theSystemTrustStoreDoesNotTrustASelfSignedCertificate() throws Exception {
        RemoteSessionConnection c = connect(RemoteEndpoint.of(cluster.restUrl()));
        try {
            assertThat(c.state().health()).isEqualTo(ClusterHealth.FAILED);
            assertThat(c.state().detail()).contains("'" + SERVER_DN + "'").contains("not trusted by the system trust store");
        } finally {
            c.close();
        }
    }

    @Test
    @Order(5)
    void aMissingClientCertificateIsToldAsSuch() throws Exception {
        RemoteSessionConnection c = connect(new RemoteEndpoint(cluster.restUrl(), null, null, tls.resolve("server.pem"),
                null, null));
        try {
            assertThat(c.state().health()).as(c.state().detail()).isEqualTo(ClusterHealth.FAILED);
            assertThat(c.state().detail()).startsWith("TLS error with " + cluster.restUrl())
                    .contains("client certificate").doesNotContainIgnoringCase("unreachable");
        } finally {
            c.close();
        }
    }

    @Test
    @Order(6)
    void aKeyThatIsNotPkcs8IsRefusedWhenConnecting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connect(new RemoteEndpoint(cluster.restUrl(), null,
                        null, tls.resolve("server.pem"), tls.resolve("client.pem"), tls.resolve("client.pem"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no PKCS#8 PEM key");
    }

    private static RemoteSessionConnection connect(RemoteEndpoint endpoint) throws InterruptedException {
        RemoteSessionConnection c = (RemoteSessionConnection) new RemoteSessionConnector(Duration.ofMillis(500))
                .connect(RemoteSessionScenario.definition("probe", endpoint, dir.resolve("savepoints")), id -> null);
        c.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (c.state().health() == ClusterHealth.STARTING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return c;
    }
}
