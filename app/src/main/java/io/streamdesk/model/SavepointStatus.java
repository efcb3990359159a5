package io.streamdesk.model;

/** Status of a checkpoint or savepoint (C1). */
public enum SavepointStatus {
    IN_PROGRESS, COMPLETED, FAILED, EXPIRED, CLEARED
}
