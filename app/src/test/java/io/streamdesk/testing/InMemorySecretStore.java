package io.streamdesk.testing;

import io.streamdesk.service.port.SecretStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** SecretStore in memory; {@code values} is open for tests. */
public final class InMemorySecretStore implements SecretStore {
    public final Map<String, String> values = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String put(String label, String value) {
        String id = "sec-" + ids.incrementAndGet(); // never reused after a delete, as the file store's random ids
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
