package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.SqlLexer;
import java.util.List;

/**
 * Finds the bracket matching the one next to the caret, skipping brackets inside strings and comments (the lexer
 * only reports brackets in code). Walks the tokens from the bracket outwards, so the cost is the distance to the
 * partner, not the size of the script.
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
        return match(text, TokenList.copyOf(tokens), caret);
    }

    /** The pair for the bracket just before or at the caret, or null. */
    public static Pair match(CharSequence text, TokenList tokens, int caret) {
        int at = bracketAt(tokens, caret - 1);
        if (at < 0) {
            at = bracketAt(tokens, caret);
        }
        if (at < 0) {
            return null;
        }
        int other = partner(text, tokens, at);
        int offset = tokens.start(at);
        return other < 0 ? null : new Pair(Math.min(offset, other), Math.max(offset, other));
    }

    /** Index of the bracket token at {@code offset}, or -1. */
    private static int bracketAt(TokenList tokens, int offset) {
        if (offset < 0) {
            return -1;
        }
        int i = tokens.indexStartingAt(offset);
        return i >= 0 && tokens.kind(i) == SqlLexer.Kind.BRACKET ? i : -1;
    }

    private static int partner(CharSequence text, TokenList tokens, int index) {
        char c = text.charAt(tokens.start(index));
        boolean forward = OPEN.indexOf(c) >= 0;
        char open = forward ? c : OPEN.charAt(CLOSE.indexOf(c));
        char close = forward ? CLOSE.charAt(OPEN.indexOf(c)) : c;
        int depth = 0;
        for (int i = index; forward ? i < tokens.size() : i >= 0; i += forward ? 1 : -1) {
            if (tokens.kind(i) != SqlLexer.Kind.BRACKET) {
                continue;
            }
            char b = text.charAt(tokens.start(i));
            if (b == open) {
                depth += forward ? 1 : -1;
            } else if (b == close) {
                depth += forward ? -1 : 1;
            }
            if (depth == 0) {
                return tokens.start(i);
            }
        }
        return -1;
    }
}
