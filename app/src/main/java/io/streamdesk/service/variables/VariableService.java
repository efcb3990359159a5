package io.streamdesk.service.variables;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.sql.VariableSubstitution;
import io.streamdesk.model.variable.FrozenVariable;
import io.streamdesk.model.variable.Variable;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.JobSqlContexts;
import io.streamdesk.service.port.SecretStore;
import io.streamdesk.service.port.VariableStore;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Global variables (M6): the list, add, edit and delete with validation; the values a check or a preview substitutes;
 * and what a published version froze of them (V1: what a version froze is what it runs).
 *
 * <p>A secret variable's value goes to the {@link SecretStore}; the database keeps only the secret's id, the list
 * shows a mask, and substitution puts the reference {@code ${secret:<id>}} into the script, which the run resolves
 * like any secret reference (S2). A new value of a secret variable is a new secret: the old one is deleted only when
 * no version froze it, so a version keeps running with the value it was published with.
 */
public final class VariableService {
    /** {@code secret} is taken: {@code ${secret:<id>}} is the secret reference. */
    static final String RESERVED = "secret";
    public static final int MAX_DESCRIPTION_LENGTH = 1000;
    /** A bound on the list: variables are named settings, not a database. */
    public static final int MAX_VARIABLES = 2000;

    private final VariableStore store;
    private final SecretStore secrets;
    private final Clock clock;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    public VariableService(VariableStore store, SecretStore secrets, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** All variables by name (secret values are never in them). */
    public List<Variable> list() {
        return store.list();
    }

    public Optional<Variable> find(String name) {
        return store.find(name);
    }

    /** Called with a variable's name after it was added, changed or deleted. */
    public void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    /**
     * Adds a variable.
     *
     * @throws InputRejectedException naming the rule a name, value or description breaks, or when the name exists
     */
    public Variable add(String name, String value, boolean secret, String description) {
        String n = validName(name);
        if (store.find(n).isPresent()) {
            throw new InputRejectedException("A variable named '" + n + "' exists; edit it instead.");
        }
        if (store.list().size() >= MAX_VARIABLES) {
            throw new InputRejectedException("There are " + MAX_VARIABLES + " variables already, the most there may be.");
        }
        validValue(value, secret);
        String d = validDescription(description);
        Variable saved = store.save(secret
                ? new Variable(n, null, secrets.put("variable " + n, value), d, clock.instant())
                : new Variable(n, value, null, d, clock.instant()));
        changed(n);
        return saved;
    }

    /**
     * Changes a variable's value, secret flag or description; its name stays. For a secret variable a null or empty
     * {@code value} keeps the secret it has.
     */
    public Variable edit(String name, String value, boolean secret, String description) {
        Variable old = store.find(name).orElseThrow(() -> new InputRejectedException("No variable named '" + name + "'."));
        boolean keepSecret = secret && old.secret() && (value == null || value.isEmpty());
        if (!keepSecret) {
            validValue(value, secret);
        }
        String d = validDescription(description);
        Variable next;
        if (keepSecret) {
            next = new Variable(old.name(), null, old.secretId(), d, clock.instant());
        } else if (secret) {
            next = new Variable(old.name(), null, secrets.put("variable " + old.name(), value), d, clock.instant());
        } else {
            next = new Variable(old.name(), value, null, d, clock.instant());
        }
        Variable saved = store.save(next);
        if (old.secret() && !old.secretId().equals(saved.secretId())) {
            dropSecretUnlessFrozen(old.secretId());
        }
        changed(old.name());
        return saved;
    }

    /** Deletes a variable; versions that froze it keep their value. True when it existed. */
    public boolean delete(String name) {
        Optional<Variable> old = store.find(name);
        if (old.isEmpty()) {
            return false;
        }
        boolean deleted = store.delete(name);
        if (old.get().secret()) {
            dropSecretUnlessFrozen(old.get().secretId());
        }
        changed(name);
        return deleted;
    }

    /** The values a draft is checked and previewed with: plain values, and {@code ${secret:<id>}} for secrets. */
    public Map<String, String> currentValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable v : store.list()) {
            values.put(v.name(), substituted(v.value(), v.secretId()));
        }
        return values;
    }

    /** The values version {@code v} froze at publish, as {@link #currentValues()} gives them. */
    public Map<String, String> frozenValues(JobVersion v) {
        return frozenValues(v.jobId(), v.number());
    }

    /** The values version {@code number} of {@code job} froze at publish, as {@link #currentValues()} gives them. */
    public Map<String, String> frozenValues(JobId job, int number) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FrozenVariable f : store.frozen(job, number)) {
            values.put(f.name(), substituted(f.value(), f.secretId()));
        }
        return values;
    }

    /** The hook of {@link JobSqlContexts}: drafts are checked with the current values, versions run with theirs. */
    public JobSqlContexts.VariableSource source() {
        return new JobSqlContexts.VariableSource() {
            @Override
            public Map<String, String> current() {
                return currentValues();
            }

            @Override
            public Map<String, String> frozen(JobId job, int version) {
                return frozenValues(job, version);
            }
        };
    }

    /** What version {@code v} froze, for the version page. */
    public List<FrozenVariable> frozen(JobVersion v) {
        return store.frozen(v.jobId(), v.number());
    }

    /**
     * Freezes into version {@code v} the current values of the variables its SQL uses (the publish listener). A
     * variable the SQL uses that does not exist is not frozen: the version runs with the default it wrote.
     */
    public void freeze(JobVersion v) {
        freeze(v, List.of());
    }

    /**
     * Freezes the variables {@code v}'s SQL uses and those of {@code catalogDdls} (the metadata catalog's tables as
     * they are at publish, M2: their options may hold variables too), so the version's run needs no current value.
     */
    public void freeze(JobVersion v, Collection<String> catalogDdls) {
        Set<String> used = new LinkedHashSet<>(VariableSubstitution.scan(v.sql()).names());
        for (String ddl : catalogDdls) {
            used.addAll(VariableSubstitution.scan(ddl).names());
        }
        if (used.isEmpty()) {
            return;
        }
        List<FrozenVariable> values = store.list().stream().filter(x -> used.contains(x.name()))
                .map(FrozenVariable::of).toList();
        store.freeze(v.jobId(), v.number(), values);
    }

    /** "Replace variables": the substituted SQL with secrets masked, and the problems, at their lines and columns. */
    public record Preview(String sql, List<SqlProblem> problems, Set<String> used) {
        public Preview {
            problems = List.copyOf(problems);
            used = Set.copyOf(used);
        }
    }

    /** The preview of {@code sql} with the current values (a draft). */
    public Preview preview(String sql) {
        return preview(sql, currentValues());
    }

    /** The preview of version {@code v} with what it froze (what it runs with). */
    public Preview preview(JobVersion v) {
        return preview(v.sql(), frozenValues(v));
    }

    /** The preview of {@code sql} with {@code values} (as {@link #currentValues()} gives them). */
    public static Preview preview(String sql, Map<String, String> values) {
        VariableSubstitution.Result real = VariableSubstitution.apply(sql, values);
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((k, val) -> masked.put(k, VariableSubstitution.isSecretReference(val) ? Variable.MASK : val));
        // the text with masks where a secret goes, the problems as the real values give them
        String text = VariableSubstitution.apply(sql, masked).text();
        return new Preview(text, real.problems(), real.names());
    }

    private static String substituted(String value, String secretId) {
        return secretId != null ? "${secret:" + secretId + "}" : value;
    }

    private void dropSecretUnlessFrozen(String secretId) {
        if (!store.secretFrozen(secretId)) {
            secrets.delete(secretId);
        }
    }

    private void changed(String name) {
        for (Consumer<String> l : changeListeners) {
            l.accept(name);
        }
    }

    /** The name, stripped, or a refusal saying which rule it breaks. */
    public static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InputRejectedException("A variable needs a name.");
        }
        if (n.length() > VariableSubstitution.MAX_NAME_LENGTH) {
            throw new InputRejectedException("Variable names are at most " + VariableSubstitution.MAX_NAME_LENGTH
                    + " characters (this one has " + n.length() + ").");
        }
        if (!VariableSubstitution.NAME.matcher(n).matches()) {
            throw new InputRejectedException("Variable names are letters, digits and '_' as separator, starting with "
                    + "a letter (e.g. kafka_servers); '" + n + "' is not.");
        }
        if (n.equalsIgnoreCase(RESERVED)) {
            throw new InputRejectedException("'" + n + "' is taken: ${secret:<id>} is a secret reference.");
        }
        return n;
    }

    /** Refuses a value that breaks a rule, saying which. */
    public static void validValue(String value, boolean secret) {
        if (value == null || (secret && value.isEmpty())) {
            throw new InputRejectedException(secret ? "A secret variable needs a value." : "A variable needs a value.");
        }
        if (value.length() > VariableSubstitution.MAX_VALUE_LENGTH) {
            throw new InputRejectedException("Values are at most " + VariableSubstitution.MAX_VALUE_LENGTH
                    + " characters (this one has " + value.length() + ").");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new InputRejectedException("A value is one line: it has a line break.");
        }
        if (value.contains(VariableSubstitution.OPEN)) {
            throw new InputRejectedException("A value cannot contain '${': variables are not substituted twice, and "
                    + "a secret is stored by marking the variable secret.");
        }
    }

    private static String validDescription(String description) {
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InputRejectedException("Descriptions are at most " + MAX_DESCRIPTION_LENGTH + " characters (this "
                    + "one has " + d.length() + ").");
        }
        return d;
    }
}
