package io.streamdesk.service.port;

import java.util.Optional;

/**
 * The configuration options the runtime (Flink) defines, and its own reading of their values: a bad value of a
 * known key is caught while the user types instead of when the job runs. Keys it does not know (connector options,
 * plugins) are never refused.
 */
public interface ConfigOptionCatalog {

    /**
     * Why {@code value} cannot be read as the option {@code key}, e.g. "'abc' is not a valid Integer for
     * restart-strategy.fixed-delay.attempts"; empty when it can, or when the key is unknown. Never blocks: while the
     * catalog is still being built (the first second after start) it answers empty. Fast: called as the user types.
     */
    Optional<String> invalidValue(String key, String value);

    /** Starts building the catalog in the background, once; returns at once. */
    default void prepare() {
    }

    /** Runs {@code action} once the catalog is built (at once if it is), on whatever thread finishes it. */
    default void whenReady(Runnable action) {
        action.run();
    }

    /** Waits until the catalog is built (for checks off the UI thread that must not miss a bad value). */
    default void awaitReady() {
    }

    /** Knows no option: every value passes. */
    static ConfigOptionCatalog none() {
        return (key, value) -> Optional.empty();
    }
}
