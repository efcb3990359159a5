package io.streamdesk.service.port;

import java.nio.file.Path;
import java.util.Optional;

/** Reads a jar's entries: whether a JAR job's entry class is there before it is published (J1). */
public interface JarInspector {

    /**
     * Why {@code className} cannot be the entry class of {@code jar} (not in the jar, not a class name, the jar is
     * unreadable), naming the class and the jar; empty when the jar has that class.
     */
    Optional<String> entryClassProblem(Path jar, String jarName, String className);
}
