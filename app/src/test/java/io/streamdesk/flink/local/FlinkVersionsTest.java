package io.streamdesk.flink.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlinkVersionsTest {

    @Test
    void bundledVersionIsTheOneInThePom() {
        assertThat(FlinkVersions.bundled()).isEqualTo("2.3.0");
    }

    @Test
    void compatibleMeansSameMajorAndMinor() {
        assertThat(FlinkVersions.sameMinor("2.3.0", "2.3.1")).isTrue();
        assertThat(FlinkVersions.sameMinor("2.3-SNAPSHOT", "2.3.0")).isTrue();
        assertThat(FlinkVersions.sameMinor("2.2.0", "2.3.0")).isFalse();
        assertThat(FlinkVersions.sameMinor("1.20.1", "2.3.0")).isFalse();
        assertThat(FlinkVersions.sameMinor(null, "2.3.0")).isFalse();
        assertThat(FlinkVersions.sameMinor("<unknown>", "2.3.0")).isFalse();
    }
}
