package io.streamdesk.service.compare;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiff;
import java.util.ArrayList;
import java.util.List;

/** {@link InlineDiff} as it was before issue 14; see {@link ReferenceTextComparer}. */
final class ReferenceInlineDiff {
    /** Characters of both middles together beyond which the middle is not diffed character by character. */
    public static final int MAX_MIDDLE = 4_000;
    /** Equal runs this short between two changes are swallowed: "a1b2" vs "x1y2" reads better as one change. */
    private static final int MERGE_GAP = 2;

    /** Ranges on each side; {@code coarse} when the middle was too long to diff character by character. */
    public record Result(List<TextRange> left, List<TextRange> right, boolean coarse) {
    }

    private ReferenceInlineDiff() {
    }

    public static Result of(String left, String right) {
        int prefix = commonPrefix(left, right);
        int suffix = commonSuffix(left, right, prefix);
        int leftEnd = left.length() - suffix;
        int rightEnd = right.length() - suffix;
        int leftMiddle = leftEnd - prefix;
        int rightMiddle = rightEnd - prefix;
        if (leftMiddle == 0 || rightMiddle == 0 || leftMiddle + rightMiddle > MAX_MIDDLE) {
            return new Result(range(prefix, leftEnd), range(prefix, rightEnd), leftMiddle + rightMiddle > MAX_MIDDLE);
        }
        List<Character> a = chars(left, prefix, leftEnd);
        List<Character> b = chars(right, prefix, rightEnd);
        List<Change> changes = merge(new MyersDiff<Character>().computeDiff(a, b, null));
        List<TextRange> l = new ArrayList<>();
        List<TextRange> r = new ArrayList<>();
        for (Change c : changes) {
            if (c.endOriginal > c.startOriginal) {
                l.add(new TextRange(prefix + c.startOriginal, prefix + c.endOriginal));
            }
            if (c.endRevised > c.startRevised) {
                r.add(new TextRange(prefix + c.startRevised, prefix + c.endRevised));
            }
        }
        return new Result(l, r, false);
    }

    private static List<Change> merge(List<Change> changes) {
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            if (!out.isEmpty()) {
                Change last = out.get(out.size() - 1);
                if (c.startOriginal - last.endOriginal <= MERGE_GAP) {
                    out.set(out.size() - 1, new Change(com.github.difflib.patch.DeltaType.CHANGE,
                            last.startOriginal, c.endOriginal, last.startRevised, c.endRevised));
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    private static List<TextRange> range(int start, int end) {
        return end > start ? List.of(new TextRange(start, end)) : List.of();
    }

    private static List<Character> chars(String s, int from, int to) {
        List<Character> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(s.charAt(i));
        }
        return out;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(String a, String b, int prefix) {
        int n = Math.min(a.length(), b.length()) - prefix;
        int i = 0;
        while (i < n && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }
}
