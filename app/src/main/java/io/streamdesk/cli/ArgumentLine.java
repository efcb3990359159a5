package io.streamdesk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one argument string into arguments, shell-like: whitespace separates, single or double quotes group,
 * a backslash escapes the next character. Needed because {@code mvn exec:exec -Dsd.args="cli jobs"} hands the
 * launcher all of {@code sd.args} as one argument (and an empty one when it is not set).
 */
public final class ArgumentLine {
    private ArgumentLine() {
    }

    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                inArgument = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unclosed " + quote + " in arguments: " + line);
        }
        if (inArgument) {
            args.add(current.toString());
        }
        return args;
    }
}
