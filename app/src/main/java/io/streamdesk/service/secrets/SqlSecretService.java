package io.streamdesk.service.secrets;

import io.streamdesk.model.JobId;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.port.JobGraphCompiler;
import io.streamdesk.service.port.SecretStore;
import io.streamdesk.service.port.SqlChecker;

import java.util.Objects;

/**
 * Secrets in SQL (S2) for the editor and the check: "Store as secret" moves a quoted option value into the secret
 * store and answers the reference that replaces it; the check and the compile read references, never values.
 */
public final class SqlSecretService {
    /** The secret store's own bound (AlarmService uses the same); a password is far shorter. */
    public static final int MAX_VALUE_CHARS = 4096;
    static final int MAX_LABEL_KEY_CHARS = 100;

    private final SecretStore store;

    public SqlSecretService(SecretStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Without a secret store: every reference is unknown to the check, and nothing can be stored. */
    public static SqlSecretService none() {
        return new SqlSecretService(new SecretStore() {
            @Override
            public String put(String label, String value) {
                throw new InputRejectedException("No secret store is configured in this process; the value stays as it is.");
            }

            @Override
            public java.util.Optional<String> get(String id) {
                return java.util.Optional.empty();
            }

            @Override
            public void delete(String id) {
            }
        });
    }

    /**
     * Stores {@code value} (the text between the quotes of option {@code optionKey}, quotes still doubled as written)
     * as a secret of job {@code job}; answers the reference to write between the quotes instead. Blocking: the store
     * writes a file.
     */
    public String storeAsSecret(JobId job, String optionKey, String writtenValue) {
        if (writtenValue == null || writtenValue.isEmpty()) {
            throw new InputRejectedException("Store as secret: the quoted value is empty; type the password first.");
        }
        if (writtenValue.length() > MAX_VALUE_CHARS) {
            throw new InputRejectedException("Store as secret: the value has " + writtenValue.length()
                    + " characters; at most " + MAX_VALUE_CHARS + " can be stored.");
        }
        if (SqlSecretReferences.scan("'" + writtenValue + "'").references().size() > 0) {
            throw new InputRejectedException("Store as secret: the value already is a secret reference.");
        }
        String key = optionKey == null ? "option" : optionKey.strip();
        if (key.length() > MAX_LABEL_KEY_CHARS) {
            key = key.substring(0, MAX_LABEL_KEY_CHARS);
        }
        // the value as Flink reads it: '' inside a literal is one quote
        String id = store.put("sql " + (job == null ? "" : job.value() + " ") + key, writtenValue.replace("''", "'"));
        return SecretRefs.reference(id);
    }

    /** {@code delegate} with references checked against this store and replaced by placeholders for Flink's parser. */
    public SqlChecker checking(SqlChecker delegate) {
        return new SecretCheckingSqlChecker(delegate, store);
    }

    /**
     * {@code delegate} compiling the script with placeholders for its references: the job graph's shape (operators,
     * parallelism, IDs) does not depend on an option's value, and a compile must never see a secret.
     */
    public static JobGraphCompiler withPlaceholders(JobGraphCompiler delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return (script, configuration, context) -> delegate.compile(SqlSecretReferences.withPlaceholders(script),
                configuration, context);
    }
}
