package io.streamdesk.ui.flow;

import javafx.scene.Scene;
import org.testfx.api.FxRobot;

import java.nio.file.Path;

/** {@link Snapshots} for tests in other packages. */
public final class SnapshotsAccess {
    private SnapshotsAccess() {
    }

    public static void write(FxRobot robot, Scene scene, Path out) {
        Snapshots.write(robot, scene, out);
    }
}
