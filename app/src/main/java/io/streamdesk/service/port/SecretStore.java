package io.streamdesk.service.port;

import java.util.Optional;

/** Secrets (passwords, webhook keys) kept outside the database (ARCHITECTURE decision 7); referenced by id. */
public interface SecretStore {

    /** Stores a secret; answers its id (e.g. {@code sec-1a2b3c4d}). */
    String put(String label, String value);

    Optional<String> get(String id);

    void delete(String id);
}
