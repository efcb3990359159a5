package io.streamdesk.model;

import java.time.Instant;

/**
 * Something that happened to a job or a cluster. {@code jobId} is null for cluster events. {@code message} is the
 * cause; detected events also carry the evidence (metric values or log lines), a suggested fix and, once the
 * recovery arrived, when they were cleared.
 */
public record JobEvent(long id, JobId jobId, int runInstance, EventKind kind, Instant at, String message,
                       Severity severity, String evidence, String fix, Instant clearedAt) {

    public JobEvent {
        severity = severity == null ? EventKinds.severity(kind) : severity;
        evidence = evidence == null ? "" : evidence;
        fix = fix == null ? "" : fix;
    }

    /** An event without diagnosis (state changes recorded by operations). */
    public JobEvent(long id, JobId jobId, int runInstance, EventKind kind, Instant at, String message) {
        this(id, jobId, runInstance, kind, at, message, null, null, null, null);
    }

    public JobEvent withId(long newId) {
        return new JobEvent(newId, jobId, runInstance, kind, at, message, severity, evidence, fix, clearedAt);
    }

    public JobEvent clearedAt(Instant when) {
        return new JobEvent(id, jobId, runInstance, kind, at, message, severity, evidence, fix, when);
    }

    public boolean cleared() {
        return clearedAt != null;
    }
}
