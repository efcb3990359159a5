package io.streamdesk.ui.editor;

import java.util.Collection;
import java.util.Iterator;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The part of new style spans that differs from the spans set last time (E5): setting the styles of a whole
 * 10,000-line document after every keystroke costs tens of milliseconds on the FX thread, while a keystroke changes the
 * styles around the edit only. Spans equal from the start and from the end are skipped; every edit made since the last
 * set lies between them or in the dirty range the caller tracked (an edit that kept the spans' shape, like replacing
 * a letter of a string literal, still gets the style RichTextFX gave the new text, so it is always patched).
 *
 * @param start position in the new text where the patch starts
 * @param spans the styles to set from {@code start}
 */
record SpanPatch(int start, StyleSpans<Collection<String>> spans) {

    /**
     * The patch from {@code previous} (what was set last) to {@code next}, covering at least the edited range
     * {@code [dirtyStart, dirtyEnd)} of the new text (empty when dirtyStart >= dirtyEnd); null when nothing needs
     * setting.
     */
    static SpanPatch between(StyleSpans<Collection<String>> previous, StyleSpans<Collection<String>> next,
                             int dirtyStart, int dirtyEnd) {
        if (previous == null) {
            return new SpanPatch(0, next);
        }
        int prefixSpans = 0;
        int prefix = 0;
        Iterator<StyleSpan<Collection<String>>> a = previous.iterator();
        Iterator<StyleSpan<Collection<String>>> b = next.iterator();
        while (a.hasNext() && b.hasNext()) {
            StyleSpan<Collection<String>> x = a.next();
            StyleSpan<Collection<String>> y = b.next();
            if (!x.equals(y)) {
                break;
            }
            prefixSpans++;
            prefix += y.getLength();
        }
        boolean dirty = dirtyStart < dirtyEnd;
        if (prefixSpans == previous.getSpanCount() && prefixSpans == next.getSpanCount() && !dirty) {
            return null;
        }
        int suffix = 0;
        int i = previous.getSpanCount() - 1;
        int j = next.getSpanCount() - 1;
        // the suffix must not overlap the prefix on either side
        while (i >= prefixSpans && j >= prefixSpans && previous.getStyleSpan(i).equals(next.getStyleSpan(j))) {
            suffix += next.getStyleSpan(j).getLength();
            i--;
            j--;
        }
        int start = prefix;
        int end = next.length() - suffix;
        if (dirty) {
            start = Math.min(start, Math.max(0, dirtyStart));
            end = Math.max(end, Math.min(next.length(), dirtyEnd));
        }
        if (end <= start) {
            // only a deletion that left equal styles on both sides: nothing to restyle in the new text
            return null;
        }
        return new SpanPatch(start, next.subView(start, end));
    }
}
