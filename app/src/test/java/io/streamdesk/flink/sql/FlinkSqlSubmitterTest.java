package io.streamdesk.flink.sql;

import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JobGraphUpload;
import io.streamdesk.service.port.SqlSubmitException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the submitter decides before the upload; uploading itself is covered by LocalClusterIntegrationTest and the
 * remote session cluster tests (real clusters).
 */
class FlinkSqlSubmitterTest {

    private static final String SCRIPT = """
            CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1');
            CREATE TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT id FROM src;
            """;

    private final FlinkSqlSubmitter submitter = new FlinkSqlSubmitter();

    /** A cluster address where nothing listens: counts the calls that would have reached it. */
    private static final class NowhereCluster implements JobGraphUpload {
        final AtomicInteger uploads = new AtomicInteger();
        final String version;

        NowhereCluster(String version) {
            this.version = version;
        }

        @Override
        public String restUrl() {
            return "http://127.0.0.1:1";
        }

        @Override
        public String flinkVersion() {
            if (version == null) {
                throw new ClusterUnreachableException("Flink cluster at http://127.0.0.1:1 refused the connection", null);
            }
            return version;
        }

        @Override
        public String submitJobGraph(byte[] serializedJobGraph, java.util.List<java.nio.file.Path> jars) {
            uploads.incrementAndGet();
            throw new ClusterUnreachableException("not here", null);
        }
    }

    @Test
    void configurationNamesTheJobAndRestoresWhenAsked() {
        Configuration config = FlinkSqlSubmitter.configuration("orders", "file:/sp/savepoint-1");
        assertThat(config.get(PipelineOptions.NAME)).isEqualTo("orders");
        assertThat(config.get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo("file:/sp/savepoint-1");
        assertThat(FlinkSqlSubmitter.configuration("x", null).getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
    }

    @Test
    void jobGraphCarriesNameRestoreSettingsAndJobConfiguration() {
        JobGraph graph = submitter.jobGraph("orders (j1 v2)", SCRIPT, "file:/sp/savepoint-1",
                Map.of("execution.state-recovery.ignore-unclaimed-state", "true", "pipeline.max-parallelism", "64"));
        assertThat(graph.getName()).isEqualTo("orders (j1 v2)");
        assertThat(graph.getSavepointRestoreSettings().getRestorePath()).isEqualTo("file:/sp/savepoint-1");
        assertThat(graph.getSavepointRestoreSettings().allowNonRestoredState()).isTrue();
        assertThat(graph.getNumberOfVertices()).isPositive();
        JobGraph fresh = submitter.jobGraph("fresh", SCRIPT, null, Map.of());
        assertThat(fresh.getSavepointRestoreSettings().restoreSavepoint()).isFalse();
    }

    @Test
    void scriptWithoutInsertIsRefusedBeforeContactingTheCluster() {
        NowhereCluster cluster = new NowhereCluster(null);
        assertThatThrownBy(() -> submitter.submit(cluster, "j",
                "CREATE TABLE s (id BIGINT) WITH ('connector' = 'datagen');", null))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageStartingWith("The script has no INSERT statement");
        assertThat(cluster.uploads).hasValue(0);
    }

    @Test
    void invalidStatementNamesItsLine() {
        assertThatThrownBy(() -> submitter.submit(new NowhereCluster(null), "j", "\n\nSELEC 1;", null))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void anotherFlinkMinorVersionIsRefusedBeforeTheUpload() throws Exception {
        // a REST API on loopback that says it runs Flink 2.2.1, reached through the real client
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger uploads = new AtomicInteger();
        server.createContext("/", exchange -> {
            byte[] body;
            int status = 200;
            if (exchange.getRequestURI().getPath().equals("/config")) {
                body = "{\"flink-version\":\"2.2.1\"}".getBytes();
            } else {
                uploads.incrementAndGet();
                status = 500;
                body = "{\"errors\":[\"should not be here\"]}".getBytes();
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThatThrownBy(() -> submitter.submit(new io.streamdesk.flink.rest.FlinkRestClient(url), "j", SCRIPT, null))
                    .isInstanceOf(SqlSubmitException.class)
                    .hasMessageContaining("The cluster at " + url + " runs Flink 2.2.1")
                    .hasMessageContaining("compiles jobs with Flink 2.3")
                    .hasMessageContaining("same minor version (2.3.x)");
            assertThat(uploads).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableClusterIsToldAsSuch() {
        assertThatThrownBy(() -> submitter.submit(new NowhereCluster(null), "j", SCRIPT, null))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageContaining("Could not read the Flink version of http://127.0.0.1:1")
                .hasMessageContaining("refused the connection");
    }
}
