package io.streamdesk.ui.compare;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.StyledDocument;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * Ready-made paragraphs handed to {@link ReadOnlyStyledDocument#from}, which reads nothing but
 * {@link #getParagraphs()}: RichTextFX has no public way to build a document from paragraphs, and building it through
 * an editable document (set text, spans, then a paragraph style per row) costs a second for 10,000 rows.
 */
final class ParagraphsDocument implements StyledDocument<Collection<String>, String, Collection<String>> {
    private final List<Paragraph<Collection<String>, String, Collection<String>>> paragraphs;

    private ParagraphsDocument(List<Paragraph<Collection<String>, String, Collection<String>>> paragraphs) {
        this.paragraphs = paragraphs;
    }

    static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> of(
            List<Paragraph<Collection<String>, String, Collection<String>>> paragraphs) {
        return ReadOnlyStyledDocument.from(new ParagraphsDocument(paragraphs));
    }

    @Override
    public List<Paragraph<Collection<String>, String, Collection<String>>> getParagraphs() {
        return paragraphs;
    }

    @Override
    public int length() {
        throw new UnsupportedOperationException("only a source of paragraphs");
    }

    @Override
    public String getText() {
        throw new UnsupportedOperationException("only a source of paragraphs");
    }

    @Override
    public StyledDocument<Collection<String>, String, Collection<String>> concat(
            StyledDocument<Collection<String>, String, Collection<String>> that) {
        throw new UnsupportedOperationException("only a source of paragraphs");
    }

    @Override
    public StyledDocument<Collection<String>, String, Collection<String>> subSequence(int start, int end) {
        throw new UnsupportedOperationException("only a source of paragraphs");
    }

    @Override
    public TwoDimensional.Position position(int major, int minor) {
        throw new UnsupportedOperationException("only a source of paragraphs");
    }

    @Override
    public TwoDimensional.Position offsetToPosition(int offset, TwoDimensional.Bias bias) {
        throw new UnsupportedOperationException("only a source of paragraphs");
    }
}
