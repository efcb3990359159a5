package io.streamdesk.service.alarms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;

/** What every channel delivers: the notification, its rule and the JSON body (a webhook posts it as is). */
public record AlarmMessage(AlarmRule rule, AlarmNotification notification, ObjectNode json) {

    public String subject() {
        return "[StreamDesk] " + notification.state() + ": " + rule.name()
                + (notification.jobId() == null ? "" : " (" + notification.jobId().value() + ")");
    }
}
