package io.streamdesk.model;

/** What the app knows about a cluster's availability (R1, R6). */
public enum ClusterHealth {
    STOPPED("Stopped"), STARTING("Starting"), RUNNING("Running"), UNREACHABLE("Unreachable"), FAILED("Failed");

    private final String label;

    ClusterHealth(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
