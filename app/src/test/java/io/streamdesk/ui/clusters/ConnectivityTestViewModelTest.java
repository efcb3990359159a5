package io.streamdesk.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectivityTestViewModelTest {
    @Test
    void theTargetIsEmptyOrAHostWithAnOptionalPort() {
        assertThat(ConnectivityTestViewModel.problemWithTarget("")).isNull();
        assertThat(ConnectivityTestViewModel.problemWithTarget("kafka")).isNull();
        assertThat(ConnectivityTestViewModel.problemWithTarget("kafka-0.kafka.svc:9092")).isNull();
        assertThat(ConnectivityTestViewModel.problemWithTarget("10.0.0.7:5432")).isNull();
        assertThat(ConnectivityTestViewModel.problemWithTarget("[::1]:8081")).isNull();
        assertThat(ConnectivityTestViewModel.problemWithTarget("http://kafka:9092")).startsWith("Host: give host or host:port without a scheme");
        assertThat(ConnectivityTestViewModel.problemWithTarget("kafka:99999")).isEqualTo("Port: 99999 is not between 1 and 65535.");
        assertThat(ConnectivityTestViewModel.problemWithTarget("kafka:0")).isEqualTo("Port: 0 is not between 1 and 65535.");
        assertThat(ConnectivityTestViewModel.problemWithTarget("bad host")).startsWith("Host: \u201cbad host\u201d is not a host name");
        assertThat(ConnectivityTestViewModel.problemWithTarget("a".repeat(301))).startsWith("Host: at most 300");
    }
}
