package io.streamdesk.model;

/** The user-facing job status of J4. */
public enum JobStatus {
    /** Created, never saved. */
    UNINITIALIZED("Uninitialized"),
    /** A draft is saved but no version is published. */
    UNPUBLISHED("Unpublished"),
    /** An operation (run, stop) is in flight. */
    OPERATING("Operating"),
    RUNNING("Running"),
    /**
     * Flink is restarting the job after a failure (its restart strategy). Shown, not stored: the stored status
     * stays RUNNING and the cluster's answer turns it into Restarting (with the restart count).
     */
    RESTARTING("Restarting"),
    /** A bounded or batch job ran to its end (J4); its run carries the end time and record counts. */
    FINISHED("Finished"),
    STOPPED("Stopped"),
    ERROR("Error");

    private final String label;

    JobStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
