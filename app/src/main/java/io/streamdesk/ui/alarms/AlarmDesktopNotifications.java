package io.streamdesk.ui.alarms;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.service.Services;
import javafx.application.Platform;

/** Desktop notifications (ControlsFX) for alarm changes of rules that ask for them (AL2). */
public final class AlarmDesktopNotifications {
    private AlarmDesktopNotifications() {
    }

    public static void attach(Services s) {
        s.alarms().addDesktopListener(n -> Platform.runLater(() -> {
            try {
                var notice = org.controlsfx.control.Notifications.create()
                        .title((n.state() == AlarmNotification.State.TRIGGERED ? "Alarm: " : "Cleared: ") + n.ruleName())
                        .text((n.jobId() == null ? "" : n.jobId().value() + " — ") + n.message())
                        .hideAfter(javafx.util.Duration.seconds(8));
                if (n.state() == AlarmNotification.State.TRIGGERED) {
                    notice.showWarning();
                } else {
                    notice.showInformation();
                }
            } catch (RuntimeException e) {
                // no window to anchor to (closing, headless): the in-app list still has it
            }
        }));
    }
}
