package io.streamdesk.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor for the start-up figure: one Label in a Stage. Prints {@code SHOWN <epoch ms>} once the window is
 * shown and the FX thread has run one more pulse, then exits. Run by bench/startup.sh, not by the tests.
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
        stage.setScene(new Scene(new Label("Hello"), 1200, 800));
        stage.setOnShown(e -> Platform.runLater(() -> {
            System.out.println("SHOWN " + System.currentTimeMillis());
            Platform.exit();
        }));
        stage.show();
    }
}
