package io.streamdesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads {@code /fxml/...} with a given view object as its controller (views are built with their view model). */
public final class Fxml {

    private Fxml() {
    }

    public static <T extends Parent> T load(String resource, Object controller) {
        URL url = Fxml.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("FXML not on the classpath: " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + resource, e);
        }
    }
}
