package io.streamdesk.service.compare;

/** Characters {@code [start, end)} of one line's text. */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }
}
