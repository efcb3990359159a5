package io.streamdesk.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Collections;
import java.util.Random;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** Patching only the changed styles leaves the document styled exactly as a full restyle would (E5). */
class SpanPatchTest {
    private static final String SCRIPT = """
            CREATE TABLE t (id BIGINT, v STRING) WITH ('connector' = 'datagen');
            -- a comment
            INSERT INTO sink SELECT id, UPPER(v) AS name FROM t WHERE id > 10 AND v <> 'x';
            /* block */ SELECT 'abc', "quoted", 42;
            """;

    private final SimpleEditableStyledDocument<Collection<String>, Collection<String>> doc =
            new SimpleEditableStyledDocument<>(Collections.emptyList(), Collections.emptyList());
    private StyleSpans<Collection<String>> lastSet;
    private final EditedRange edited = new EditedRange();

    private void edit(int from, int to, String text) {
        doc.replace(from, to, ReadOnlyStyledDocument.fromString(text, Collections.emptyList(), Collections.emptyList(),
                SegmentOps.styledTextOps()));
        edited.add(from, to - from, text.length());
    }

    private void restyle() {
        StyleSpans<Collection<String>> next = SqlHighlighter.compute(doc.getText());
        SpanPatch patch = SpanPatch.between(lastSet, next, edited.start(), edited.end());
        if (patch != null) {
            doc.setStyleSpans(patch.start(), patch.spans());
        }
        lastSet = next;
        edited.clear();
        assertThat(stylesOf(doc)).isEqualTo(styles(next, doc.getText()));
    }

    /** The style of every character but line breaks (a document keeps no style for those). */
    private static java.util.List<Collection<String>> styles(StyleSpans<Collection<String>> spans, String text) {
        java.util.List<Collection<String>> out = new java.util.ArrayList<>();
        int pos = 0;
        for (var span : spans) {
            for (int i = 0; i < span.getLength(); i++, pos++) {
                if (text.charAt(pos) != '\n') {
                    out.add(span.getStyle());
                }
            }
        }
        return out;
    }

    private static java.util.List<Collection<String>> stylesOf(
            SimpleEditableStyledDocument<Collection<String>, Collection<String>> doc) {
        java.util.List<Collection<String>> out = new java.util.ArrayList<>();
        for (var paragraph : doc.getParagraphs()) {
            for (var span : paragraph.getStyleSpans()) {
                for (int i = 0; i < span.getLength(); i++) {
                    out.add(span.getStyle());
                }
            }
        }
        return out;
    }

    @Test
    void typingIntoAStringOrAfterABracketKeepsEveryStyleRight() {
        edit(0, 0, SCRIPT);
        restyle();
        int quote = doc.getText().indexOf("'abc'") + 2;
        edit(quote, quote + 1, "X"); // same shape: a string stays a string of the same length
        restyle();
        int paren = doc.getText().indexOf("UPPER(") + 6;
        edit(paren, paren + 1, "w"); // right after a bracket, which RichTextFX would copy the style of
        restyle();
        edit(0, 0, "-- ");           // the first line becomes a comment
        restyle();
        edit(doc.getText().indexOf("/*"), doc.getText().indexOf("/*") + 2, ""); // a block comment opener removed
        restyle();
    }

    @Test
    void randomEditsBatchedBetweenRestylesMatchAFullRestyle() {
        edit(0, 0, SCRIPT.repeat(20));
        restyle();
        Random random = new Random(7);
        String alphabet = "abc '\"-/*();\n 0SELECT";
        for (int round = 0; round < 300; round++) {
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int len = doc.length();
                int from = random.nextInt(len + 1);
                int to = Math.min(len, from + random.nextInt(3));
                int at = random.nextInt(alphabet.length() - 1);
                edit(from, to, alphabet.substring(at, at + random.nextInt(2)));
            }
            restyle();
        }
    }
}
