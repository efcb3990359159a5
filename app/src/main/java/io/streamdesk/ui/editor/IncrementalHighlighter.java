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
 * <p>It keeps its own copy of the text, updated from the same edits, so it never asks the document for its whole
 * text (which RichTextFX rebuilds from every paragraph). Not thread-safe.
 */
final class IncrementalHighlighter {
    private static final String BRACKET_STYLE = "bracket-match";

    /** Where the styles go: the code area, or RichTextFX's document model in the benchmark. */
    interface StyleTarget {
        void setStyleSpans(int from, StyleSpans<Collection<String>> spans);
    }

    private final StyleTarget target;
    private final StringBuilder text = new StringBuilder();
    private final TokenList tokens = TokenList.lex("");
    /** Problem ranges in the current text: they move with the edits until the next check replaces them. */
    private List<StyleOverlay.Range> markers = List.of();
    private BracketMatcher.Pair brackets;

    IncrementalHighlighter(StyleTarget target) {
        this.target = target;
    }

    /** {@code removedLength} characters at {@code position} were replaced by {@code inserted}. */
    void replaced(int position, int removedLength, String inserted, int caret) {
        text.replace(position, position + removedLength, inserted);
        TokenList.Range changed = tokens.edit(text, position, removedLength, inserted.length());
        markers = shift(markers, position, removedLength, inserted.length());
        BracketMatcher.Pair stale = brackets;
        brackets = null;
        restyle(changed.start(), changed.end());
        if (stale != null) {
            // the old match keeps its style in the document until restyled where it moved to
            restyleChar(moved(stale.first(), position, removedLength, inserted.length()));
            restyleChar(moved(stale.second(), position, removedLength, inserted.length()));
        }
        caretMoved(caret);
    }

    /** Highlights the bracket matching the one at the caret; restyles only the characters that change. */
    void caretMoved(int caret) {
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

    private void restyle(int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(text.length(), to);
        if (start >= end) {
            return;
        }
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
