package io.streamdesk.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Keeps the styles of a SQL document (syntax, problem underlines, matched brackets) up to date edit by edit (E5).
 * An edit re-lexes only around itself ({@link TokenList}) and sets the styles of that range only; a caret move
 * restyles the bracket characters that changed; new problems restyle the old and new underlines. Nothing walks the
 * whole text per keystroke, so it runs on the FX thread: in a 10,000-line script a keystroke costs about one line.
 *
 * <p>An edit that turns the rest of the script inside out (a quote typed at the top of 10,000 lines) re-lexes all of
 * it, which is cheap, but setting the styles of 10,000 paragraphs in RichTextFX's model is not (about 7 ms of CPU,
 * 45 ms p99 on a loaded machine: issue 14). With a {@link Viewport}, only the part of a changed range near what is on
 * screen and near the caret is restyled at once; the rest is remembered as stale and restyled by
 * {@link #restyleStale(int)} a chunk at a time, visible part first (the code area calls it once per frame until
 * nothing is stale). Tokens are always complete and exact; only styles far from the screen lag by a few frames.
 *
 * <p>It keeps its own copy of the text, updated from the same edits, so it never asks the document for its whole
 * text (which RichTextFX rebuilds from every paragraph). Not thread-safe.
 */
final class IncrementalHighlighter {
    private static final String BRACKET_STYLE = "bracket-match";
    /** Characters restyled at once around the screen and the caret, beyond the visible ones. */
    static final int EAGER_MARGIN = 4_000;
    /** Characters restyled per frame from the stale ranges: about a quarter of a millisecond of CPU. */
    static final int CHARS_PER_FRAME = 16_000;

    /** Where the styles go: the code area, or RichTextFX's document model in the benchmark. */
    interface StyleTarget {
        void setStyleSpans(int from, StyleSpans<Collection<String>> spans);
    }

    /** The characters {@code [start, end)} of the current text that are on screen. */
    record Window(int start, int end) {
    }

    /** Where the text on screen is; asked during an edit, after the text changed. */
    @FunctionalInterface
    interface Viewport {
        Window visible();
    }

    private final StyleTarget target;
    /** Null: every change is restyled at once (nothing is ever stale). */
    private final Viewport viewport;
    private final StaleRanges stale = new StaleRanges();
    private int caret;
    private final StringBuilder text = new StringBuilder();
    private final TokenList tokens = TokenList.lex("");
    /** Problem ranges in the current text: they move with the edits until the next check replaces them. */
    private List<StyleOverlay.Range> markers = List.of();
    private BracketMatcher.Pair brackets;

    /** Restyles every change at once. */
    IncrementalHighlighter(StyleTarget target) {
        this(target, null);
    }

    IncrementalHighlighter(StyleTarget target, Viewport viewport) {
        this.target = target;
        this.viewport = viewport;
    }

    /** {@code removedLength} characters at {@code position} were replaced by {@code inserted}. */
    void replaced(int position, int removedLength, String inserted, int caret) {
        text.replace(position, position + removedLength, inserted);
        TokenList.Range changed = tokens.edit(text, position, removedLength, inserted.length());
        markers = shift(markers, position, removedLength, inserted.length());
        stale.edit(position, removedLength, inserted.length(), text.length());
        this.caret = caret;
        BracketMatcher.Pair old = brackets;
        brackets = null;
        restyle(changed.start(), changed.end());
        if (old != null) {
            // the old match keeps its style in the document until restyled where it moved to
            restyleChar(moved(old.first(), position, removedLength, inserted.length()));
            restyleChar(moved(old.second(), position, removedLength, inserted.length()));
        }
        caretMoved(caret);
        restyleVisibleStale(visibleWindow());
    }

    /**
     * Restyles the stale ranges that are on screen, then up to {@code maxChars} more characters of them (those after
     * the screen first). Returns whether some are still stale.
     */
    boolean restyleStale(int maxChars) {
        if (stale.isEmpty()) {
            return false;
        }
        Window visible = visibleWindow();
        restyleVisibleStale(visible);
        int budget = maxChars;
        while (budget > 0 && !stale.isEmpty()) {
            int[] next = stale.firstEndingAfter(visible.end());
            int end = next[1] - next[0] <= budget ? next[1] : next[0] + budget;
            apply(next[0], end);
            stale.remove(next[0], end);
            budget -= end - next[0];
        }
        return !stale.isEmpty();
    }

    /** Stale text that scrolled onto the screen is restyled with the next edit or frame, whichever comes first. */
    private void restyleVisibleStale(Window visible) {
        if (stale.isEmpty()) {
            return;
        }
        for (int[] r : stale.overlapping(visible.start(), visible.end())) {
            apply(r[0], r[1]);
            stale.remove(r[0], r[1]);
        }
    }

    /** Whether some styles are out of date ({@link #restyleStale(int)} has work). */
    boolean hasStale() {
        return !stale.isEmpty();
    }

    /** Highlights the bracket matching the one at the caret; restyles only the characters that change. */
    void caretMoved(int caret) {
        this.caret = caret;
        BracketMatcher.Pair pair = BracketMatcher.match(text, tokens, Math.min(caret, text.length()));
        if (Objects.equals(pair, brackets)) {
            return;
        }
        BracketMatcher.Pair old = brackets;
        brackets = pair;
        for (BracketMatcher.Pair p : new BracketMatcher.Pair[] {old, pair}) {
            if (p != null) {
                restyleChar(p.first());
                restyleChar(p.second());
            }
        }
    }

