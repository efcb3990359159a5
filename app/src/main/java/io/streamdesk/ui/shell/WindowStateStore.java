package io.streamdesk.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Window geometry, theme, split position and the last open job (D2), in a small properties file of the data
 * directory ({@code window.properties}). The window needs them before the database opens, and a plain file is
 * read in a few milliseconds on the start-up path (ADR 0001). Losing the file costs a window position, never data.
 */
public final class WindowStateStore {
    public static final String FILE_NAME = "window.properties";

    /** Window bounds; {@code maximized} wins over the bounds when restoring. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Path file;
    private final Properties values = new Properties();

    /** Reads {@code file} if it exists; a missing or unreadable file means defaults. */
    public WindowStateStore(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                values.clear(); // a damaged file: start from the defaults
            }
        }
    }

    /** The store of a data directory. */
    public static WindowStateStore inDirectory(Path dataDir) {
        return new WindowStateStore(dataDir.resolve(FILE_NAME));
    }

    public Optional<Bounds> bounds() {
        double w = number("window.width", -1);
        double h = number("window.height", -1);
        if (w < 200 || h < 150) {
            return Optional.empty();
        }
        return Optional.of(new Bounds(number("window.x", 0), number("window.y", 0), w, h,
                Boolean.parseBoolean(values.getProperty("window.maximized"))));
    }

    public void saveBounds(Bounds b) {
        values.setProperty("window.x", Double.toString(b.x()));
        values.setProperty("window.y", Double.toString(b.y()));
        values.setProperty("window.width", Double.toString(b.width()));
        values.setProperty("window.height", Double.toString(b.height()));
        values.setProperty("window.maximized", Boolean.toString(b.maximized()));
        flush();
    }

    public boolean darkTheme() {
        return Boolean.parseBoolean(values.getProperty("theme.dark"));
    }

    public void saveDarkTheme(boolean dark) {
        values.setProperty("theme.dark", Boolean.toString(dark));
        flush();
    }

    public double editorSplit() {
        return number("split.editor", 0.75);
    }

    /** Kept in memory; written with the next flush (a divider drag would otherwise write on every pixel). */
    public void saveEditorSplit(double position) {
        values.setProperty("split.editor", Double.toString(position));
    }

    public Optional<String> lastOpenJob() {
        return Optional.ofNullable(values.getProperty("job.lastOpen"));
    }

    public void saveLastOpenJob(String jobId) {
        if (jobId == null) {
            values.remove("job.lastOpen");
        } else {
            values.setProperty("job.lastOpen", jobId);
        }
        flush();
    }

    /** Writes the file through a temporary file and a rename, so a crash leaves the old or the new file. */
    public synchronized void flush() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "StreamDesk window state");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // losing the window position is harmless; never fail the app over it
        }
    }

    private double number(String key, double fallback) {
        String v = values.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
