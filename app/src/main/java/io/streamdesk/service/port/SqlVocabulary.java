package io.streamdesk.service.port;

import io.streamdesk.model.sql.completion.BuiltInVocabulary;

/**
 * What the runtime (Flink) knows of SQL by itself: its built-in functions and the options its connector and format
 * factories declare. Read from the runtime, not typed by hand, so completion (E2) proposes exactly what it accepts.
 */
public interface SqlVocabulary {

    /** The vocabulary; the first call may take a moment (classes load), later calls answer from a cache. */
    BuiltInVocabulary read();

    /**
     * The vocabulary with the connectors and formats of a job's own jars (DP4) besides the runtime's: the option keys
     * of a Kafka table once the job references the Kafka connector. Cached per set of jars.
     */
    default BuiltInVocabulary read(java.util.List<java.nio.file.Path> jars) {
        return read();
    }

    /** Knows nothing: completion then offers keywords and the catalog only. */
    static SqlVocabulary none() {
        return () -> BuiltInVocabulary.EMPTY;
    }
}
