package io.streamdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Uses the second core while the first starts the JavaFX toolkit: loads (without initialising) the classes the
 * main window needs, from a list recorded by bench/preload-list.sh. Loading a class
 * twice is harmless, so the list may be stale: it only makes start-up slower, never wrong.
 */
final class StartupPreloader {
    static final String LIST = "/startup/preload-classes.txt";

    private StartupPreloader() {
    }

    static void startInBackground() {
        if (!Boolean.parseBoolean(System.getProperty("streamdesk.preload", "true"))) {
            return; // bench/preload-list.sh records what the window itself loads
        }
        Thread t = new Thread(StartupPreloader::preload, "streamdesk-preload");
        t.setDaemon(true);
        t.start();
    }

    private static void preload() {
        ClassLoader loader = StartupPreloader.class.getClassLoader();
        try (InputStream in = StartupPreloader.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                load(line.strip(), loader);
            }
        } catch (IOException e) {
            // only a speed-up: ignore
        }
    }

    private static void load(String name, ClassLoader loader) {
        if (name.isEmpty() || name.startsWith("#")) {
            return;
        }
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // a class of another version or platform: skip it
        }
    }
}
