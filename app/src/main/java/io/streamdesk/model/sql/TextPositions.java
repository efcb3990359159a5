package io.streamdesk.model.sql;

import java.util.Arrays;

/** 1-based lines and columns of offsets in one text, with the line starts found once. */
public final class TextPositions {
    private final int[] starts;
    private final int length;

    public TextPositions(CharSequence text) {
        int[] s = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == s.length) {
                    s = Arrays.copyOf(s, count * 2);
                }
                s[count++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, count);
        this.length = text.length();
    }

    /** The 1-based line of {@code offset}. */
    public int line(int offset) {
        int i = Arrays.binarySearch(starts, Math.max(0, offset));
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** The 1-based column of {@code offset}. */
    public int column(int offset) {
        return Math.max(0, offset) - starts[line(offset) - 1] + 1;
    }

    /** The offset of a 1-based line and column, clamped to the text. */
    public int offset(int line, int column) {
        int l = Math.min(Math.max(line, 1), starts.length);
        return Math.min(length, starts[l - 1] + Math.max(column, 1) - 1);
    }
}
