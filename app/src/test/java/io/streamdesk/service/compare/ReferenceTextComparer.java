package io.streamdesk.service.compare;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.DeltaType;
import io.streamdesk.service.InputLimits;
import io.streamdesk.service.InputRejectedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison as it was before issue 14 made it faster, kept to check that the fast one gives identical results
 * ({@link TextComparerEquivalenceTest}). Not used by the product.
 */
final class ReferenceTextComparer {
    public static final int MAX_CHARS = InputLimits.MAX_SQL_CHARS;
    public static final Duration ALIGN_BUDGET = Duration.ofSeconds(2);

    private final CompareOptions options;
    private final Duration budget;

    public ReferenceTextComparer(CompareOptions options) {
        this(options, ALIGN_BUDGET);
    }

    ReferenceTextComparer(CompareOptions options, Duration budget) {
        this.options = options;
        this.budget = budget;
    }

    public static TextComparison compare(String left, String right) {
        return new ReferenceTextComparer(CompareOptions.defaults()).apply(left, right);
    }

    public TextComparison apply(String leftText, String rightText) {
        String l = leftText == null ? "" : leftText;
        String r = rightText == null ? "" : rightText;
        requireSize("left", l);
        requireSize("right", r);
        ReferenceSplitText left = ReferenceSplitText.of(l);
        ReferenceSplitText right = ReferenceSplitText.of(r);
        List<String> notes = new ArrayList<>();

        Map<String, Integer> ids = new HashMap<>();
        int[] a = keys(left.lines(), ids);
        int[] b = keys(right.lines(), ids);
        List<Change> changes = align(a, b, ids.size(), notes);
        // keys come from the real text (a changed secret is a changed line); rows show the masked text
        Builder builder = new Builder(masked(left.lines()), masked(right.lines()));
        int ai = 0;
        int bi = 0;
        for (Change c : changes) {
            builder.same(ai, c.startOriginal, bi);
            builder.change(c);
            ai = c.endOriginal;
            bi = c.endRevised;
        }
        builder.same(ai, a.length, bi);
        List<ChangeBlock> blocks = Moves.link(builder.blocks, a, b, left.lines(), right.lines());

        addNotes(left, right, l, r, builder, blocks, notes);
        return new TextComparison(List.copyOf(builder.rows), blocks, builder.added, builder.removed, builder.changed,
                List.copyOf(notes));
    }

    private void addNotes(ReferenceSplitText left, ReferenceSplitText right, String l, String r, Builder builder,
                          List<ChangeBlock> blocks, List<String> notes) {
        boolean endingsDiffer = left.hasCrLf() != right.hasCrLf() || left.hasLf() != right.hasLf();
        if (endingsDiffer && !left.lines().isEmpty() && !right.lines().isEmpty()) {
            notes.add("Line endings differ (left " + left.lineEndingName() + ", right " + right.lineEndingName()
                    + "); they are not counted as changes.");
        }
        if (left.endsWithNewline() != right.endsWithNewline() && !l.isEmpty() && !r.isEmpty()) {
            notes.add("Only one side ends with a line break; not counted as a change.");
        }
        if (options.ignoreTrailingWhitespace() && blocks.isEmpty() && !l.equals(r) && !endingsDiffer) {
            notes.add("Only trailing whitespace differs, which is ignored.");
        }
        if (builder.coarseInline > 0) {
            notes.add(builder.coarseInline + " very long changed line(s): the changed part is marked from the first "
                    + "to the last differing character, not character by character.");
        }
        long moves = blocks.stream().filter(bl -> bl.movedTo() >= 0).count();
        if (moves > 0) {
            notes.add(moves + " moved block(s): shown as removed where they were and added where they are now.");
        }
    }

