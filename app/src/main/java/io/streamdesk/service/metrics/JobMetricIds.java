package io.streamdesk.service.metrics;

import io.streamdesk.model.metrics.MetricName;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Job-level metrics of the JobManager ({@code GET /jobs/:id/metrics}); the same names in Flink 1.x and 2.x. */
public final class JobMetricIds {
    static final Map<MetricName, String> FLINK_IDS = new EnumMap<>(Map.of(
            MetricName.JOB_UPTIME, "uptime",
            MetricName.JOB_RESTARTS, "numRestarts",
            MetricName.JOB_RESTARTING_TIME, "restartingTime",
            MetricName.JOB_DOWNTIME, "downtime",
            MetricName.JOB_LAST_CHECKPOINT_DURATION, "lastCheckpointDuration",
            MetricName.JOB_LAST_CHECKPOINT_SIZE, "lastCheckpointSize",
            MetricName.JOB_COMPLETED_CHECKPOINTS, "numberOfCompletedCheckpoints",
            MetricName.JOB_FAILED_CHECKPOINTS, "numberOfFailedCheckpoints",
            MetricName.JOB_IN_PROGRESS_CHECKPOINTS, "numberOfInProgressCheckpoints",
            MetricName.JOB_TOTAL_CHECKPOINTS, "totalNumberOfCheckpoints"));

    /** Older Flink releases name the restart count {@code fullRestarts}. */
    private static final String OLD_RESTARTS = "fullRestarts";

    private final Map<MetricName, String> ids;

    private JobMetricIds(Map<MetricName, String> ids) {
        this.ids = ids;
    }

    public static JobMetricIds resolve(Collection<String> available) {
        Set<String> all = new HashSet<>(available);
        Map<MetricName, String> ids = new LinkedHashMap<>();
        FLINK_IDS.forEach((name, id) -> {
            if (all.contains(id)) {
                ids.put(name, id);
            }
        });
        if (!ids.containsKey(MetricName.JOB_RESTARTS) && all.contains(OLD_RESTARTS)) {
            ids.put(MetricName.JOB_RESTARTS, OLD_RESTARTS);
        }
        return new JobMetricIds(ids);
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    public List<String> allIds() {
        return List.copyOf(ids.values());
    }

    public Map<MetricName, Double> canonical(Map<String, Double> answer) {
        Map<MetricName, Double> out = new EnumMap<>(MetricName.class);
        ids.forEach((name, id) -> {
            Double v = answer.get(id);
            if (v != null) {
                out.put(name, v);
            }
        });
        return out;
    }
}
