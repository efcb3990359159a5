package io.streamdesk.ui.help;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/** Help > Keyboard shortcuts (F1): every shortcut, grouped by where it works. */
public final class ShortcutsDialog {

    private ShortcutsDialog() {
    }

    public static void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        TableView<KeyboardShortcuts.Shortcut> table = new TableView<>();
        table.setId("shortcutTable");
        table.getItems().setAll(KeyboardShortcuts.all());
        TableColumn<KeyboardShortcuts.Shortcut, String> area = new TableColumn<>("Where");
        area.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().area()));
        area.setPrefWidth(90);
        area.setMinWidth(85);
        TableColumn<KeyboardShortcuts.Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().keys()));
        keys.setPrefWidth(220);
        keys.setMinWidth(210);
        keys.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("shortcut-key");
                if (!empty) {
                    getStyleClass().add("shortcut-key");
                }
            }
        });
        TableColumn<KeyboardShortcuts.Shortcut, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().action()));
        action.setPrefWidth(380);
        table.getColumns().setAll(java.util.List.of(area, keys, action));
        table.setPrefSize(820, 600);
        dialog.getDialogPane().setPrefWidth(860);
        dialog.getDialogPane().setMinWidth(860);
        dialog.setResizable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
