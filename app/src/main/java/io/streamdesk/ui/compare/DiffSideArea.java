package io.streamdesk.ui.compare;

import java.util.Collection;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.fxmisc.richtext.CodeArea;

/** One read-only side of the comparison: rows styled by kind, its own line numbers in the gutter. */
final class DiffSideArea extends CodeArea {
    private SideContent content;
    private int currentChange = -1;

    DiffSideArea(String side) {
        getStyleClass().addAll("sql-area", "diff-area", "diff-" + side);
        setEditable(false);
        setParagraphGraphicFactory(this::gutter);
    }

    void show(SideContent c) {
        // the gutter reads the numbers of the new content: set it first, then replace everything in one change
        content = c;
        currentChange = -1;
        replace(0, getLength(), c.document());
        getUndoManager().forgetHistory();
        moveTo(0);
        showParagraphAtTop(0);
    }

    /** Marks the rows of change {@code change} (and unmarks the previous one). */
    void markCurrent(int change, int firstRow, int endRow) {
        if (content == null) {
            return;
        }
        int[] changes = content.changes();
        if (currentChange >= 0) {
            for (int i = 0; i < changes.length; i++) {
                if (changes[i] == currentChange) {
                    setParagraphStyle(i, content.paragraphStyle(i, false));
                }
            }
        }
        currentChange = change;
        for (int i = firstRow; i < endRow && i < changes.length; i++) {
            setParagraphStyle(i, content.paragraphStyle(i, true));
        }
        moveTo(Math.min(firstRow, getParagraphs().size() - 1), 0);
        showParagraphAtTop(Math.max(0, firstRow - 3));
    }

    /** The change of the row the caret is on, -1 for an unchanged row. */
    int changeAtCaret() {
        if (content == null) {
            return -1;
        }
        int p = getCurrentParagraph();
        return p < content.changes().length ? content.changes()[p] : -1;
    }

    int lineNumberAt(int row) {
        return content == null || row >= content.lineNumbers().length ? 0 : content.lineNumbers()[row];
    }

    private Node gutter(int row) {
        int number = lineNumberAt(row);
        Label label = new Label(number == 0 ? "" : Integer.toString(number));
        label.getStyleClass().add("diff-lineno");
        int digits = content == null ? 3 : Math.max(3, Integer.toString(content.lineNumbers().length).length());
        // the paragraph box sizes its graphic by pref width: both, so every row's text starts at the same x
        label.setMinWidth(digits * 8 + 12);
        label.setPrefWidth(digits * 8 + 12);
        if (content != null && row < content.kinds().length) {
            Collection<String> style = content.paragraphStyle(row, false);
            style.forEach(s -> label.getStyleClass().add(s + "-gutter"));
        }
        return label;
    }
}
