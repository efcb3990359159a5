package io.streamdesk.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The anchor of the start-up figures: one Label in a Stage titled "Bare window". bench/startup.sh times its
 * MapNotify on the X server, then sends it a key press through the X server; the window prints {@code KEY} when
 * the key reached its FX thread (it answers input) and exits. Run by bench/startup.sh, not by the tests.
 */
public class BareWindow extends Application {

    /** The main class must not extend Application when JavaFX is on the class path (as for StreamDesk's Launcher). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("Hello"), 1280, 800);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            System.out.println("KEY " + System.currentTimeMillis());
            Platform.exit();
        });
        stage.setScene(scene);
        stage.setTitle("Bare window");
        stage.setOnShown(e -> Platform.runLater(() -> System.out.println("SHOWN " + System.currentTimeMillis())));
        stage.show();
    }
}
