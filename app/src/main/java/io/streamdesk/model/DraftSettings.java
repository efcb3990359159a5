package io.streamdesk.model;

/**
 * Keys of a draft's settings that have no column of their own yet: stored as key/value rows with the draft and
 * copied with it (J6).
 */
public final class DraftSettings {
    /** The job's log level (P6), a {@link LogLevel} name. */
    public static final String LOG_LEVEL = "log.level";
    /** The Flink version the job runs on; absent means the cluster's default. */
    public static final String FLINK_VERSION = "flink.version";
    // JobManager and TaskManager specs live in the draft's JobConfig (P5), not here.

    private DraftSettings() {
    }
}
