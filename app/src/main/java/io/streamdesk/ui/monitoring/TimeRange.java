package io.streamdesk.ui.monitoring;

import java.time.Duration;

/** Time ranges of the charts (MO2); CUSTOM takes its bounds from the view model. */
public enum TimeRange {
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    LAST_DAY("Last day", Duration.ofDays(1)),
    LAST_7_DAYS("Last 7 days", Duration.ofDays(7)),
    CUSTOM("Custom", null);

    private final String label;
    private final Duration length;

    TimeRange(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** Null for CUSTOM. */
    public Duration length() {
        return length;
    }

    @Override
    public String toString() {
        return label;
    }
}
