package io.streamdesk.service.compare;

import java.util.List;

/**
 * One row of a side-by-side comparison. Both sides have the same rows, so row {@code i} of the left pane sits next
 * to row {@code i} of the right pane; a side without a line there (an added or removed line) shows a filler.
 *
 * @param leftLine   1-based line number on the left, 0 for a filler row
 * @param rightLine  1-based line number on the right, 0 for a filler row
 * @param leftInline changed characters of the left text (CHANGED rows only)
 * @param change     index of the change block this row belongs to, -1 for SAME rows
 */
public record DiffRow(LineKind kind, int leftLine, String leftText, int rightLine, String rightText,
                      List<TextRange> leftInline, List<TextRange> rightInline, int change) {

    static DiffRow same(int left, int right, String leftText, String rightText) {
        return new DiffRow(LineKind.SAME, left, leftText, right, rightText, List.of(), List.of(), -1);
    }

    public boolean hasLeft() {
        return leftLine > 0;
    }

    public boolean hasRight() {
        return rightLine > 0;
    }
}
