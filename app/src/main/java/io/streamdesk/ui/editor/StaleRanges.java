package io.streamdesk.ui.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a text whose styles are out of date ({@link IncrementalHighlighter}): sorted, disjoint, non-adjacent
 * {@code [start, end)} ranges that move with the edits. There are few of them (each edit adds at most two), so a
 * list is enough. Not thread-safe.
 */
final class StaleRanges {
    private final List<int[]> ranges = new ArrayList<>();

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Marks {@code [start, end)} stale, merging with the ranges it meets or touches. */
    void add(int start, int end) {
        if (start >= end) {
            return;
        }
        int i = 0;
        while (i < ranges.size() && ranges.get(i)[1] < start) {
            i++;
        }
        int s = start;
        int e = end;
        while (i < ranges.size() && ranges.get(i)[0] <= e) {
            int[] r = ranges.remove(i);
            s = Math.min(s, r[0]);
            e = Math.max(e, r[1]);
        }
        ranges.add(i, new int[] {s, e});
    }

    /** Marks {@code [start, end)} fresh again. */
    void remove(int start, int end) {
        if (start >= end) {
            return;
        }
        for (int i = 0; i < ranges.size(); i++) {
            int[] r = ranges.get(i);
            if (r[1] <= start) {
                continue;
            }
            if (r[0] >= end) {
                break;
            }
            ranges.remove(i);
            if (r[1] > end) {
                ranges.add(i, new int[] {end, r[1]});
            }
            if (r[0] < start) {
                ranges.add(i, new int[] {r[0], start});
                i++;
            }
            i--;
        }
    }

    /** The parts of the ranges inside {@code [start, end)}, as new arrays. */
    List<int[]> overlapping(int start, int end) {
        List<int[]> out = new ArrayList<>(2);
        for (int[] r : ranges) {
            int s = Math.max(start, r[0]);
            int e = Math.min(end, r[1]);
            if (s < e) {
                out.add(new int[] {s, e});
            }
        }
        return out;
    }

    /** The first range that ends after {@code offset}, else the first range; the list must not be empty. */
    int[] firstEndingAfter(int offset) {
        for (int[] r : ranges) {
            if (r[1] > offset) {
                return r.clone();
            }
        }
        return ranges.get(0).clone();
    }

    /**
     * {@code removed} characters at {@code position} were replaced by {@code inserted}: ranges after the edit move,
     * a range the edit falls into grows or shrinks with it, a range inside the removed text goes (the edit's own range
     * is restyled or marked stale by the highlighter). {@code length} is the new text's length.
     */
    void edit(int position, int removed, int inserted, int length) {
        if (ranges.isEmpty()) {
            return;
        }
        List<int[]> moved = new ArrayList<>(ranges.size());
        for (int[] r : ranges) {
            int s = Math.min(length, IncrementalHighlighter.movedStart(r[0], position, removed, inserted));
            int e = Math.min(length, IncrementalHighlighter.movedEnd(r[1], position, removed, inserted));
            if (s < e) {
                moved.add(new int[] {s, e});
            }
        }
        ranges.clear();
        for (int[] r : moved) {
            add(r[0], r[1]);
        }
    }

    /** The ranges, for tests. */
    List<int[]> toList() {
        List<int[]> out = new ArrayList<>(ranges.size());
        ranges.forEach(r -> out.add(r.clone()));
        return out;
    }
}
