package io.streamdesk.flink.sql;

import io.streamdesk.service.port.SqlSubmitException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the submitter can decide without a cluster; submitting itself is covered by LocalClusterIntegrationTest. */
class FlinkSqlSubmitterTest {

    private final FlinkSqlSubmitter submitter = new FlinkSqlSubmitter();

    @Test
    void configurationTargetsTheRestAddressAndRestoresWhenAsked() {
        Configuration config = FlinkSqlSubmitter.configuration("http://10.0.0.5:8082", "orders", "file:/sp/savepoint-1");
        assertThat(config.get(DeploymentOptions.TARGET)).isEqualTo("remote");
        assertThat(config.get(RestOptions.ADDRESS)).isEqualTo("10.0.0.5");
        assertThat(config.get(RestOptions.PORT)).isEqualTo(8082);
        assertThat(config.get(PipelineOptions.NAME)).isEqualTo("orders");
        assertThat(config.get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo("file:/sp/savepoint-1");
        assertThat(FlinkSqlSubmitter.configuration("http://h:1", "x", null).getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
    }

    @Test
    void scriptWithoutInsertIsRefusedBeforeContactingTheCluster() {
        // Port 1 on loopback: nothing listens, so reaching the cluster would fail differently.
        assertThatThrownBy(() -> submitter.submit("http://127.0.0.1:1", "j",
                "CREATE TABLE s (id BIGINT) WITH ('connector' = 'datagen');", null))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageStartingWith("The script has no INSERT statement");
    }

    @Test
    void invalidStatementNamesItsLine() {
        assertThatThrownBy(() -> submitter.submit("http://127.0.0.1:1", "j", "\n\nSELEC 1;", null))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void addressWithoutPortIsRefused() {
        assertThatThrownBy(() -> submitter.submit("http://somewhere", "j", "SELECT 1;", null))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageContaining("http://somewhere");
    }
}
