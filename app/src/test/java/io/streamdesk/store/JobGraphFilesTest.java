package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.service.port.JobGraphStore;
import io.streamdesk.service.port.JobGraphStore.StoredJobGraph;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kept job graphs on a real file system: content-addressed, whole or not at all, bounded. */
class JobGraphFilesTest {
    static final JobId JOB = new JobId("cql-abcd1234");

    @TempDir
    Path dir;

    static StoredJobGraph graph(byte[] bytes) {
        return new StoredJobGraph("2.3.0", "f".repeat(64), "orders (cql-abcd1234 v1)", bytes,
                List.of("/data/deps/kafka.jar"), Instant.parse("2026-12-04T01:00:00Z"));
    }

    @Test
    void aKeptGraphIsReadBackWithItsFlinkVersionJarsAndFingerprint() {
        JobGraphFiles files = new JobGraphFiles(dir);
        files.save(JOB, 1, graph(new byte[] {1, 2, 3}));

        StoredJobGraph read = files.find(JOB, 1).orElseThrow();

        assertThat(read.graph()).containsExactly(1, 2, 3);
        assertThat(read.flinkVersion()).isEqualTo("2.3.0");
        assertThat(read.fingerprint()).isEqualTo("f".repeat(64));
        assertThat(read.jobName()).isEqualTo("orders (cql-abcd1234 v1)");
        assertThat(read.jars()).containsExactly("/data/deps/kafka.jar");
        assertThat(read.compiledAt()).isEqualTo(Instant.parse("2026-12-04T01:00:00Z"));
        assertThat(files.find(JOB, 2)).isEmpty();
    }

    @Test
    void twoVersionsWithTheSameGraphShareOneFileAndNoTemporaryFileIsLeft() throws Exception {
        JobGraphFiles files = new JobGraphFiles(dir);
        files.save(JOB, 1, graph(new byte[] {7, 7}));
        files.save(JOB, 2, graph(new byte[] {7, 7}));

        try (Stream<Path> blobs = Files.list(dir.resolve("blobs"))) {
            assertThat(blobs.toList()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                    .endsWith(".graph").hasSize(64 + ".graph".length()));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
        assertThat(files.find(JOB, 2)).isPresent();
    }

    @Test
    void aDamagedGraphIsNotUsed() throws Exception {
        JobGraphFiles files = new JobGraphFiles(dir);
        files.save(JOB, 1, graph(new byte[] {1, 2, 3}));
        Path blob;
        try (Stream<Path> blobs = Files.list(dir.resolve("blobs"))) {
            blob = blobs.findFirst().orElseThrow();
        }
        Files.write(blob, new byte[] {1, 2, 4}); // same size, other bytes
        assertThat(files.find(JOB, 1)).isEmpty();

        Files.write(blob, new byte[] {1, 2});
        assertThat(files.find(JOB, 1)).isEmpty();

        Files.writeString(dir.resolve(JOB.value()).resolve("v1.properties"), "graph=../../etc/passwd\n");
        assertThat(files.find(JOB, 1)).isEmpty();
    }

    @Test
    void aGraphBeyondTheBoundIsRefused() {
        JobGraphFiles files = new JobGraphFiles(dir);
        assertThatThrownBy(() -> files.save(JOB, 1, graph(new byte[JobGraphStore.MAX_GRAPH_BYTES + 1])))
                .isInstanceOf(StoreException.class).hasMessageContaining("more than the 64 MB kept");
        assertThat(files.find(JOB, 1)).isEmpty();
    }
}
