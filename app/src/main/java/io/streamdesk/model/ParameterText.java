package io.streamdesk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The advanced parameters of a job as flat YAML {@code key: value} lines (P1). A strict, small parser: blank lines and
 * {@code #} comments are skipped; every other line must be {@code key: value} at column 1. Nesting, lists, tabs,
 * duplicate keys and missing values are errors with their line number, never silently dropped.
 */
public final class ParameterText {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*");

    private ParameterText() {
    }

    /** A syntax problem on a 1-based line. */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** Entries in text order, and the problems; the entries hold only the lines without problems. */
    public record Parsed(Map<String, String> entries, Map<String, Integer> lines, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String[] rows = (text == null ? "" : text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < rows.length; i++) {
            int line = i + 1;
            String row = rows[i];
            String stripped = row.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (stripped.equals("---") || stripped.equals("...")) {
                problems.add(new Problem(line, "document markers (---) are not allowed; write only key: value lines"));
                continue;
            }
            if (row.indexOf('\t') >= 0) {
                problems.add(new Problem(line, "tab characters are not allowed in YAML; use spaces"));
                continue;
            }
            if (Character.isWhitespace(row.charAt(0))) {
                problems.add(new Problem(line, "indented (nested) YAML is not supported; write the full key, e.g. a.b.c: value"));
                continue;
            }
            if (stripped.startsWith("- ") || stripped.equals("-")) {
                problems.add(new Problem(line, "lists are not supported; write key: value"));
                continue;
            }
            int colon = keyEnd(row);
            if (colon < 0) {
                problems.add(new Problem(line, "expected key: value (a colon followed by a space)"));
                continue;
            }
            String key = row.substring(0, colon).strip();
            if (!KEY.matcher(key).matches()) {
                problems.add(new Problem(line, "'" + abbreviate(key) + "' is not a valid key (letters, digits, '.', '-', '_')"));
                continue;
            }
            String value;
            try {
                value = value(row.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line, e.getMessage()));
                continue;
            }
            if (value.isEmpty()) {
                problems.add(new Problem(line, "'" + key + "' has no value"));
                continue;
            }
            if (value.startsWith("{") || value.startsWith("[") && !value.endsWith("]")) {
                problems.add(new Problem(line, "flow mappings are not supported; write one key: value per line"));
                continue;
            }
            if (entries.containsKey(key)) {
                problems.add(new Problem(line, "'" + key + "' is already set on line " + lines.get(key)));
                continue;
            }
            entries.put(key, value);
            lines.put(key, line);
        }
        return new Parsed(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(lines), List.copyOf(problems));
    }

    /** Entries of text without problems; lines with problems are left out. */
    public static Map<String, String> entries(String text) {
        return parse(text).entries();
    }

    /** Index of the colon that ends the key: followed by a space or the end of the line; -1 when none. */
    private static int keyEnd(String row) {
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == ':' && (i + 1 == row.length() || row.charAt(i + 1) == ' ')) {
                return i;
            }
            if (c == ' ' || c == '#' || c == '"' || c == '\'') {
                return -1;
            }
        }
        return -1;
    }

    private static String value(String raw) {
        String v = raw.strip();
        if (v.startsWith("\"") || v.startsWith("'")) {
            char quote = v.charAt(0);
            int end = v.indexOf(quote, 1);
            if (end < 0) {
                throw new IllegalArgumentException("the quoted value is not closed with " + quote);
            }
            String rest = v.substring(end + 1).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw new IllegalArgumentException("unexpected text after the quoted value: " + abbreviate(rest));
            }
            return v.substring(1, end);
        }
        int comment = v.indexOf(" #");
        return comment < 0 ? v : v.substring(0, comment).strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
