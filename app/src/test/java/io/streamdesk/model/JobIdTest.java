package io.streamdesk.model;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobIdTest {

    @Test
    void generatedIdsHaveTheJ2FormatAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            JobId id = JobId.generate();
            assertThat(id.value()).matches("cql-[a-z0-9]{8}");
            seen.add(id.value());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void seededGenerationIsReproducible() {
        assertThat(JobId.generate(new Random(7))).isEqualTo(JobId.generate(new Random(7)));
    }

    @Test
    void malformedIdsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new JobId("cql-ABCDEFGH")).hasMessageContaining("cql- and 8 lowercase");
        assertThatThrownBy(() -> new JobId("cql-abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobId("job-abcdefgh")).isInstanceOf(IllegalArgumentException.class);
    }
}
