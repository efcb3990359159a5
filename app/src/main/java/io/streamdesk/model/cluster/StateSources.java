package io.streamdesk.model.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What every source of truth last said about a cluster or a job (ARCHITECTURE key decision 3), and whether they
 * disagree: on Kubernetes the operator's FlinkDeployment status and Flink's REST API; for a job also what Flink's REST
 * API last confirmed about its run. A page shows each reading with its last-seen time and marks a disagreement, so a
 * stale "RUNNING" from one source never hides that another one says otherwise.
 *
 * @param readings     one per source, in the order the page lists them
 * @param disagreement why the sources disagree, in words ("Operator says STABLE / READY, but Flink REST says
 *                     Unreachable"); null when they agree (or there is only one)
 */
public record StateSources(List<SourceReading> readings, String disagreement) {
    /** The source name of the operator's FlinkDeployment status (what the Kubernetes adapter reports). */
    public static final String OPERATOR = "Operator";
    /** The source name of the JobManager's REST API. */
    public static final String FLINK_REST = "Flink REST";
    /** The source name of a job's run as Flink's REST API last confirmed it. */
    public static final String JOB = "Flink REST (job)";
    public static final StateSources NONE = new StateSources(List.of(), null);

    public StateSources {
        readings = List.copyOf(readings);
        disagreement = disagreement == null || disagreement.isBlank() ? null : disagreement;
    }

    /**
     * The readings of one cluster; they disagree when some say "running and well" and others do not (the operator
     * READY while the REST API does not answer, or the REST API answering while the operator reports an error).
     */
    public static StateSources of(List<SourceReading> readings) {
        return new StateSources(readings, disagreement(readings));
    }

    public boolean disagree() {
        return disagreement != null;
    }

    public boolean isEmpty() {
        return readings.isEmpty();
    }

    /** Null when every reading is healthy or every one is not; else the sentence naming both sides. */
    public static String disagreement(List<SourceReading> readings) {
        List<SourceReading> well = new ArrayList<>();
        List<SourceReading> notWell = new ArrayList<>();
        for (SourceReading r : readings) {
            (r.healthy() ? well : notWell).add(r);
        }
        if (well.isEmpty() || notWell.isEmpty()) {
            return null;
        }
        return says(well) + ", but " + says(notWell);
    }

    /** "12 s ago", "3 min ago", "2 h ago", "4 d ago"; "never" without a time. */
    public static String age(java.time.Instant seenAt, java.time.Instant now) {
        if (seenAt == null) {
            return "never";
        }
        long s = Math.max(0, java.time.Duration.between(seenAt, now).getSeconds());
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min ago";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h ago";
        }
        return s / 86400 + " d ago";
    }

    private static String says(List<SourceReading> readings) {
        List<String> parts = new ArrayList<>();
        for (SourceReading r : readings) {
            parts.add(r.source() + " says " + r.value());
        }
        return String.join(" and ", parts);
    }
}
