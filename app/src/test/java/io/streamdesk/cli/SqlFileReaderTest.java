package io.streamdesk.cli;

import io.streamdesk.service.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsUtf8() throws IOException {
        Path file = Files.writeString(dir.resolve("a.sql"), "SELECT 'grüße';", StandardCharsets.UTF_8);

        assertThat(SqlFileReader.read(file)).isEqualTo("SELECT 'grüße';");
    }

    @Test
    void exactlyAtTheLimitIsAccepted() throws IOException {
        Path file = Files.write(dir.resolve("a.sql"), "x".repeat(100).getBytes(StandardCharsets.UTF_8));

        assertThat(SqlFileReader.read(file, 100)).hasSize(100);
        assertThatThrownBy(() -> SqlFileReader.read(file, 99))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("is over 99 bytes");
    }

    @Test
    void refusesDirectoriesAndBinaryText() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.sql"), new byte[] {'S', (byte) 0xE9, 'x'});

        assertThatThrownBy(() -> SqlFileReader.read(dir)).hasMessageStartingWith("Not a regular file:");
        assertThatThrownBy(() -> SqlFileReader.read(latin1)).hasMessageStartingWith("Not UTF-8 text:");
    }
}
