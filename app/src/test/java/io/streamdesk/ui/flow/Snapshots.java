package io.streamdesk.ui.flow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Scene snapshots to PNG without javafx-swing (copies pixels into an AWT image). */
final class Snapshots {

    private Snapshots() {
    }

    static void write(FxRobot robot, Scene scene, Path out) {
        robot.interact(() -> {
            WritableImage image = scene.snapshot(null);
            try {
                Files.createDirectories(out.toAbsolutePath().getParent());
                ImageIO.write(toBuffered(image), "png", out.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        return buffered;
    }
}
