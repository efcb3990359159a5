package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.EventKinds;
import io.streamdesk.model.Severity;

/** What a rule found: the event to record, before dedup gives it an id. */
public record Finding(EventKind kind, Severity severity, String cause, String evidence, String fix) {

    public static Finding of(EventKind kind, String cause, String evidence, String fix) {
        return new Finding(kind, EventKinds.severity(kind), cause, evidence, fix);
    }
}
