package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.completion.CompletionItem;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;

/**
 * The completion popup of a {@link SqlCodeArea} (E2): a list under the caret with each proposal's name, its kind
 * (keyword, function, table, column, ...) and its type or place. The keys stay with the editor: Up/Down choose,
 * Enter or Tab insert, Esc closes, Ctrl+Space opens; typing goes on in the text. All state is in
 * {@link CompletionViewModel}.
 */
public final class CompletionPopup {
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);
    private static final int VISIBLE_ROWS = 10;
    private static final double ROW_HEIGHT = 24;

    private final CompletionViewModel vm;
    private final SqlCodeArea area;
    private final Popup popup = new Popup();
    private final ListView<CompletionItem> list = new ListView<>();
    /** True while the popup's own edit goes in, so that it is not taken for typing. */
    private boolean applying;

    public CompletionPopup(CompletionViewModel vm, SqlCodeArea area) {
        this.vm = vm;
        this.area = area;
        list.setId("completionList");
        list.getStyleClass().add("completion-list");
        list.setItems(vm.items());
        list.setCellFactory(lv -> new ItemCell());
        list.setFocusTraversable(false);
        list.setPrefWidth(460);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                accept();
            } else {
                vm.select(list.getSelectionModel().getSelectedIndex());
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        // a click elsewhere (Publish, another tab) closes the popup AND does what it was for, as in an IDE
        popup.setConsumeAutoHidingEvents(false);
        popup.setOnAutoHide(e -> vm.dismiss());
        wire();
    }

    public Popup popup() {
        return popup;
    }

    public ListView<CompletionItem> list() {
        return list;
    }

    private CompletionViewModel.Source source() {
        return new CompletionViewModel.Source() {
            @Override
            public String text() {
                return area.getText();
            }

            @Override
            public int caret() {
                return area.getCaretPosition();
            }
        };
    }

    private void wire() {
        vm.items().addListener((ListChangeListener<CompletionItem>) c ->
                list.setPrefHeight(Math.min(VISIBLE_ROWS, Math.max(1, vm.items().size())) * ROW_HEIGHT + 4));
        vm.selectedIndexProperty().addListener((o, a, b) -> {
            int i = b.intValue();
            if (i >= 0) {
                list.getSelectionModel().select(i);
                list.scrollTo(Math.max(0, i - VISIBLE_ROWS / 2));
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        vm.showingProperty().addListener((o, was, now) -> {
            if (now) {
                show();
            } else {
                popup.hide();
            }
        });
        area.plainTextChanges().subscribe(ch -> {
            if (applying || !area.isEditable()) {
                return;
            }
            String inserted = ch.getInserted();
            if (inserted.length() == 1 && ch.getRemoved().isEmpty()) {
                int paragraph = area.getCurrentParagraph();
                String line = area.getText(paragraph, 0, paragraph, area.getCaretColumn());
                vm.typed(inserted.charAt(0), line, source());
            } else if (inserted.isEmpty() && !ch.getRemoved().isEmpty()) {
                vm.deleted(source());
            } else {
                vm.dismiss(); // a paste, a format, an undo: not typing
            }
        });
        area.caretPositionProperty().addListener((o, a, b) -> vm.caretMoved(b));
        area.focusedProperty().addListener((o, a, focused) -> {
            if (!focused && !list.isFocused()) {
                vm.dismiss();
            }
        });
        // a filter, so that the popup's keys win over the editor's own (Enter indents, Tab inserts a tab)
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (OPEN.match(e)) {
                if (area.isEditable()) {
                    vm.requestNow(source());
                }
                e.consume();
                return;
            }
            if (!vm.isShowing() || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            switch (e.getCode()) {
                case UP -> vm.moveSelection(-1);
                case DOWN -> vm.moveSelection(1);
                case PAGE_UP -> vm.moveSelection(-VISIBLE_ROWS);
                case PAGE_DOWN -> vm.moveSelection(VISIBLE_ROWS);
                case ENTER, TAB -> accept();
                case ESCAPE -> vm.dismiss();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void accept() {
        Optional<CompletionViewModel.Edit> edit = vm.accept(area.getCaretPosition());
        edit.ifPresent(ed -> {
            applying = true;
            try {
                area.replaceText(ed.start(), Math.min(ed.end(), area.getLength()), ed.text());
                area.moveTo(ed.caret());
                area.requestFollowCaret();
            } finally {
                applying = false;
            }
        });
    }

    private void show() {
        if (area.getScene() == null || area.getScene().getWindow() == null) {
            return;
        }
        // the app's stylesheets, so the popup wears the window's theme
        popup.getScene().getStylesheets().setAll(area.getScene().getStylesheets());
        Optional<Bounds> caret = area.getCaretBounds();
        int anchor = vm.anchor();
        Optional<Bounds> at = anchor >= 0 && anchor < area.getCaretPosition()
                ? area.getCharacterBoundsOnScreen(anchor, anchor + 1) : caret;
        Bounds b = at.or(() -> caret).orElse(null);
        if (b == null) {
            return;
        }
        double x = b.getMinX() - 4;
        double y = caret.map(Bounds::getMaxY).orElse(b.getMaxY()) + 2;
        if (popup.isShowing()) {
            popup.setAnchorX(x);
            popup.setAnchorY(y);
        } else {
            popup.show(area, x, y);
        }
    }

    private static final class ItemCell extends ListCell<CompletionItem> {
        private final Label name = new Label();
        private final Label kind = new Label();
        private final Label detail = new Label();
        private final HBox box;

        ItemCell() {
            kind.getStyleClass().addAll("completion-kind");
            kind.setMinWidth(68);
            name.getStyleClass().add("completion-name");
            detail.getStyleClass().add("completion-detail");
            detail.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, kind, name, spacer, detail);
            box.setFillHeight(true);
        }

        @Override
        protected void updateItem(CompletionItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            kind.setText(item.kind().label());
            kind.getStyleClass().removeIf(s -> s.startsWith("completion-kind-"));
            kind.getStyleClass().add("completion-kind-" + item.kind().name().toLowerCase(java.util.Locale.ROOT));
            name.setText(item.label());
            detail.setText(item.detail());
            setText(null);
            setGraphic(box);
        }
    }
}
