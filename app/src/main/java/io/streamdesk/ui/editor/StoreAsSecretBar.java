package io.streamdesk.ui.editor;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The editor's "Store as secret" (S2): a bar above the code while a password-like option is written in plain text,
 * an item in the code area's context menu, and Alt+Enter on the value. Each replaces the quoted value with
 * {@code ${secret:<id>}} as one undoable edit once the secret store has the value.
 */
public final class StoreAsSecretBar {
    public static final KeyCombination STORE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.ALT_DOWN);

    private final StoreAsSecretViewModel vm;
    private final SqlCodeArea area;
    private final HBox root = new HBox(8);
    private final MenuItem storeItem = new MenuItem("Store as secret");

    public StoreAsSecretBar(StoreAsSecretViewModel vm, SqlCodeArea area) {
        this.vm = vm;
        this.area = area;
        FontIcon lock = new FontIcon(Feather.LOCK);
        lock.getStyleClass().add("secret-hint-icon");
        Label hint = new Label();
        hint.setId("secretHint");
        hint.textProperty().bind(vm.hintProperty());
        Button store = new Button("Store as secret");
        store.setId("storeAsSecretButton");
        store.setOnAction(e -> storeAtCaret());
        store.disableProperty().bind(vm.storingProperty());
        Label keys = new Label("Alt+Enter on the value");
        keys.getStyleClass().add("secret-hint-keys");
        Label status = new Label();
        status.setId("secretStatus");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("secret-status");
        root.getChildren().addAll(lock, hint, store, keys, status);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 8, 4, 8));
        root.getStyleClass().add("secret-hint-bar");
        root.setId("secretHintBar");
        // visible while there is something to say: a plain password, or the outcome of the last action
        root.visibleProperty().bind(vm.hintProperty().isNotEmpty().or(vm.statusProperty().isNotEmpty()));
        root.managedProperty().bind(root.visibleProperty());
        store.visibleProperty().bind(vm.hintProperty().isNotEmpty());
        store.managedProperty().bind(store.visibleProperty());
        keys.visibleProperty().bind(store.visibleProperty());
        keys.managedProperty().bind(store.visibleProperty());
        lock.visibleProperty().bind(store.visibleProperty());
        lock.managedProperty().bind(store.visibleProperty());

        area.plainTextChanges().subscribe(ch -> vm.textChanged(area::getText));
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (STORE.match(e)) {
                storeAtCaret();
                e.consume();
            }
        });
        area.setContextMenu(contextMenu());
    }

    public HBox root() {
        return root;
    }

    /** Stores the option at the caret, or the first plain one in the script. */
    public void storeAtCaret() {
        if (!area.isEditable()) {
            return;
        }
        Optional<PlainSecretOptions.Option> target = vm.target(area.getText(), area.getCaretPosition());
        target.ifPresent(option -> vm.store(option, area::getText, this::apply));
    }

    /** One undo step of its own: typing just before or after is not merged into it. */
    private void apply(EditorCommands.Edit edit) {
        area.getUndoManager().preventMerge();
        area.replaceText(edit.start(), edit.end(), edit.text());
        area.getUndoManager().preventMerge();
        area.moveTo(edit.start() + edit.text().length());
        area.requestFollowCaret();
    }

    private ContextMenu contextMenu() {
        storeItem.setId("storeAsSecretItem");
        storeItem.setAccelerator(STORE);
        storeItem.setOnAction(e -> storeAtCaret());
        MenuItem cut = new MenuItem("Cut");
        cut.setOnAction(e -> area.cut());
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> area.copy());
        MenuItem paste = new MenuItem("Paste");
        paste.setOnAction(e -> area.paste());
        MenuItem selectAll = new MenuItem("Select all");
        selectAll.setOnAction(e -> area.selectAll());
        ContextMenu menu = new ContextMenu(storeItem, new SeparatorMenuItem(), cut, copy, paste, selectAll);
        menu.setOnShowing(e -> storeItem.setDisable(!area.isEditable()
                || !vm.canStoreAt(area.getText(), area.getCaretPosition())));
        // a right click puts the caret where it points, so the item acts on the value under the mouse
        area.setOnContextMenuRequested(e -> {
            if (area.getSelection().getLength() == 0) {
                area.moveTo(area.hit(e.getX(), e.getY()).getInsertionIndex());
            }
        });
        return menu;
    }
}
