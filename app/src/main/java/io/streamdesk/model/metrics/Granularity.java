package io.streamdesk.model.metrics;

import java.time.Duration;

/** Resolution of a read; each has its own retention (MO1). */
public enum Granularity {
    RAW(Duration.ZERO, Duration.ofHours(24), "raw"),
    ONE_MINUTE(Duration.ofMinutes(1), Duration.ofDays(7), "1 min"),
    FIVE_MINUTES(Duration.ofMinutes(5), Duration.ofDays(90), "5 min");

    private final Duration bucket;
    private final Duration retention;
    private final String label;

    Granularity(Duration bucket, Duration retention, String label) {
        this.bucket = bucket;
        this.retention = retention;
        this.label = label;
    }

    /** Bucket width; zero for raw samples. */
    public Duration bucket() {
        return bucket;
    }

    /** How long points of this granularity are kept. */
    public Duration retention() {
        return retention;
    }

    public String label() {
        return label;
    }

    /** The start of the bucket holding {@code timestamp}. */
    public long bucketStart(long timestamp) {
        long width = bucket.toMillis();
        return width == 0 ? timestamp : Math.floorDiv(timestamp, width) * width;
    }
}
