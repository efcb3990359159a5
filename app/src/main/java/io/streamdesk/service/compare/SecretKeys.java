package io.streamdesk.service.compare;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which configuration keys hold secrets (V3): their values are never shown, only whether they changed. */
public final class SecretKeys {
    public static final String MASK = "••••••";
    private static final Pattern SEGMENTS = Pattern.compile("[.\\-_\\s:/]+");
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token",
            "credential", "credentials", "jaas", "apikey", "passphrase");
    /** "key" alone is too common ("key.fields", "primary key"); these combinations are credentials. */
    private static final Set<String> KEY_QUALIFIERS = Set.of("access", "secret", "private", "api", "account", "signing",
            "encryption", "master");

    private SecretKeys() {
    }

    public static boolean isSecret(String key) {
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
        return isSecret(key) ? MASK : value;
    }
}
