package io.streamdesk.model.metrics;

import io.streamdesk.model.JobId;

import java.util.Objects;

/**
 * Names one time series: whose it is ({@code owner}: a job id, or {@code cluster:<id>} for TaskManager and
 * JobManager series), which metric, and the {@code subject} inside the owner ("" for the job or JobManager itself,
 * a vertex id, {@code <vertex id>#<subtask index>}, or a TaskManager id). Build keys with the factory methods.
 */
public record SeriesKey(String owner, MetricName metric, String subject) {
    public static final int MAX_OWNER = 80;
    public static final int MAX_SUBJECT = 200;
    private static final String CLUSTER_PREFIX = "cluster:";

    public SeriesKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(subject, "subject");
        if (owner.isEmpty() || owner.length() > MAX_OWNER) {
            throw new IllegalArgumentException("Series owner must have 1.." + MAX_OWNER + " characters: " + owner);
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("Series subject longer than " + MAX_SUBJECT + " characters");
        }
    }

    public static SeriesKey job(JobId job, MetricName metric) {
        return new SeriesKey(job.value(), metric, "");
    }

    public static SeriesKey vertex(JobId job, MetricName metric, String vertexId) {
        return new SeriesKey(job.value(), metric, vertexId);
    }

    public static SeriesKey subtask(JobId job, MetricName metric, String vertexId, int subtask) {
        return new SeriesKey(job.value(), metric, vertexId + "#" + subtask);
    }

    public static SeriesKey taskManager(String clusterId, MetricName metric, String taskManagerId) {
        return new SeriesKey(clusterOwner(clusterId), metric, taskManagerId);
    }

    public static SeriesKey jobManager(String clusterId, MetricName metric) {
        return new SeriesKey(clusterOwner(clusterId), metric, "");
    }

    /** The owner of a cluster's TaskManager and JobManager series. */
    public static String clusterOwner(String clusterId) {
        return CLUSTER_PREFIX + clusterId;
    }

    /** The subtask index of a subtask series, or -1. */
    public int subtaskIndex() {
        int hash = subject.lastIndexOf('#');
        if (hash < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(subject.substring(hash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The vertex id of a vertex or subtask series. */
    public String vertexId() {
        int hash = subject.lastIndexOf('#');
        return hash < 0 ? subject : subject.substring(0, hash);
    }

    @Override
    public String toString() {
        return owner + "/" + metric.id() + (subject.isEmpty() ? "" : "/" + subject);
    }
}
