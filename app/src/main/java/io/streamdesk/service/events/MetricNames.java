package io.streamdesk.service.events;

/**
 * Canonical metric names (MO3) the event rules read, as the monitoring branch's MetricName spells them. Ratios (CPU load) are 0..1; times are milliseconds
 * (GC time is cumulative; backpressured and busy time are per second, 0..1000).
 */
public final class MetricNames {
    public static final String TM_CPU_LOAD = "taskmanager_status_jvm_cpu_load";
    public static final String JM_CPU_LOAD = "jobmanager_status_jvm_cpu_load";
    public static final String TM_OLD_GC_TIME = "taskmanager_status_jvm_gc_old_time";
    public static final String JM_OLD_GC_TIME = "jobmanager_status_jvm_gc_old_time";
    public static final String TASK_BACKPRESSURED_TIME = "taskmanager_job_task_backpressuredtimemspersecond";
    public static final String TASK_BUSY_TIME = "taskmanager_job_task_busytimemspersecond";
    public static final String FAILED_CHECKPOINTS = "job_numberoffailedcheckpoints";
    public static final String RESTARTS = "jobmanager_job_numrestarts";

    private MetricNames() {
    }
}
