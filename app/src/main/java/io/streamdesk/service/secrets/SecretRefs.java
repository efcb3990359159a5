package io.streamdesk.service.secrets;

import io.streamdesk.model.ParameterText;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.port.SecretStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${secret:<id>}} references in a job's parameters and in its SQL (S2): drafts and published versions hold only
 * the reference; the value is put in just before the script and the configuration are handed to Flink and lives only
 * in what is given to the submitter. A reference to a secret the store does not have refuses the run, naming the
 * parameter and its line, or the script's line and column.
 */
public final class SecretRefs {
    public static final String OPEN = "${secret:";
    static final Pattern REF = Pattern.compile("\\$\\{secret:([A-Za-z0-9_.-]{1,64})}");
    private static final String MASK = "••••••";

    private final SecretStore store;

    public SecretRefs(SecretStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The text that stands for secret {@code id} in a parameter value. */
    public static String reference(String id) {
        if (id == null || !REF.matcher(OPEN + id + "}").matches()) {
            throw new InputRejectedException("Secret ids are letters, digits, '.', '_', '-' (got '" + id + "').");
        }
        return OPEN + id + "}";
    }

    /** The id of a value that is exactly one reference, e.g. the stored password of the PushGateway option. */
    public static Optional<String> idOf(String value) {
        Matcher m = value == null ? null : REF.matcher(value.strip());
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The configuration with every reference resolved, and the values put in (to scrub them from messages). */
    public static final class Resolved {
        private final String sql;
        private final Map<String, String> configuration;
        private final List<String> values;
        private final Map<String, String> variables;

        private Resolved(String sql, Map<String, String> configuration, List<String> values,
                         Map<String, String> variables) {
            this.sql = sql;
            this.configuration = Collections.unmodifiableMap(configuration);
            this.values = withTellingParts(values);
            this.variables = Collections.unmodifiableMap(variables);
        }

        /**
         * The values and the parts of them Flink quotes on their own: a secret URI's authority, user info, host and
         * path ("Found local file path with authority 'host'"). Parts shorter than 4 characters are left (they would
         * mask ordinary words); the longest are replaced first.
         */
        private static List<String> withTellingParts(List<String> values) {
            java.util.Set<String> all = new java.util.LinkedHashSet<>();
            for (String v : values) {
                all.add(v);
                if (v.contains("://")) {
                    try {
                        java.net.URI uri = new java.net.URI(v.strip());
                        for (String part : new String[] {uri.getRawAuthority(), uri.getAuthority(), uri.getUserInfo(),
                                uri.getHost(), uri.getRawPath(), uri.getPath()}) {
                            if (part != null && part.length() >= 4) {
                                all.add(part);
                            }
                        }
                    } catch (java.net.URISyntaxException e) {
                        // not a URI: only the whole value is scrubbed
                    }
                }
            }
            return all.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        }

        /** For the submitter only: the script with its references resolved; null when none was given. */
        public String sql() {
            return sql;
        }

        /** For the submitter only: never store, log or show it. */
        public Map<String, String> configuration() {
            return configuration;
        }

        /**
         * For the submitter only: the variable values with secret variables' references resolved, for the catalog
         * tables' options (M6); empty when no variables were given.
         */
        public Map<String, String> variables() {
            return variables;
        }

        public boolean resolvedAny() {
            return !values.isEmpty();
        }

        /** {@code message} with every resolved value replaced by a mask (Flink may quote configuration in errors). */
        public String scrub(String message) {
            if (message == null) {
                return null;
            }
            String out = message;
            for (String v : values) {
                if (!v.isEmpty()) {
                    out = out.replace(v, MASK);
                }
            }
            return out;
        }

        /** True when {@code t} or one of its causes mentions a resolved value. */
        public boolean leaks(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                String m = String.valueOf(c.getMessage());
                if (!scrub(m).equals(m)) {
                    return true;
                }
                if (c.getCause() == c) {
                    break;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "Resolved[" + configuration.size() + " keys, " + values.size() + " secret value(s)]"; // never the values
        }
    }

    /**
     * Resolves the references in {@code configuration} (built from {@code parametersText}, which gives the lines for
     * messages).
     *
     * @throws InputRejectedException naming the key and line of a malformed reference or of a missing secret
     */
    public Resolved resolve(String parametersText, Map<String, String> configuration) {
        return resolve(null, parametersText, configuration);
    }

    /**
     * Resolves the references in the string literals of {@code sql} (see {@link SqlSecretReferences}) and in
     * {@code configuration}.
     *
     * @throws InputRejectedException naming the line and column of a malformed reference or of a missing secret in the
     *                                script, or the key and line of one in the parameters
     */
    public Resolved resolve(String sql, String parametersText, Map<String, String> configuration) {
        return resolve(sql, parametersText, configuration, Map.of());
    }

    /**
     * As {@link #resolve(String, String, Map)}, and also the values of secret variables ({@code variables}: name to
     * value, a secret variable's value being its {@code ${secret:id}} reference) for the metadata catalog's table
     * options, which the script does not contain (M6, S2); their secrets are scrubbed from messages like the others.
     *
     * @throws InputRejectedException naming the variable whose secret is missing
     */
    public Resolved resolve(String sql, String parametersText, Map<String, String> configuration,
                            Map<String, String> variables) {
        Map<String, String> resolvedVariables = new LinkedHashMap<>();
        List<String> variableSecrets = new ArrayList<>();
        for (Map.Entry<String, String> v : variables.entrySet()) {
            Optional<String> id = idOf(v.getValue());
            if (id.isEmpty()) {
                resolvedVariables.put(v.getKey(), v.getValue());
                continue;
            }
            Optional<String> secret = store.get(id.get());
            if (secret.isEmpty()) {
                throw new InputRejectedException("Variable '" + v.getKey() + "': " + missing(id.get(),
                        "Set the variable's secret value again in the Variables pane and publish a new version."));
            }
            resolvedVariables.put(v.getKey(), secret.get());
            variableSecrets.add(secret.get());
        }
        Resolved resolved = resolveWithoutVariables(sql, parametersText, configuration);
        if (variableSecrets.isEmpty()) {
            return new Resolved(resolved.sql, resolved.configuration, resolved.values, resolvedVariables);
        }
        List<String> values = new ArrayList<>(resolved.values);
        values.addAll(variableSecrets);
        values.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Resolved(resolved.sql, resolved.configuration, values, resolvedVariables);
    }

    private Resolved resolveWithoutVariables(String sql, String parametersText, Map<String, String> configuration) {
        List<String> values = new ArrayList<>();
        String resolvedSql = sql == null ? null : resolveSql(sql, values);
        Map<String, Integer> lines = null;
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : configuration.entrySet()) {
            String value = e.getValue();
            if (value == null || !value.contains(OPEN)) {
                out.put(e.getKey(), value);
                continue;
            }
            if (lines == null) {
                lines = ParameterText.parse(parametersText).lines();
            }
            StringBuilder b = new StringBuilder();
            Matcher m = REF.matcher(value);
            int last = 0;
            while (m.find()) {
                String id = m.group(1);
                Optional<String> secret = store.get(id);
                if (secret.isEmpty()) {
                    throw new InputRejectedException(where(e.getKey(), lines) + missing(id,
                            "Enter the password again where it was set (e.g. the job's Prometheus tab) and publish a new version."));
                }
                b.append(value, last, m.start()).append(secret.get());
                values.add(secret.get());
                last = m.end();
            }
            String rest = value.substring(last);
            if (rest.contains(OPEN)) {
                throw new InputRejectedException(where(e.getKey(), lines) + MALFORMED);
            }
            b.append(rest);
            out.put(e.getKey(), b.toString());
        }
        // longest first, so a value that contains another is masked whole
        values.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Resolved(resolvedSql, out, values, Map.of());
    }

    private String resolveSql(String sql, List<String> values) {
        SqlSecretReferences.Scan scan = SqlSecretReferences.scan(sql);
        if (!scan.malformed().isEmpty()) {
            SqlSecretReferences.Malformed m = scan.malformed().get(0);
            throw new InputRejectedException("SQL line " + m.line() + ", column " + m.column() + MALFORMED);
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (SqlSecretReferences.Reference r : scan.references()) {
            if (found.containsKey(r.id())) {
                continue;
            }
            String value = store.get(r.id()).orElseThrow(() -> new InputRejectedException("SQL line " + r.line()
                    + ", column " + r.column() + missing(r.id(), "Store the value as a secret again in the SQL editor "
                    + "(select the quoted value, then Store as secret) and publish a new version.")));
            found.put(r.id(), value);
            values.add(value);
            String quoted = SqlSecretReferences.asLiteralText(value);
            if (!quoted.equals(value)) {
                values.add(quoted); // a message may quote the script, where quotes are doubled
            }
        }
        return SqlSecretReferences.resolve(sql, found::get);
    }

    /** " refers to secret X, which is not in the secret store (...). " + fix */
    static String missing(String id, String fix) {
        return " refers to secret " + id + ", which is not in the secret store (deleted, or the data folder was "
                + "copied without it). " + fix;
    }

    static final String MALFORMED = " has a malformed secret reference: write ${secret:<id>} with an id of letters, "
            + "digits, '.', '_', '-'.";

    private static String where(String key, Map<String, Integer> lines) {
        Integer line = lines.get(key);
        return "Parameter '" + key + "'" + (line == null ? "" : " (parameters line " + line + ")");
    }
}
