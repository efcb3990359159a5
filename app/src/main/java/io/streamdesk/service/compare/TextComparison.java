package io.streamdesk.service.compare;

import java.util.List;

/**
 * The result of comparing two texts line by line (V3): aligned rows for a side-by-side view, the change blocks for
 * next/previous navigation, counts, and notes about what the comparison ignored or could not do.
 *
 * @param notes plain sentences for the user, e.g. that only line endings differ
 */
public record TextComparison(List<DiffRow> rows, List<ChangeBlock> changes, int addedLines, int removedLines,
                             int changedLines, List<String> notes) {

    /** No line differs (line endings, and trailing whitespace when ignored, do not count). */
    public boolean identical() {
        return changes.isEmpty();
    }

    public int changeCount() {
        return changes.size();
    }
}
