package io.streamdesk.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Lays extra CSS classes (error underline, matched bracket) over the syntax highlighting. Pure. */
public final class StyleOverlay {

    /** {@code [start, end)} gets {@code styleClass}. */
    public record Range(int start, int end, String styleClass) {
    }

    private StyleOverlay() {
    }

    public static StyleSpans<Collection<String>> apply(StyleSpans<Collection<String>> base, List<Range> ranges) {
        if (ranges.isEmpty()) {
            return base;
        }
        int length = base.length();
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Range::start));
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int pos = 0;
        for (Range r : sorted) {
            int start = Math.max(pos, Math.min(r.start(), length));
            int end = Math.max(start, Math.min(r.end(), length));
            b.add(Collections.emptyList(), start - pos);
            b.add(List.of(r.styleClass()), end - start);
            pos = end;
        }
        b.add(Collections.emptyList(), length - pos);
        return base.overlay(b.create(), StyleOverlay::union);
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