    /** Problem underlines {@code [start, end)} in the current text; overlapping ones keep the first. */
    void setMarkers(List<StyleOverlay.Range> ranges) {
        List<StyleOverlay.Range> old = markers;
        markers = mergeOverlaps(ranges);
        for (StyleOverlay.Range r : old) {
            restyle(r.start(), r.end());
        }
        for (StyleOverlay.Range r : markers) {
            restyle(r.start(), r.end());
        }
    }

    int length() {
        return text.length();
    }

    TokenList tokens() {
        return tokens;
    }

    CharSequence text() {
        return text;
    }

    List<StyleOverlay.Range> markers() {
        return markers;
    }

    BracketMatcher.Pair brackets() {
        return brackets;
    }

    private void restyleChar(int offset) {
        if (offset >= 0) {
            restyle(offset, offset + 1);
        }
    }

    /** Restyles {@code [from, to)} now where it is near the screen or the caret; the rest becomes stale. */
    private void restyle(int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(text.length(), to);
        if (start >= end) {
            return;
        }
        if (viewport == null) {
            apply(start, end);
            return;
        }
        Window visible = visibleWindow();
        int[][] eager = merged(visible.start() - EAGER_MARGIN, visible.end() + EAGER_MARGIN,
                caret - EAGER_MARGIN, caret + EAGER_MARGIN);
        int pos = start;
        for (int[] w : eager) {
            int s = Math.max(pos, w[0]);
            int e = Math.min(end, w[1]);
            if (s < e) {
                if (pos < s) {
                    stale.add(pos, s);
                }
                apply(s, e);
                stale.remove(s, e);
                pos = e;
            }
        }
        if (pos < end) {
            stale.add(pos, end);
        }
    }

    private Window visibleWindow() {
        if (viewport == null) {
            return new Window(0, text.length());
        }
        Window w = viewport.visible();
        int s = Math.max(0, Math.min(w.start(), text.length()));
        return new Window(s, Math.max(s, Math.min(w.end(), text.length())));
    }

    /** The two windows in order, as one when they overlap. */
    private static int[][] merged(int s1, int e1, int s2, int e2) {
        if (s2 < s1) {
            return merged(s2, e2, s1, e1);
        }
        return s2 <= e1 ? new int[][] {{s1, Math.max(e1, e2)}} : new int[][] {{s1, e1}, {s2, e2}};
    }

    /** Sets the styles of {@code [start, end)}, a non-empty range of the text. */
    private void apply(int start, int end) {
        StyleSpans<Collection<String>> spans = SqlHighlighter.compute(tokens, start, end);
        List<StyleOverlay.Range> errors = clip(markers, start, end);
        if (!errors.isEmpty()) {
            spans = StyleOverlay.apply(spans, errors);
        }
        if (brackets != null) {
            List<StyleOverlay.Range> pair = clip(List.of(
                    new StyleOverlay.Range(brackets.first(), brackets.first() + 1, BRACKET_STYLE),
                    new StyleOverlay.Range(brackets.second(), brackets.second() + 1, BRACKET_STYLE)), start, end);
            if (!pair.isEmpty()) {
                spans = StyleOverlay.apply(spans, pair);
            }
        }
        target.setStyleSpans(start, spans);
    }

    /** The ranges that meet {@code [from, to)}, cut to it and made relative to {@code from}. */
    private static List<StyleOverlay.Range> clip(List<StyleOverlay.Range> ranges, int from, int to) {
        List<StyleOverlay.Range> out = new ArrayList<>(2);
        for (StyleOverlay.Range r : ranges) {
            int s = Math.max(from, r.start());
            int e = Math.min(to, r.end());
            if (s < e) {
                out.add(new StyleOverlay.Range(s - from, e - from, r.styleClass()));
            }
        }
        return out;
    }

    /** Where {@code offset} is after the edit; -1 when its character was removed. */
    private static int moved(int offset, int position, int removed, int inserted) {
        if (offset < position) {
            return offset;
        }
        return offset >= position + removed ? offset + inserted - removed : -1;
    }

    /** Where the start of a range is after the edit: text typed at the start joins the range. */
    static int movedStart(int start, int position, int removed, int inserted) {
        if (start <= position) {
            return start;
        }
        return start >= position + removed ? start + inserted - removed : position + inserted;
    }

    /** Where the end of a range is after the edit: text typed inside the range joins it. */
    static int movedEnd(int end, int position, int removed, int inserted) {
        if (end <= position) {
            return end;
        }
        return end >= position + removed ? end + inserted - removed : position;
    }

    private static List<StyleOverlay.Range> shift(List<StyleOverlay.Range> ranges, int position, int removed,
                                                  int inserted) {
        if (ranges.isEmpty()) {
            return ranges;
        }
        List<StyleOverlay.Range> out = new ArrayList<>(ranges.size());
        for (StyleOverlay.Range r : ranges) {
            int s = movedStart(r.start(), position, removed, inserted);
            int e = movedEnd(r.end(), position, removed, inserted);
            if (s < e) {
                out.add(new StyleOverlay.Range(s, e, r.styleClass()));
            }
        }
        return out;
    }

    private static List<StyleOverlay.Range> mergeOverlaps(List<StyleOverlay.Range> ranges) {
        List<StyleOverlay.Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(StyleOverlay.Range::start));
        List<StyleOverlay.Range> out = new ArrayList<>();
        int end = -1;
        for (StyleOverlay.Range r : sorted) {
            if (r.start() >= end && r.start() < r.end()) {
                out.add(r);
                end = r.end();
            }
        }
        return List.copyOf(out);
    }
}
