package io.streamdesk.ui.task;

import javafx.application.Platform;

/** Where view model state may change: the FX thread in the app, the calling thread in tests. */
public interface UiThread {

    void run(Runnable action);

    /** Platform.runLater, or at once when already on the FX thread (keeps order and saves a hop). */
    static UiThread fx() {
        return action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        };
    }

    static UiThread direct() {
        return Runnable::run;
    }
}
