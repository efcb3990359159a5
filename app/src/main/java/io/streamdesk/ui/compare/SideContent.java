package io.streamdesk.ui.compare;

import io.streamdesk.service.compare.DiffRow;
import io.streamdesk.service.compare.LineKind;
import io.streamdesk.service.compare.TextComparison;
import io.streamdesk.service.compare.TextRange;
import io.streamdesk.ui.editor.SqlHighlighter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * What one side of the comparison shows: the text with a filler line where the other side has a line this side
 * lacks, SQL highlighting with the changed characters overlaid, and per row its line number and kind. Pure, so it
 * is built on a background thread; the FX thread only hands it to the text area.
 */
record SideContent(String text, StyleSpans<Collection<String>> spans, int[] lineNumbers, LineKind[] kinds,
                   int[] changes, ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document) {
    static final String INLINE = "diff-inline";

    static SideContent left(TextComparison c) {
        return of(c, true);
    }

    static SideContent right(TextComparison c) {
        return of(c, false);
    }

    private static SideContent of(TextComparison c, boolean left) {
        List<DiffRow> rows = c.rows();
        int n = rows.size();
        int[] numbers = new int[n];
        LineKind[] kinds = new LineKind[n];
        int[] changes = new int[n];
        StringBuilder text = new StringBuilder();
        List<int[]> inline = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DiffRow row = rows.get(i);
            if (i > 0) {
                text.append('\n');
            }
            int offset = text.length();
            numbers[i] = left ? row.leftLine() : row.rightLine();
            kinds[i] = row.kind();
            changes[i] = row.change();
            text.append(left ? row.leftText() : row.rightText());
            for (TextRange r : left ? row.leftInline() : row.rightInline()) {
                inline.add(new int[] {offset + r.start(), offset + r.end()});
            }
        }
        String s = text.toString();
        StyleSpans<Collection<String>> syntax = SqlHighlighter.compute(s);
        StyleSpans<Collection<String>> spans = inline.isEmpty() ? syntax
                : syntax.overlay(inlineSpans(inline, s.length()), SideContent::union);
        return new SideContent(s, spans, numbers, kinds, changes, document(s, spans, numbers, kinds));
    }

    /**
     * The whole styled document, built here off the FX thread, one paragraph per row with its row style and its slice
     * of the spans: handing it to the area is one replace, where setting the text, the spans and a paragraph style per
     * changed row on the area took seconds for 10,000 rows.
     */
    private static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document(
            String text, StyleSpans<Collection<String>> spans, int[] numbers, LineKind[] kinds) {
        List<Paragraph<Collection<String>, String, Collection<String>>> paragraphs = new ArrayList<>(kinds.length + 1);
        var ops = SegmentOps.<Collection<String>>styledTextOps();
        var it = spans.iterator();
        StyleSpan<Collection<String>> span = it.hasNext() ? it.next() : null;
        int spanLeft = span == null ? 0 : span.getLength();
        int pos = 0;
        int rows = Math.max(1, kinds.length);
        for (int row = 0; row < rows; row++) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            List<String> rowStyle = row < kinds.length ? paragraphStyle(kinds[row], numbers[row], false) : List.of();
            StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
            int need = end - pos;
            if (need == 0) {
                b.add(Collections.emptyList(), 0);
            }
            while (need > 0 && span != null) {
                int take = Math.min(need, spanLeft);
                b.add(span.getStyle(), take);
                need -= take;
                spanLeft -= take;
                if (spanLeft == 0) {
                    span = it.hasNext() ? it.next() : null;
                    spanLeft = span == null ? 0 : span.getLength();
                }
            }
            paragraphs.add(new Paragraph<>(rowStyle, ops, text.substring(pos, end), b.create()));
            // the line break between rows belongs to no paragraph but has its span position
            if (end < text.length()) {
                spanLeft--;
                while (spanLeft <= 0 && span != null) {
                    int carry = spanLeft;
                    span = it.hasNext() ? it.next() : null;
                    spanLeft = span == null ? 0 : span.getLength() + carry;
                }
            }
            pos = end + 1;
        }
        return ParagraphsDocument.of(paragraphs);
    }

    private static StyleSpans<Collection<String>> inlineSpans(List<int[]> ranges, int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int last = 0;
        for (int[] r : ranges) {
            b.add(Collections.emptyList(), r[0] - last);
            b.add(List.of(INLINE), r[1] - r[0]);
            last = r[1];
        }
        b.add(Collections.emptyList(), length - last);
        return b.create();
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Paragraph style classes of row {@code i}. */
    List<String> paragraphStyle(int i, boolean current) {
        return paragraphStyle(kinds[i], lineNumbers[i], current);
    }

    private static List<String> paragraphStyle(LineKind rowKind, int lineNumber, boolean current) {
        String kind = switch (rowKind) {
            case SAME -> null;
            case CHANGED -> "diff-changed";
            case ADDED -> lineNumber == 0 ? "diff-filler" : "diff-added";
            case REMOVED -> lineNumber == 0 ? "diff-filler" : "diff-removed";
        };
        if (kind == null) {
            return List.of();
        }
        return current ? List.of(kind, "diff-current") : List.of(kind);
    }
}
