package io.streamdesk.service.compare;

/**
 * One change (a "hunk"): consecutive rows that differ. Navigation steps from block to block.
 *
 * @param firstRow   first row index (inclusive) in {@link TextComparison#rows()}
 * @param endRow     row index after the last row of the block
 * @param leftStart  1-based first left line, or the left line it follows when the block removes nothing
 * @param leftCount  left lines in the block
 * @param rightStart 1-based first right line, or the right line it follows when the block adds nothing
 * @param rightCount right lines in the block
 * @param movedFrom  for an added block whose lines were removed elsewhere: the block index they came from, else -1
 * @param movedTo    for a removed block whose lines were added elsewhere: the block index they went to, else -1
 */
public record ChangeBlock(int index, int firstRow, int endRow, int leftStart, int leftCount, int rightStart,
                          int rightCount, int movedFrom, int movedTo) {

    public boolean isMove() {
        return movedFrom >= 0 || movedTo >= 0;
    }

    ChangeBlock withMovedFrom(int from) {
        return new ChangeBlock(index, firstRow, endRow, leftStart, leftCount, rightStart, rightCount, from, movedTo);
    }

    ChangeBlock withMovedTo(int to) {
        return new ChangeBlock(index, firstRow, endRow, leftStart, leftCount, rightStart, rightCount, movedFrom, to);
    }

    /** "lines 12-14 -> 12-15" style summary for a tooltip or a status line. */
    public String describe() {
        String left = leftCount == 0 ? "after line " + leftStart : span(leftStart, leftCount);
        String right = rightCount == 0 ? "after line " + rightStart : span(rightStart, rightCount);
        String what;
        if (leftCount == 0) {
            what = (movedFrom >= 0 ? "Moved here: " : "Added: ") + right;
        } else if (rightCount == 0) {
            what = (movedTo >= 0 ? "Moved away: " : "Removed: ") + left;
        } else {
            what = "Changed: " + left + " → " + right;
        }
        return what;
    }

    private static String span(int start, int count) {
        return count == 1 ? "line " + start : "lines " + start + "-" + (start + count - 1);
    }
}
