package io.streamdesk.ui;

import io.streamdesk.ui.shell.WindowStateStore;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores and saves the main window's bounds, never placing it off every screen (a monitor was unplugged). */
final class WindowBounds {

    private WindowBounds() {
    }

    static void restore(Stage stage, WindowStateStore store) {
        store.bounds().ifPresentOrElse(b -> {
            boolean visible = Screen.getScreensForRectangle(b.x(), b.y(), Math.min(b.width(), 100), 40).size() > 0;
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            if (visible) {
                stage.setX(b.x());
                stage.setY(b.y());
            } else {
                stage.centerOnScreen();
            }
            stage.setMaximized(b.maximized());
        }, () -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1280, screen.getWidth() * 0.9));
            stage.setHeight(Math.min(800, screen.getHeight() * 0.9));
        });
    }

    static void save(Stage stage, WindowStateStore store) {
        if (stage.isIconified()) {
            return;
        }
        store.saveBounds(new WindowStateStore.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()));
    }
}
