package io.streamdesk.service.checkpoints;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StateFilesTest {
    @TempDir
    Path dir;

    @Test
    void tellsReadableFromMissingFromOtherStorage() {
        assertThat(StateFiles.of(dir.toUri().toString())).isEqualTo(StateFiles.READABLE);
        assertThat(StateFiles.of("file:" + dir)).isEqualTo(StateFiles.READABLE);
        assertThat(StateFiles.of(dir.toString())).isEqualTo(StateFiles.READABLE);
        assertThat(StateFiles.of("file://localhost" + dir)).isEqualTo(StateFiles.READABLE);
        assertThat(StateFiles.of(dir.resolve("gone").toUri().toString())).isEqualTo(StateFiles.MISSING_HERE);
        assertThat(StateFiles.of("s3://bucket/savepoints/sp-1")).isEqualTo(StateFiles.ELSEWHERE);
        assertThat(StateFiles.of("hdfs://namenode:8020/sp")).isEqualTo(StateFiles.ELSEWHERE);
        assertThat(StateFiles.of("file://flink-host-2" + dir)).as("another host's path").isEqualTo(StateFiles.ELSEWHERE);
        assertThat(StateFiles.of(null)).isEqualTo(StateFiles.ELSEWHERE);
    }
}
