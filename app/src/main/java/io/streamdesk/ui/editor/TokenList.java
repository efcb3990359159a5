package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.SqlLexer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tokens of a text, kept up to date edit by edit (E5): an edit re-lexes from a restart point before it until the
 * lexer is back in step with the old tokens after it, and the old tokens from there on are reused, shifted by the
 * edit's length. In a 10,000-line script a keystroke re-lexes about one line instead of 400,000 characters.
 *
 * <p>Why this is exact: between lexemes {@link SqlLexer} has no state (a block comment or a literal, even over many
 * lines, is one token), so lexing from any position where the old lexing started a lexeme gives the old result, and
 * two lexings that start a lexeme at the same text (after the edit) go on identically. Restart: the start of the
 * edited line, or the start of the token that runs over it (a multi-line comment or literal). Re-synchronisation:
 * a position after the edit where the old lexing started a lexeme too: an old token's start or end, or a line start
 * not inside an old token. An edit that opens a comment or a quote re-lexes until the state flips back, up to the
 * end of the text at worst.
 *
 * <p>Tokens are stored as parallel int arrays so that shifting the tail is a tight loop without allocation. Not
 * thread-safe.
 */
public final class TokenList {
    private static final SqlLexer.Kind[] KINDS = SqlLexer.Kind.values();

    private byte[] kinds = new byte[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;
    /** Tokens lexed by the running edit, before they are spliced in. */
    private final Buffer scratch = new Buffer();

    /** The range {@code [start, end)} of the new text whose tokens were re-lexed by an edit. */
    public record Range(int start, int end) {
    }

    private TokenList() {
    }

    /** All styled tokens of {@code text} ({@link SqlHighlighter#tokens}) by a full lex. */
    public static TokenList lex(CharSequence text) {
        TokenList list = new TokenList();
        Buffer all = new Buffer();
        int i = 0;
        while (i < text.length()) {
            i = SqlLexer.scan(text, i, all);
        }
        list.splice(0, 0, all, 0);
        return list;
    }

    public static TokenList copyOf(List<SqlLexer.Token> tokens) {
        TokenList list = new TokenList();
        Buffer all = new Buffer();
        tokens.forEach(t -> all.token(t.kind(), t.start(), t.end()));
        list.splice(0, 0, all, 0);
        return list;
    }

    /**
     * Brings the tokens up to date after {@code removed} characters at {@code position} were replaced by
     * {@code inserted} characters; {@code text} is the text after the edit. Returns the part of the new text that was
     * re-lexed: tokens outside it are the old ones (shifted), so their styles need no change.
     */
    public Range edit(CharSequence text, int position, int removed, int inserted) {
        int delta = inserted - removed;
        int editEnd = position + inserted;
        int n = text.length();
        int lineStart = position;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        // the first token that ends at or after the line start: if it started before, it runs over the line
        int first = firstEndingAtOrAfter(lineStart);
        int from = first < size && starts[first] < lineStart ? starts[first] : lineStart;
        scratch.clear();
        int old = first;
        int p = from;
        while (true) {
            if (p >= editEnd) {
                int q = p - delta;
                while (old < size && ends[old] <= q) {
                    old++;
                }
                boolean insideOld = old < size && starts[old] < q;
                if (!insideOld && (p == n
                        || old < size && starts[old] == q
                        || old > first && ends[old - 1] == q
                        || p - 1 >= editEnd && text.charAt(p - 1) == '\n')) {
                    break;
                }
            }
            p = SqlLexer.scan(text, p, scratch);
        }
        splice(first, old, scratch, delta);
        return new Range(from, p);
    }

    public int size() {
        return size;
    }

    public SqlLexer.Kind kind(int i) {
        return KINDS[kinds[i]];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public SqlLexer.Token get(int i) {
        return new SqlLexer.Token(kind(i), starts[i], ends[i]);
    }

    /** Index of the first token whose end is at or after {@code offset} ({@link #size()} when none). */
    public int firstEndingAtOrAfter(int offset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the token that starts at {@code offset}, or -1. */
    public int indexStartingAt(int offset) {
        int i = firstEndingAtOrAfter(offset + 1);
        return i < size && starts[i] == offset ? i : -1;
    }

    public List<SqlLexer.Token> toList() {
        List<SqlLexer.Token> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(get(i));
        }
        return list;
    }

    /** Replaces tokens {@code [from, to)} by those of {@code lexed}; the tokens after them move by {@code delta}. */
    private void splice(int from, int to, Buffer lexed, int delta) {
        int tail = size - to;
        int newSize = from + lexed.size + tail;
        if (newSize > starts.length) {
            int capacity = Math.max(newSize, starts.length * 3 / 2);
            kinds = Arrays.copyOf(kinds, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        int newTail = from + lexed.size;
        System.arraycopy(kinds, to, kinds, newTail, tail);
        System.arraycopy(starts, to, starts, newTail, tail);
        System.arraycopy(ends, to, ends, newTail, tail);
        if (delta != 0) {
            for (int i = newTail; i < newTail + tail; i++) {
                starts[i] += delta;
                ends[i] += delta;
            }
        }
        System.arraycopy(lexed.kinds, 0, kinds, from, lexed.size);
        System.arraycopy(lexed.starts, 0, starts, from, lexed.size);
        System.arraycopy(lexed.ends, 0, ends, from, lexed.size);
        size = newSize;
    }

    /** A growable token buffer that the lexer writes into. */
    private static final class Buffer implements SqlLexer.Sink {
        byte[] kinds = new byte[16];
        int[] starts = new int[16];
        int[] ends = new int[16];
        int size;

        @Override
        public void token(SqlLexer.Kind kind, int start, int end) {
            if (!SqlHighlighter.isStyled(kind)) {
                return; // plain words and operators need no style: not keeping them keeps the list small
            }
            if (size == starts.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            kinds[size] = (byte) kind.ordinal();
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        void clear() {
            size = 0;
        }
    }
}
