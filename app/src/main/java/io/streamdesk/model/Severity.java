package io.streamdesk.model;

/** How bad an event is; the timeline colors by it. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
