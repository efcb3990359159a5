package io.streamdesk.service.port;

import java.util.Optional;

/** The app's own settings (sampling interval and the like): small key/value pairs, written at once. */
public interface SettingsStore {

    Optional<String> get(String key);

    /** Stores the value durably before returning. */
    void put(String key, String value);
}
