package io.streamdesk.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;

/**
 * Start-up markers for bench/startup.sh and bench/memory.sh (only with {@code -Dstreamdesk.bench.markers=true}).
 * The script times the window's MapNotify on the X server itself; these lines say what only the app knows:
 * <ul>
 *   <li>{@code LISTED <rows>}: a pulse has laid out and rendered the job table with rows, with the "Opening data…"
 *   cover gone, and the FX thread has come back idle after it (the line is printed from a later runLater);</li>
 *   <li>{@code KEY}: a key press the script sent through the X server reached the FX thread: the window answers
 *   input. The start-up figure is the time of this line, stamped by the script when it reads it. Then the app quits
 *   (as the window's close does, when the bench asked for it with {@code -Dstreamdesk.bench.exitOnKey=true}).</li>
 * </ul>
 */
final class StartupMarkers {
    private StartupMarkers() {
    }

    static void install(Scene scene) {
        boolean exitOnKey = Boolean.getBoolean("streamdesk.bench.exitOnKey");
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            int rows = listedRows(scene);
            if (rows > 0) {
                scene.removePostLayoutPulseListener(check[0]);
                // this pulse renders the rows; the next one renders only after it on the one render thread, and a
                // runLater after that runs once the FX thread has nothing else queued first
                Runnable[] next = new Runnable[1];
                next[0] = () -> {
                    scene.removePostLayoutPulseListener(next[0]);
                    Platform.runLater(() -> System.out.println("LISTED " + rows));
                };
                scene.addPostLayoutPulseListener(next[0]);
                Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            System.out.println("KEY " + e.getCode());
            if (exitOnKey) {
                Platform.exit();
            }
        });
    }

    private static int listedRows(Scene scene) {
        Node table = scene.lookup("#jobsTable");
        Node cover = scene.lookup("#openingData");
        if (!(table instanceof TableView<?> view) || !view.isVisible() || view.getScene() == null
                || (cover != null && cover.isVisible())) {
            return 0;
        }
        for (Node n = view; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return 0;
            }
        }
        return view.getItems().size();
    }
}