    private static List<String> masked(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(maskSqlLine(line));
        }
        return out;
    }

    /** SecretKeys.maskSqlLine as it was: the regex on every line with an '='. */
    private static final java.util.regex.Pattern SQL_OPTION =
            java.util.regex.Pattern.compile("'((?:[^']|'')+)'(\\s*=\\s*)'((?:[^']|'')*)'");

    private static String maskSqlLine(String line) {
        if (line.indexOf('=') < 0) {
            return line;
        }
        java.util.regex.Matcher m = SQL_OPTION.matcher(line);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            if (SecretKeys.isSecret(m.group(1)) && !m.group(3).isEmpty() && !SecretKeys.isReference(m.group(3))) {
                if (out == null) {
                    out = new StringBuilder(line.length());
                }
                out.append(line, last, m.start(3)).append(SecretKeys.MASK);
                last = m.end(3);
            }
        }
        if (out == null) {
            return line;
        }
        return out.append(line, last, line.length()).toString();
    }

    private static void requireSize(String side, String text) {
        if (text.length() > MAX_CHARS) {
            throw new InputRejectedException("Comparison: the " + side + " side has " + text.length()
                    + " characters; at most " + MAX_CHARS + " can be compared.");
        }
    }

    private int[] keys(List<String> lines, Map<String, Integer> ids) {
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            String line = lines.get(i);
            String key = options.ignoreTrailingWhitespace() ? line.stripTrailing() : line;
            out[i] = ids.computeIfAbsent(key, k -> ids.size());
        }
        return out;
    }

    /** Changes with original/revised line indexes, sorted; common start and end are cut before diffing. */
    private List<Change> align(int[] a, int[] b, int distinct, List<String> notes) {
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
        int aEnd = a.length - suffix;
        int bEnd = b.length - suffix;
        if (prefix == aEnd && prefix == bEnd) {
            return List.of();
        }
        if (prefix == aEnd || prefix == bEnd) {
            DeltaType type = prefix == aEnd ? DeltaType.INSERT : DeltaType.DELETE;
            return List.of(new Change(type, prefix, aEnd, prefix, bEnd));
        }
        // a line that occurs on one side only can never be matched: leave such lines out of the alignment (as GNU
        // diff does), so its cost follows the lines that moved or repeat, not every edited line
        int[] inA = new int[distinct];
        int[] inB = new int[distinct];
        for (int i = prefix; i < aEnd; i++) {
            inA[a[i]]++;
        }
        for (int j = prefix; j < bEnd; j++) {
            inB[b[j]]++;
        }
        int[] keptA = kept(a, prefix, aEnd, inB);
        int[] keptB = kept(b, prefix, bEnd, inA);
        List<Change> raw;
        try {
            raw = new ArrayList<>(new MyersDiffWithLinearSpace<Integer>()
                    .computeDiff(values(a, keptA), values(b, keptB), new Deadline(budget)));
        } catch (OutOfTime e) {
            notes.add("The texts are too different to align within " + budget.toSeconds()
                    + " s; the differing middle is shown as one change.");
            return List.of(new Change(DeltaType.CHANGE, prefix, aEnd, prefix, bEnd));
        }
        raw.sort((x, y) -> x.startOriginal != y.startOriginal ? Integer.compare(x.startOriginal, y.startOriginal)
                : Integer.compare(x.startRevised, y.startRevised));
        // the equal runs of the kept lines are the matched lines; every gap between two matches is one change
        Gaps gaps = new Gaps(prefix, prefix);
        int x = 0;
        int y = 0;
        for (Change c : raw) {
            for (; x < c.startOriginal; x++, y++) {
                gaps.match(keptA[x], keptB[y]);
            }
            x = c.endOriginal;
            y = c.endRevised;
        }
        for (; x < keptA.length; x++, y++) {
            gaps.match(keptA[x], keptB[y]);
        }
        gaps.match(aEnd, bEnd);
        return gaps.changes;
    }

    private static int[] kept(int[] keys, int from, int to, int[] onOtherSide) {
        int n = 0;
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            if (onOtherSide[keys[i]] > 0) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static List<Integer> values(int[] keys, int[] indexes) {
        List<Integer> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(keys[i]);
        }
        return out;
    }

    /** Collects the changes between consecutive matched line pairs. */
    private static final class Gaps {
        private final List<Change> changes = new ArrayList<>();
        private int nextA;
        private int nextB;

        Gaps(int startA, int startB) {
            this.nextA = startA;
            this.nextB = startB;
        }

        void match(int i, int j) {
            if (i > nextA || j > nextB) {
                DeltaType type = i == nextA ? DeltaType.INSERT : j == nextB ? DeltaType.DELETE : DeltaType.CHANGE;
                changes.add(new Change(type, nextA, i, nextB, j));
            }
            nextA = i + 1;
            nextB = j + 1;
        }
    }

    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** The diff calls the listener as it goes: that is where a comparison that takes too long is stopped. */
    private static final class Deadline implements DiffAlgorithmListener {
        private final long end;

        Deadline(Duration budget) {
            this.end = System.nanoTime() + budget.toNanos();
        }

        @Override
        public void diffStart() {
        }

        @Override
        public void diffStep(int value, int max) {
            if (System.nanoTime() > end) {
                throw new OutOfTime();
            }
        }

        @Override
        public void diffEnd() {
        }
    }

    /** Turns equal runs and changes into rows and blocks. */
    private static final class Builder {
        private final List<String> left;
        private final List<String> right;
        private final List<DiffRow> rows = new ArrayList<>();
        private final List<ChangeBlock> blocks = new ArrayList<>();
        private int added;
        private int removed;
        private int changed;
        private int coarseInline;

        Builder(List<String> left, List<String> right) {
            this.left = left;
            this.right = right;
        }

        void same(int from, int to, int rightFrom) {
            for (int i = from, j = rightFrom; i < to; i++, j++) {
                rows.add(DiffRow.same(i + 1, j + 1, left.get(i), right.get(j)));
            }
        }

        void change(Change c) {
            int n = c.endOriginal - c.startOriginal;
            int m = c.endRevised - c.startRevised;
            int firstRow = rows.size();
            int lastBlock = blocks.size() - 1;
            // two changes with no equal line between them are one block for the user
            boolean joins = lastBlock >= 0 && blocks.get(lastBlock).endRow() == firstRow;
            int index = joins ? lastBlock : blocks.size();
            int paired = Math.min(n, m);
            for (int k = 0; k < paired; k++) {
                String lt = left.get(c.startOriginal + k);
                String rt = right.get(c.startRevised + k);
                ReferenceInlineDiff.Result inline = ReferenceInlineDiff.of(lt, rt);
                if (inline.coarse()) {
                    coarseInline++;
                }
                rows.add(new DiffRow(LineKind.CHANGED, c.startOriginal + k + 1, lt, c.startRevised + k + 1, rt,
                        inline.left(), inline.right(), index));
                changed++;
            }
            for (int k = paired; k < n; k++) {
                rows.add(new DiffRow(LineKind.REMOVED, c.startOriginal + k + 1, left.get(c.startOriginal + k), 0, "",
                        List.of(), List.of(), index));
                removed++;
            }
            for (int k = paired; k < m; k++) {
                rows.add(new DiffRow(LineKind.ADDED, 0, "", c.startRevised + k + 1, right.get(c.startRevised + k),
                        List.of(), List.of(), index));
                added++;
            }
            if (joins) {
                ChangeBlock prev = blocks.get(lastBlock);
                blocks.set(lastBlock, new ChangeBlock(index, prev.firstRow(), rows.size(),
                        prev.leftCount() == 0 && n > 0 ? c.startOriginal + 1 : prev.leftStart(), prev.leftCount() + n,
                        prev.rightCount() == 0 && m > 0 ? c.startRevised + 1 : prev.rightStart(), prev.rightCount() + m,
                        -1, -1));
            } else {
                // an empty side points at the line the block follows (0 = before the first line)
                blocks.add(new ChangeBlock(index, firstRow, rows.size(), n > 0 ? c.startOriginal + 1 : c.startOriginal,
                        n, m > 0 ? c.startRevised + 1 : c.startRevised, m, -1, -1));
            }
        }
    }

    /** Pairs pure removals with pure additions of the same lines. */
    private static final class Moves {
        private Moves() {
        }

        static List<ChangeBlock> link(List<ChangeBlock> blocks, int[] a, int[] b, List<String> leftLines,
                                      List<String> rightLines) {
            List<ChangeBlock> out = new ArrayList<>(blocks);
            Map<List<Integer>, Deque<Integer>> removedByContent = new HashMap<>();
            for (ChangeBlock bl : blocks) {
                if (bl.rightCount() == 0 && bl.leftCount() > 0) {
                    List<Integer> content = slice(a, leftLines, bl.leftStart() - 1, bl.leftCount());
                    if (content != null) {
                        removedByContent.computeIfAbsent(content, k -> new ArrayDeque<>()).add(bl.index());
                    }
                }
            }
            if (removedByContent.isEmpty()) {
                return out;
            }
            for (ChangeBlock bl : blocks) {
                if (bl.leftCount() == 0 && bl.rightCount() > 0) {
                    List<Integer> content = slice(b, rightLines, bl.rightStart() - 1, bl.rightCount());
                    Deque<Integer> from = content == null ? null : removedByContent.get(content);
                    if (from != null && !from.isEmpty()) {
                        int src = from.poll();
                        out.set(bl.index(), out.get(bl.index()).withMovedFrom(src));
                        out.set(src, out.get(src).withMovedTo(bl.index()));
                    }
                }
            }
            return List.copyOf(out);
        }

        /** The block's line keys, or null when it holds only blank lines (those "move" by chance). */
        private static List<Integer> slice(int[] keys, List<String> lines, int from, int count) {
            List<Integer> out = new ArrayList<>(count);
            boolean blank = true;
            for (int i = from; i < from + count; i++) {
                out.add(keys[i]);
                blank &= lines.get(i).isBlank();
            }
            return blank ? null : out;
        }
    }
}
