package io.streamdesk.testing;

import io.streamdesk.service.port.SecretStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** SecretStore in memory; {@code values} is open for tests. */
public final class InMemorySecretStore implements SecretStore {
    public final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public String put(String label, String value) {
        String id = "sec-" + (values.size() + 1);
        values.put(id, value);
        return id;
    }

    @Override
    public Optional<String> get(String id) {
        return Optional.ofNullable(values.get(id));
    }

    @Override
    public void delete(String id) {
        values.remove(id);
    }
}
