package io.streamdesk.ui.job;

import java.util.Objects;
import javafx.scene.Node;

/**
 * What a {@link JobTab}'s factory made: the node, and what to do when the tab is shown, hidden, or its page closes
 * (panes that poll do so only while they are showing).
 */
public record JobTabContent(Node node, Runnable onShown, Runnable onHidden, Runnable onClose) {
    private static final Runnable NOTHING = () -> { };

    public JobTabContent {
        Objects.requireNonNull(node, "node");
        onShown = onShown == null ? NOTHING : onShown;
        onHidden = onHidden == null ? NOTHING : onHidden;
        onClose = onClose == null ? NOTHING : onClose;
    }

    /** A pane that needs nothing on show, hide or close. */
    public static JobTabContent of(Node node) {
        return new JobTabContent(node, null, null, null);
    }

    /** A pane that polls while it is showing: active when shown, inactive when hidden or closed. */
    public static JobTabContent polling(Node node, Runnable activate, Runnable deactivate) {
        return new JobTabContent(node, activate, deactivate, deactivate);
    }
}
