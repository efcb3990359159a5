package io.streamdesk.model;

/** Where a savepoint or checkpoint came from (C1). */
public enum SavepointSource {
    PERIODIC, MANUAL, ON_STOP
}
