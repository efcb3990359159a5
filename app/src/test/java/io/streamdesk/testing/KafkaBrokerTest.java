package io.streamdesk.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The test broker itself: a real KRaft node on loopback takes records and gives them back in order. */
class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void producesAndConsumesOnARealBroker() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir)) {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            broker.createTopic("t", 1);
            broker.produce("t", List.of(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("a", "3")));
            List<String> values = broker.consumeUntil("t", v -> v.size() >= 3, Duration.ofSeconds(30));
            assertThat(values).containsExactly("1", "2", "3");
        }
    }
}
