package io.streamdesk.flink.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Flink's exceptions for one statement into a position and a message in the app's words: positions are
 * mapped from the statement to the script, Java class names and Flink's "SQL parse failed." style prefixes go,
 * and long "Was expecting one of" lists are cut to a readable length.
 */
final class ProblemMessages {

    static final int MAX_MESSAGE_LENGTH = 400;
    private static final String NON_QUERY = "Non-query expression encountered in illegal context";
    private static final int MAX_EXPECTED_ALTERNATIVES = 6;

    private static final Pattern RANGE = Pattern.compile("(?i)from line (\\d+), column (\\d+) to line (\\d+), column (\\d+):?\\s*");
    private static final Pattern POSITION = Pattern.compile("(?i)line (\\d+), column (\\d+)");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern FLINK_PREFIX = Pattern.compile("^(?:SQL (?:parse|validation) failed\\.\\s*)+", Pattern.CASE_INSENSITIVE);

    private ProblemMessages() {
    }

    /** Where the problem is, relative to the statement (1-based), or null when no message in the chain says. */
    static int[] relativePosition(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            Matcher m = POSITION.matcher(message);
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
        }
        return null;
    }

    /** The message for the user, with statement positions rewritten to script positions. */
    static String describe(Throwable error, SqlStatement statement) {
        String message = mostTellingMessage(error);
        message = FLINK_PREFIX.matcher(message.strip()).replaceFirst("");
        message = RANGE.matcher(message).replaceAll("");
        message = CLASS_NAME.matcher(message).replaceAll("");
        message = rewritePositions(message, statement);
        message = shortenExpectations(message);
        if (message.startsWith(NON_QUERY)) {
            // Calcite's words for a statement, or a query inside INSERT, that starts with an unknown keyword (SELEC ...)
            message = "Not a statement Flink SQL knows: check the spelling of its keywords, e.g. SELECT (" + message + ")";
        }
        message = message.strip().replaceAll("[ \\t]+\\n", "\n");
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + " ...";
        }
        return message.isEmpty() ? "Invalid statement" : message;
    }

    /**
     * Flink wraps the substance (e.g. Calcite's "Object 't' not found") in generic outer messages; the outer one
     * is kept when it already says more than a prefix, else the first cause that does.
     */
    private static String mostTellingMessage(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                messages.add(t.getMessage());
            }
        }
        if (messages.isEmpty()) {
            return error.getClass().getSimpleName();
        }
        for (String m : messages) {
            String substance = FLINK_PREFIX.matcher(m.strip()).replaceFirst("");
            substance = RANGE.matcher(substance).replaceAll("");
            if (substance.length() > 10 && !substance.startsWith("Could not execute")) {
                return m;
            }
        }
        return messages.get(messages.size() - 1);
    }

    private static String rewritePositions(String message, SqlStatement statement) {
        Matcher m = POSITION.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int[] p = statement.toScriptPosition(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            m.appendReplacement(sb, "line " + p[0] + ", column " + p[1]);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Keeps the first few alternatives of a parser's "Was expecting one of:" list. */
    private static String shortenExpectations(String message) {
        int at = message.indexOf("Was expecting");
        if (at < 0) {
            return message;
        }
        String head = message.substring(0, at);
        String[] lines = message.substring(at).split("\\R");
        List<String> alternatives = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String alt = lines[i].strip();
            if (alt.equals("...") || alt.isEmpty()) {
                continue;
            }
            alternatives.add(alt);
        }
        StringBuilder sb = new StringBuilder(head.strip()).append(' ').append(lines[0].strip());
        if (!alternatives.isEmpty()) {
            sb.append(' ').append(String.join(", ", alternatives.subList(0, Math.min(MAX_EXPECTED_ALTERNATIVES, alternatives.size()))));
            if (alternatives.size() > MAX_EXPECTED_ALTERNATIVES) {
                sb.append(", ...");
            }
        }
        return sb.toString();
    }
}
