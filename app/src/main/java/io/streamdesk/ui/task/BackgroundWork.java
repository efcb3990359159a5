package io.streamdesk.ui.task;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Counts tasks in flight for the status bar; changed only on the UI thread. */
public final class BackgroundWork {
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper lastTitle = new ReadOnlyStringWrapper("");

    public void started(String title) {
        running.set(running.get() + 1);
        lastTitle.set(title == null ? "" : title);
    }

    public void finished() {
        running.set(Math.max(0, running.get() - 1));
        if (running.get() == 0) {
            lastTitle.set("");
        }
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The title of the most recently started task, empty when idle. */
    public ReadOnlyStringProperty lastTitleProperty() {
        return lastTitle.getReadOnlyProperty();
    }
}
