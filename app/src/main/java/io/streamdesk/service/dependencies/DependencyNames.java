package io.streamdesk.service.dependencies;

import io.streamdesk.service.InputRejectedException;

import java.util.regex.Pattern;

/**
 * The rules of a dependency's name (DP1, S3): it is the uploaded file's name, so it is bounded and safe as a file name
 * and as a reference ({@code name@3}): letters, digits and {@code . _ + -}, starting with a letter or digit; no path
 * separators, spaces or {@code @}.
 */
public final class DependencyNames {
    public static final int MAX_LENGTH = 200;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    private DependencyNames() {
    }

    /** {@code name} when it follows the rules, else a refusal that names the rule broken. */
    public static String require(String name) {
        String n = name == null ? "" : name;
        if (n.isBlank()) {
            throw new InputRejectedException("Name: a dependency needs a file name.");
        }
        if (n.length() > MAX_LENGTH) {
            throw new InputRejectedException("Name: a dependency's name (its file name) has at most " + MAX_LENGTH
                    + " characters; " + shown(n) + " has " + n.length() + ".");
        }
        if (n.contains("/") || n.contains("\\")) {
            throw new InputRejectedException("Name: " + shown(n) + " contains a path separator; a dependency's name is "
                    + "a plain file name.");
        }
        if (n.equals(".") || n.equals("..") || !SAFE.matcher(n).matches()) {
            throw new InputRejectedException("Name: " + shown(n) + " is not a safe file name: use letters, digits and "
                    + ". _ + - only (no spaces or @), starting with a letter or digit. Rename the file and upload it again.");
        }
        return n;
    }

    private static String shown(String n) {
        String cut = n.length() > 60 ? n.substring(0, 59) + "\u2026" : n;
        return "\u201c" + cut.replaceAll("\\p{Cntrl}", "?") + "\u201d";
    }
}
