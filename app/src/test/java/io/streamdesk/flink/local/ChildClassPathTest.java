package io.streamdesk.flink.local;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local cluster child gets the app's runtime class path, not the test JVM's: no test classes, no test-scoped
 * jars (the Kafka broker and client the tests use), so a job's user code comes only from the jars shipped with it.
 */
class ChildClassPathTest {

    @Test
    void theChildGetsTheRuntimeClassPathWithoutTestClassesOrTestJars() {
        assertThat(System.getProperty(LocalClusterProcess.CHILD_CLASS_PATH_PROPERTY))
                .as("the build sets the runtime class path for the tests").isNotBlank().doesNotContain("${");
        List<String> entries = Arrays.asList(LocalClusterProcess.childClassPath().split(File.pathSeparator));
        assertThat(System.getProperty("java.class.path")).contains("test-classes").contains("kafka-clients");
        assertThat(entries).noneMatch(e -> e.contains("test-classes"))
                .noneMatch(e -> e.contains("kafka"))
                .noneMatch(e -> e.contains("junit"))
                .noneMatch(e -> e.contains("assertj"));
        assertThat(entries).anyMatch(e -> e.endsWith("classes"))
                .anyMatch(e -> e.contains("flink-runtime-2."))
                // Flink's filesystem connector and formats come with the app as with Flink's distribution
                .anyMatch(e -> e.contains("flink-connector-files-"))
                .anyMatch(e -> e.contains("flink-csv-"))
                .anyMatch(e -> e.contains("flink-json-"));
    }
}
