package io.streamdesk.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.service.compare.TextComparer;
import io.streamdesk.service.compare.TextComparison;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document a side hands to its text area: aligned rows, row styles, highlighting with the inline overlay. */
class SideContentTest {

    @Test
    void theDocumentCarriesTheRowsTheirStylesAndTheSpans() {
        TextComparison c = TextComparer.compare("SELECT a FROM t;\n\nx\n-- gone\n", "SELECT b FROM t;\n\nx\nnew 'line';\n");
        for (SideContent side : List.of(SideContent.left(c), SideContent.right(c))) {
            var doc = side.document();
            assertThat(doc.getText()).isEqualTo(side.text());
            assertThat(doc.getParagraphCount()).isEqualTo(c.rows().size());
            for (int i = 0; i < c.rows().size(); i++) {
                assertThat(doc.getParagraph(i).getParagraphStyle()).isEqualTo(side.paragraphStyle(i, false));
            }
            assertThat(stylesOf(doc)).isEqualTo(styles(side));
        }
        SideContent left = SideContent.left(c);
        assertThat(left.document().getParagraph(0).getParagraphStyle()).containsExactly("diff-changed");
        assertThat(left.document().getStyleOfChar(0, 7)).contains(SideContent.INLINE);
        assertThat(left.document().getStyleOfChar(0, 0)).contains("sql-keyword");
        assertThat(SideContent.right(c).document().getParagraph(3).getParagraphStyle()).containsExactly("diff-changed");
    }

    @Test
    void fillersAndEmptySides() {
        TextComparison c = TextComparer.compare("", "a\nb");
        SideContent left = SideContent.left(c);
        assertThat(left.document().getParagraphCount()).isEqualTo(2);
        assertThat(left.document().getParagraph(1).getParagraphStyle()).containsExactly("diff-filler");
        assertThat(SideContent.right(c).document().getParagraph(1).getParagraphStyle()).containsExactly("diff-added");
        assertThat(SideContent.left(TextComparer.compare("", "")).document().getText()).isEmpty();
    }

    private static List<Collection<String>> styles(SideContent side) {
        List<Collection<String>> out = new ArrayList<>();
        int pos = 0;
        for (var span : side.spans()) {
            for (int i = 0; i < span.getLength(); i++, pos++) {
                if (side.text().charAt(pos) != '\n') {
                    out.add(span.getStyle());
                }
            }
        }
        return out;
    }

    private static List<Collection<String>> stylesOf(
            org.fxmisc.richtext.model.StyledDocument<Collection<String>, String, Collection<String>> doc) {
        List<Collection<String>> out = new ArrayList<>();
        for (var p : doc.getParagraphs()) {
            for (var span : p.getStyleSpans()) {
                for (int i = 0; i < span.getLength(); i++) {
                    out.add(span.getStyle());
                }
            }
        }
        return out;
    }
}
