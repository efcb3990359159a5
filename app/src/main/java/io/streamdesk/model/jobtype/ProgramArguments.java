package io.streamdesk.model.jobtype;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of a JAR job's main method, written as one shell-like line (J1): blanks (spaces, tabs, line breaks)
 * separate arguments; {@code 'single quotes'} keep everything literally; {@code "double quotes"} keep blanks and
 * understand {@code \"} and {@code \\}; a backslash outside quotes keeps the next character. No variables, globs or
 * command substitution: the text is never given to a shell. Bounded: at most {@link #MAX_CHARS} characters and
 * {@link #MAX_ARGUMENTS} arguments.
 */
public final class ProgramArguments {
    public static final int MAX_CHARS = 10_000;
    public static final int MAX_ARGUMENTS = 500;

    private ProgramArguments() {
    }

    /** The parsed arguments, or the problem with its column (1-based, counted over the whole text). */
    public record Parsed(List<String> arguments, Problem problem) {
        public Parsed {
            arguments = List.copyOf(arguments);
        }

        public boolean ok() {
            return problem == null;
        }

        /** The arguments; throws {@link IllegalArgumentException} with the problem's text when the line is bad. */
        public List<String> orThrow() {
            if (problem != null) {
                throw new IllegalArgumentException(problem.describe());
            }
            return arguments;
        }
    }

    /** What is wrong with the line and where (1-based column of the whole text, line counted too). */
    public record Problem(int line, int column, String message) {
        public String describe() {
            return "Arguments: " + message + " (line " + line + ", column " + column + ")";
        }
    }

    public static Parsed parse(String text) {
        String s = text == null ? "" : text;
        if (s.length() > MAX_CHARS) {
            return new Parsed(List.of(), new Problem(1, 1, "at most " + MAX_CHARS + " characters (got "
                    + s.length() + ")"));
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        int quoteAt = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
                continue;
            }
            if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                    current.append(s.charAt(++i));
                } else {
                    current.append(c);
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inArgument) {
                    out.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                    if (out.size() > MAX_ARGUMENTS) {
                        return tooMany(s, i);
                    }
                }
                continue;
            }
            if (Character.isISOControl(c)) {
                return new Parsed(List.of(), problemAt(s, i, "a control character (U+"
                        + String.format("%04X", (int) c) + ") is not allowed"));
            }
            inArgument = true;
            if (c == '\'' || c == '"') {
                quote = c;
                quoteAt = i;
            } else if (c == '\\') {
                if (i + 1 >= s.length()) {
                    return new Parsed(List.of(), problemAt(s, i, "a backslash at the end escapes nothing"));
                }
                current.append(s.charAt(++i));
            } else {
                current.append(c);
            }
        }
        if (quote != 0) {
            return new Parsed(List.of(), problemAt(s, quoteAt, "the " + (quote == '"' ? "double" : "single")
                    + " quote opened here is not closed"));
        }
        if (inArgument) {
            out.add(current.toString());
        }
        if (out.size() > MAX_ARGUMENTS) {
            return tooMany(s, s.length() - 1);
        }
        return new Parsed(out, null);
    }

    /**
     * One line that {@link #parse} reads back as exactly {@code arguments}: plain words as they are, anything else in
     * single quotes (a single quote itself as {@code '\''}).
     */
    public static String format(List<String> arguments) {
        StringBuilder b = new StringBuilder();
        for (String a : arguments) {
            if (b.length() > 0) {
                b.append(' ');
            }
            if (!a.isEmpty() && a.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-_.,:/=@+%".indexOf(ch) >= 0)) {
                b.append(a);
            } else {
                b.append('\'').append(a.replace("'", "'\\''")).append('\'');
            }
        }
        return b.toString();
    }

    /** The problem of the line, empty when it parses. */
    public static Optional<Problem> problem(String text) {
        return Optional.ofNullable(parse(text).problem());
    }

    private static Parsed tooMany(String s, int at) {
        return new Parsed(List.of(), problemAt(s, at, "at most " + MAX_ARGUMENTS + " arguments"));
    }

    private static Problem problemAt(String s, int index, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Problem(line, column, message);
    }
}
