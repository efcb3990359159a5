package io.streamdesk.store;

import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.service.port.DependencyFileStore;
import io.streamdesk.testing.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Content-addressed dependency files on the real file system: hashing, limits, no staging left, tampering found. */
class DependencyFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsKeptUnderItsHashReadOnlyAndTheSameContentOnce() throws Exception {
        DependencyFiles files = new DependencyFiles(dir.resolve("dependencies"));
        Path jar = TestJars.jar(dir.resolve("in"), "a.jar", "one");
        DependencyFileStore.StoredContent first = files.put(jar, DependencyKind.JAR, 1000, null);
        DependencyFileStore.StoredContent again = files.put(jar, DependencyKind.JAR, 1000, null);

        assertThat(first).isEqualTo(again);
        assertThat(first.sha256()).isEqualTo(DependencyFiles.hash(jar)).hasSize(64);
        assertThat(first.size()).isEqualTo(Files.size(jar));
        Path stored = files.verified(first.sha256(), DependencyKind.JAR);
        assertThat(stored).isEqualTo(dir.resolve("dependencies").resolve(first.sha256().substring(0, 2))
                .resolve(first.sha256() + ".jar"));
        assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(jar));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
                .isEqualTo("r--------");
        assertThat(stagingFiles(files)).isZero();
    }

    @Test
    void aFileOverTheLimitIsNotKeptAndNoStagingFileIsLeft() throws Exception {
        DependencyFiles files = new DependencyFiles(dir.resolve("dependencies"));
        Path big = TestJars.sparse(dir.resolve("in"), "big.jar", 5000);
        assertThatThrownBy(() -> files.put(big, DependencyKind.JAR, 4096, null))
                .isInstanceOf(DependencyFileStore.TooLargeException.class);
        assertThat(stagingFiles(files)).isZero();
        try (Stream<Path> all = Files.walk(files.root())) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aRefusedCheckKeepsNothing() throws Exception {
        DependencyFiles files = new DependencyFiles(dir.resolve("dependencies"));
        Path text = TestJars.text(dir.resolve("in"), "x.jar", "not a jar");
        assertThatThrownBy(() -> files.put(text, DependencyKind.JAR, 4096, staged -> {
            throw new IllegalArgumentException("refused " + Files.readString(staged));
        })).hasMessage("refused not a jar");
        try (Stream<Path> all = Files.walk(files.root())) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aChangedOrMissingFileIsAClearError() throws Exception {
        DependencyFiles files = new DependencyFiles(dir.resolve("dependencies"));
        Path conf = TestJars.text(dir.resolve("in"), "app.conf", "a: 1\n");
        String sha = files.put(conf, DependencyKind.CONFIG_FILE, 4096, null).sha256();
        Path stored = files.verified(sha, DependencyKind.CONFIG_FILE);
        assertThat(new String(files.read(sha, DependencyKind.CONFIG_FILE, 4096))).isEqualTo("a: 1\n");

        stored.toFile().setWritable(true);
        Files.writeString(stored, "a: 2\n"); // same size, other content
        assertThatThrownBy(() -> files.verified(sha, DependencyKind.CONFIG_FILE))
                .isInstanceOf(DependencyFileStore.ContentProblemException.class)
                .hasMessageContaining("changed on disk").hasMessageContaining(sha);
        assertThatThrownBy(() -> files.read(sha, DependencyKind.CONFIG_FILE, 4096))
                .hasMessageContaining("changed on disk");

        Files.delete(stored);
        assertThatThrownBy(() -> files.verified(sha, DependencyKind.CONFIG_FILE))
                .isInstanceOf(DependencyFileStore.ContentProblemException.class).hasMessageContaining("missing");
    }

    private static long stagingFiles(DependencyFiles files) throws Exception {
        Path staging = files.root().resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(staging)) {
            return s.count();
        }
    }
}
