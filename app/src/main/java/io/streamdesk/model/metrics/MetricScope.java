package io.streamdesk.model.metrics;

/** What a series describes: a whole job, one vertex (task) of it, one subtask, one TaskManager, the JobManager. */
public enum MetricScope {
    JOB, VERTEX, SUBTASK, TASK_MANAGER, JOB_MANAGER
}
