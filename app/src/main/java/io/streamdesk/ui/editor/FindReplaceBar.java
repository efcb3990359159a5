package io.streamdesk.ui.editor;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;

/** Find (Ctrl+F) and replace (Ctrl+H) above the editor; Enter finds next, Shift+Enter previous, Esc closes. */
public final class FindReplaceBar extends VBox {
    private final CodeArea area;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final Label count = new Label();
    private final HBox replaceRow;

    public FindReplaceBar(CodeArea area) {
        this.area = area;
        getStyleClass().add("find-bar");
        setPadding(new Insets(4, 8, 4, 8));
        setSpacing(4);
        find.setId("findField");
        find.setPromptText("Find");
        replace.setId("replaceField");
        replace.setPromptText("Replace with");
        Button next = button("Next", "findNextButton", this::next);
        Button prev = button("Previous", "findPreviousButton", this::previous);
        Button close = button("✕", "findCloseButton", this::close);
        Button one = button("Replace", "replaceButton", this::replaceOne);
        Button all = button("Replace all", "replaceAllButton", this::replaceAll);
        HBox.setHgrow(find, Priority.ALWAYS);
        HBox.setHgrow(replace, Priority.ALWAYS);
        Region spacer = new Region();
        spacer.setMinWidth(Region.USE_PREF_SIZE);
        HBox findRow = row(find, prev, next, count, close);
        replaceRow = row(replace, one, all);
        getChildren().addAll(findRow, replaceRow);
        find.textProperty().addListener((o, a, b) -> updateCount());
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    previous();
                } else {
                    next();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        replace.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        close();
    }

    public void showFind(boolean withReplace) {
        setVisible(true);
        setManaged(true);
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
        if (!area.getSelectedText().isEmpty() && !area.getSelectedText().contains("\n")) {
            find.setText(area.getSelectedText());
        }
        find.requestFocus();
        find.selectAll();
        updateCount();
    }

    public void close() {
        setVisible(false);
        setManaged(false);
        area.requestFocus();
    }

    private void next() {
        select(TextSearch.next(area.getText(), find.getText(), area.getSelection().getEnd()));
    }

    private void previous() {
        select(TextSearch.previous(area.getText(), find.getText(), area.getSelection().getStart()));
    }

    private void replaceOne() {
        String q = find.getText();
        if (!q.isEmpty() && area.getSelectedText().equalsIgnoreCase(q)) {
            area.replaceSelection(replace.getText());
        }
        next();
        updateCount();
    }

    private void replaceAll() {
        String text = area.getText();
        String replaced = TextSearch.replaceAll(text, find.getText(), replace.getText());
        if (!replaced.equals(text)) {
            // one edit, so a single undo brings the old text back
            area.replaceText(replaced);
        }
        updateCount();
    }

    private void select(TextSearch.Match m) {
        if (m != null) {
            area.selectRange(m.start(), m.end());
            area.requestFollowCaret();
        }
    }

    private void updateCount() {
        int n = TextSearch.count(area.getText(), find.getText());
        count.setText(find.getText().isEmpty() ? "" : n + (n == 1 ? " match" : " matches"));
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
