package io.streamdesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Connector jars the build copies as files into {@code test-connectors} (pom.xml, maven-dependency-plugin), never on
 * a class path: the tests ship them with jobs as a user's dependency would be.
 */
public final class TestConnectors {

    public static final String KAFKA_JAR = "flink-sql-connector-kafka-5.0.0-2.2.jar";

    private TestConnectors() {
    }

    public static Path dir() {
        String dir = System.getProperty("sd.testConnectors");
        if (dir == null || dir.isBlank() || dir.contains("${")) {
            throw new IllegalStateException("sd.testConnectors is not set: run the tests through Maven");
        }
        return Path.of(dir);
    }

    /** The Flink SQL Kafka connector (5.0.0-2.2, the newest for Flink 2.x that resolves), as a file. */
    public static Path kafka() {
        return existing(dir().resolve(KAFKA_JAR));
    }

    public static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn generate-test-resources copies it");
        }
        return jar;
    }
}
