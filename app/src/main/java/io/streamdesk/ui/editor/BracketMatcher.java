package io.streamdesk.ui.editor;

import java.util.List;

/**
 * Finds the bracket matching the one next to the caret, skipping brackets inside strings and comments (the lexer
 * only reports brackets in code).
 */
public final class BracketMatcher {
    private static final String OPEN = "([{";
    private static final String CLOSE = ")]}";

    /** A pair of bracket offsets. */
    public record Pair(int first, int second) {
    }

    private BracketMatcher() {
    }

    /** The pair for the bracket just before or at the caret, or null. */
    public static Pair match(String text, List<SqlLexer.Token> tokens, int caret) {
        int at = bracketAt(tokens, caret - 1);
        if (at < 0) {
            at = bracketAt(tokens, caret);
        }
        if (at < 0) {
            return null;
        }
        int other = partner(text, tokens, at);
        return other < 0 ? null : new Pair(Math.min(at, other), Math.max(at, other));
    }

    private static int bracketAt(List<SqlLexer.Token> tokens, int offset) {
        for (SqlLexer.Token t : tokens) {
            if (t.kind() == SqlLexer.Kind.BRACKET && t.start() == offset) {
                return offset;
            }
        }
        return -1;
    }

    private static int partner(String text, List<SqlLexer.Token> tokens, int at) {
        char c = text.charAt(at);
        boolean forward = OPEN.indexOf(c) >= 0;
        char open = forward ? c : OPEN.charAt(CLOSE.indexOf(c));
        char close = forward ? CLOSE.charAt(OPEN.indexOf(c)) : c;
        List<SqlLexer.Token> brackets = tokens.stream().filter(t -> t.kind() == SqlLexer.Kind.BRACKET).toList();
        int index = -1;
        for (int i = 0; i < brackets.size(); i++) {
            if (brackets.get(i).start() == at) {
                index = i;
            }
        }
        int depth = 0;
        for (int i = index; forward ? i < brackets.size() : i >= 0; i += forward ? 1 : -1) {
            char b = text.charAt(brackets.get(i).start());
            if (b == open) {
                depth += forward ? 1 : -1;
            } else if (b == close) {
                depth += forward ? -1 : 1;
            }
            if (depth == 0) {
                return brackets.get(i).start();
            }
        }
        return -1;
    }
}
