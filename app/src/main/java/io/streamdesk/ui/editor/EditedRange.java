package io.streamdesk.ui.editor;

/** The range of the text touched by the edits since the last restyle, in the coordinates of the current text. */
final class EditedRange {
    private int start = Integer.MAX_VALUE;
    private int end = -1;

    /** One edit: {@code removed} characters at {@code position} replaced by {@code inserted} characters. */
    void add(int position, int removed, int inserted) {
        if (isEmpty()) {
            start = position;
            end = position + inserted;
            return;
        }
        int shiftedEnd = end >= position + removed ? end - removed + inserted : position + inserted;
        start = Math.min(start, position);
        end = Math.max(shiftedEnd, position + inserted);
    }

    boolean isEmpty() {
        return start > end;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    void clear() {
        start = Integer.MAX_VALUE;
        end = -1;
    }
}
