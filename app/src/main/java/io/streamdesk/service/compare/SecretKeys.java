package io.streamdesk.service.compare;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which configuration keys hold secrets (V3): their values are never shown, only whether they changed. A value that is
 * exactly one {@code ${secret:<id>}} reference is shown: it names the stored secret, not its value (S2), and a
 * comparison then tells which secret a version uses.
 */
public final class SecretKeys {
    public static final String MASK = "••••••";
    private static final Pattern SEGMENTS = Pattern.compile("[.\\-_\\s:/]+");
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token",
            "credential", "credentials", "jaas", "apikey", "passphrase");
    /** "key" alone is too common ("key.fields", "primary key"); these combinations are credentials. */
    private static final Set<String> KEY_QUALIFIERS = Set.of("access", "secret", "private", "api", "account", "signing",
            "encryption", "master");

    /** A quoted option in SQL: 'key' = 'value' (SET statements and WITH clauses). */
    private static final Pattern SQL_OPTION = Pattern.compile("'((?:[^']|'')+)'(\\s*=\\s*)'((?:[^']|'')*)'");

    private static final String DEPENDENCY_KEY = VersionConfiguration.entry(VersionConfiguration.CONFIGURATION,
            io.streamdesk.model.JobConfig.DEPENDENCY_PREFIX);

    private SecretKeys() {
    }

    /** The line with the value of every secret {@code 'key' = 'value'} option replaced by the mask. */
    public static String maskSqlLine(String line) {
        if (line.indexOf('=') < 0 || line.indexOf('\'') < 0 || !mayNameSecret(line)) {
            return line;
        }
        java.util.regex.Matcher m = SQL_OPTION.matcher(line);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            if (isSecret(m.group(1)) && !m.group(3).isEmpty() && !isReference(m.group(3))) {
                if (out == null) {
                    out = new StringBuilder(line.length());
                }
                out.append(line, last, m.start(3)).append(MASK);
                last = m.end(3);
            }
        }
        if (out == null) {
            return line;
        }
        return out.append(line, last, line.length()).toString();
    }

    /**
     * False when no part of {@code text} can be a secret key for {@link #isSecret}: every secret word contains one of
     * these fragments. A cheap test that spares the regex on almost every line of a comparison (V5). Text with any
     * non-ASCII character is left to the full test (a Kelvin sign lower-cases to 'k').
     */
    static boolean mayNameSecret(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return true;
            }
            boolean hit = switch (c | 0x20) {
                case 'k' -> at(text, i, "key");
                case 'p' -> at(text, i, "pass") || at(text, i, "pwd");
                case 's' -> at(text, i, "secret");
                case 't' -> at(text, i, "token");
                case 'c' -> at(text, i, "credential");
                case 'j' -> at(text, i, "jaas");
                default -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** {@code word} (lower-case ASCII letters) at {@code i}, ignoring ASCII case: exact, as c | 0x20 only folds A-Z. */
    private static boolean at(String text, int i, String word) {
        if (i + word.length() > text.length()) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            if ((text.charAt(i + k) | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isSecret(String key) {
        if (key.startsWith(DEPENDENCY_KEY) || key.startsWith(io.streamdesk.model.JobConfig.DEPENDENCY_PREFIX)) {
            return false; // a dependency's entry is its version and hash; its name ("secret-udf.jar") is no secret
        }
        String[] parts = SEGMENTS.split(key.toLowerCase(Locale.ROOT));
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (SECRET_WORDS.contains(p) || p.endsWith("password") || p.endsWith("secret") || p.endsWith("token")
                    || p.endsWith("accesskey") || p.endsWith("secretkey") || p.endsWith("privatekey")) {
                return true;
            }
            if (p.equals("key") && i > 0 && KEY_QUALIFIERS.contains(parts[i - 1])) {
                return true;
            }
        }
        return false;
    }

    /** The value to show for {@code key}: the mask for a secret, else the value itself. */
    public static String shown(String key, String value) {
        if (value == null) {
            return "";
        }
        return isSecret(key) && !isReference(value) ? MASK : value;
    }

    /** True for a value that is one secret reference and nothing else. */
    static boolean isReference(String value) {
        return io.streamdesk.service.secrets.SecretRefs.idOf(value).isPresent();
    }
}
