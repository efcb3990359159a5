package io.streamdesk.ui.shell;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Window geometry, theme, split position and the last open job (D2), in java.util.prefs: the window needs them
 * before the data directory is known (the database opens in the background), and prefs are per user anyway.
 * Default node: {@code /io/streamdesk/ui} (on Linux under {@code ~/.java/.userPrefs/io/streamdesk/ui}).
 */
public final class WindowStateStore {
    public static final String DEFAULT_NODE = "/io/streamdesk/ui";

    /** Window bounds; {@code maximized} wins over the bounds when restoring. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Preferences prefs;

    public WindowStateStore(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's node; {@code -Dstreamdesk.prefsNode=/some/node} redirects it (tests, side-by-side installs). */
    public static WindowStateStore userDefault() {
        return new WindowStateStore(Preferences.userRoot().node(System.getProperty("streamdesk.prefsNode", DEFAULT_NODE)));
    }

    public Optional<Bounds> bounds() {
        double w = prefs.getDouble("window.width", -1);
        double h = prefs.getDouble("window.height", -1);
        if (w < 200 || h < 150) {
            return Optional.empty();
        }
        return Optional.of(new Bounds(prefs.getDouble("window.x", 0), prefs.getDouble("window.y", 0), w, h,
                prefs.getBoolean("window.maximized", false)));
    }

    public void saveBounds(Bounds b) {
        prefs.putDouble("window.x", b.x());
        prefs.putDouble("window.y", b.y());
        prefs.putDouble("window.width", b.width());
        prefs.putDouble("window.height", b.height());
        prefs.putBoolean("window.maximized", b.maximized());
        flush();
    }

    public boolean darkTheme() {
        return prefs.getBoolean("theme.dark", false);
    }

    public void saveDarkTheme(boolean dark) {
        prefs.putBoolean("theme.dark", dark);
        flush();
    }

    public double editorSplit() {
        return prefs.getDouble("split.editor", 0.75);
    }

    public void saveEditorSplit(double position) {
        prefs.putDouble("split.editor", position);
    }

    public Optional<String> lastOpenJob() {
        return Optional.ofNullable(prefs.get("job.lastOpen", null));
    }

    public void saveLastOpenJob(String jobId) {
        if (jobId == null) {
            prefs.remove("job.lastOpen");
        } else {
            prefs.put("job.lastOpen", jobId);
        }
        flush();
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // losing the window position is harmless; never fail the app over it
        }
    }
}
