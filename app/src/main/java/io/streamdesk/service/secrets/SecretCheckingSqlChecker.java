package io.streamdesk.service.secrets;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.port.SecretStore;
import io.streamdesk.service.port.SqlChecker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link SqlChecker} that understands {@code ${secret:<id>}} in the script's string literals (S2): each reference is
 * reported at its line and column when malformed or when the secret store has no such secret, and the delegate
 * (Flink's parser) checks the script with a placeholder of the same length in its place, so its positions stay those
 * of the script and a numeric option such as {@code 'rows-per-second' = '${secret:rate}'} still validates. The check
 * never reads a secret's value into the script.
 */
public final class SecretCheckingSqlChecker implements SqlChecker {
    private final SqlChecker delegate;
    private final Supplier<SecretStore> store;

    public SecretCheckingSqlChecker(SqlChecker delegate, SecretStore store) {
        this(delegate, () -> store);
        Objects.requireNonNull(store, "store");
    }

    /** With a store opened only when a script has a reference (the CLI's light check opens nothing else). */
    public SecretCheckingSqlChecker(SqlChecker delegate, Supplier<SecretStore> store) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<SqlProblem> check(String script, io.streamdesk.model.sql.SqlContext context) {
        SqlSecretReferences.Scan scan = SqlSecretReferences.scan(script);
        if (scan.isEmpty()) {
            return delegate.check(script, context);
        }
        List<SqlProblem> problems = new ArrayList<>();
        for (SqlSecretReferences.Malformed m : scan.malformed()) {
            problems.add(new SqlProblem(m.line(), m.column(), "Malformed secret reference: write ${secret:<id>} with an "
                    + "id of letters, digits, '.', '_', '-'."));
        }
        SecretStore secrets = scan.references().isEmpty() ? null : store.get();
        Set<String> known = new HashSet<>();
        Set<String> missing = new HashSet<>();
        Map<String, String> placeholderToReference = new HashMap<>();
        for (SqlSecretReferences.Reference r : scan.references()) {
            if (!known.contains(r.id()) && (missing.contains(r.id()) || secrets.get(r.id()).isEmpty())) {
                missing.add(r.id());
                problems.add(new SqlProblem(r.line(), r.column(), "Unknown secret " + r.id() + ": the secret store "
                        + "has no such secret (deleted, or the data folder was copied without it). Put the value back "
                        + "in quotes and use Store as secret again."));
            } else {
                known.add(r.id());
            }
            // the same placeholder can stand for two references of equal length: then it stays as it is in messages
            placeholderToReference.merge(SqlSecretReferences.placeholder(r.end() - r.start()), r.text(),
                    (a, b) -> a.equals(b) ? a : "");
        }
        for (SqlProblem p : delegate.check(SqlSecretReferences.withPlaceholders(script), context)) {
            problems.add(new SqlProblem(p.line(), p.column(), inTermsOfReferences(p.message(), placeholderToReference)));
        }
        problems.sort(Comparator.comparingInt(SqlProblem::line).thenComparingInt(SqlProblem::column));
        return problems;
    }

    /** Flink quotes option values in its messages: name the reference, not the placeholder the user never wrote. */
    private static String inTermsOfReferences(String message, Map<String, String> placeholderToReference) {
        String out = message;
        // longest first: a shorter placeholder is a suffix of a longer one
        List<String> placeholders = new ArrayList<>(placeholderToReference.keySet());
        placeholders.sort(Comparator.comparingInt(String::length).reversed());
        for (String placeholder : placeholders) {
            String reference = placeholderToReference.get(placeholder);
            if (!reference.isEmpty() && out != null) {
                out = out.replace(placeholder, reference);
            }
        }
        return out;
    }

    @Override
    public void warmUp() {
        delegate.warmUp();
    }
}
