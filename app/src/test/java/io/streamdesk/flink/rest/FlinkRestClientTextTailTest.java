package io.streamdesk.flink.rest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A log read through the REST API keeps at most its last bytes, from the first whole line on. */
class FlinkRestClientTextTailTest {

    private static String tail(String text, int max) throws Exception {
        return FlinkRestClient.tail(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void aShortAnswerComesAsItIs() throws Exception {
        assertThat(tail("", 100)).isEmpty();
        assertThat(tail("line 1\nline 2\n", 100)).isEqualTo("line 1\nline 2\n");
        assertThat(tail("x".repeat(100), 100)).hasSize(100);
    }

    @Test
    void aLongOneKeepsItsLastBytesFromALineStart() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            log.append("line ").append(i).append('\n');
        }
        String kept = tail(log.toString(), 100_000);

        assertThat(kept.length()).isLessThanOrEqualTo(100_000).isGreaterThan(99_000);
        assertThat(kept).startsWith("line ").endsWith("line 199999\n");
        assertThat(log.toString()).endsWith(kept);
    }

    @Test
    void theLimitIsTwentyMebibytes() {
        assertThat(FlinkRestClient.MAX_TEXT_BYTES).isEqualTo(io.streamdesk.service.logs.LogService.MAX_BYTES);
    }
}
