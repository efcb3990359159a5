package io.streamdesk.model.lineage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionSpansTest {

    @Test
    void spansOfNeighbouringVersions() {
        assertThat(VersionSpans.describe(List.of(1, 2), List.of(1, 2, 3))).isEqualTo("v1\u2013v2, not v3");
        assertThat(VersionSpans.describe(List.of(1, 2, 3), List.of(3, 1, 2))).isEqualTo("v1\u2013v3");
        assertThat(VersionSpans.describe(List.of(2), List.of(1, 2, 3))).isEqualTo("v2, not v1, v3");
        assertThat(VersionSpans.describe(List.of(), List.of(1))).isEqualTo("not v1");
    }

    @Test
    void aDeletedVersionDoesNotBreakASpan() {
        assertThat(VersionSpans.describe(List.of(2, 4), List.of(1, 2, 4, 5))).isEqualTo("v2\u2013v4, not v1, v5");
    }
}
