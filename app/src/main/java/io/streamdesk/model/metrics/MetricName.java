package io.streamdesk.model.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The app's canonical metric names (MO3). Each maps to one or more Flink metrics; the mapping per Flink version
 * lives in the sampler (see docs/metrics.md). {@link #id()} is the stored and exported name.
 */
public enum MetricName {
    // ---- job, summed over its source / sink vertices ----
    JOB_RECORDS_IN_PER_SECOND("job_records_in_per_second", MetricScope.JOB, MetricKind.GAUGE, "records/s"),
    JOB_RECORDS_OUT_PER_SECOND("job_records_out_per_second", MetricScope.JOB, MetricKind.GAUGE, "records/s"),
    JOB_BYTES_IN_PER_SECOND("job_bytes_in_per_second", MetricScope.JOB, MetricKind.GAUGE, "bytes/s"),
    JOB_BYTES_OUT_PER_SECOND("job_bytes_out_per_second", MetricScope.JOB, MetricKind.GAUGE, "bytes/s"),
    JOB_LATENCY("job_latency", MetricScope.JOB, MetricKind.GAUGE, "ms"),
    /** Records a source has yet to read (Kafka: the consumer lag), over all source subtasks that report it (MO3). */
    JOB_RECORDS_LAG_MIN("kafka_records_lag_min", MetricScope.JOB, MetricKind.GAUGE, "records"),
    JOB_RECORDS_LAG_MAX("kafka_records_lag_max", MetricScope.JOB, MetricKind.GAUGE, "records"),
    JOB_RECORDS_LAG_MEAN("kafka_records_lag_mean", MetricScope.JOB, MetricKind.GAUGE, "records"),
    JOB_RECORDS_LAG_SUM("kafka_records_lag_sum", MetricScope.JOB, MetricKind.GAUGE, "records"),
    /** now - the smallest input watermark of the sink vertices. */
    JOB_SERVICE_DELAY("job_service_delay", MetricScope.JOB, MetricKind.GAUGE, "ms"),
    /** CPU load of the TaskManagers the job runs on (0..1 per core as Flink reports it). */
    JOB_CPU_LOAD("job_cpu_load", MetricScope.JOB, MetricKind.GAUGE, "load"),
    JOB_LAST_CHECKPOINT_DURATION("job_lastcheckpointduration", MetricScope.JOB, MetricKind.GAUGE, "ms"),
    JOB_LAST_CHECKPOINT_SIZE("job_lastcheckpointsize", MetricScope.JOB, MetricKind.GAUGE, "bytes"),
    JOB_COMPLETED_CHECKPOINTS("job_numberofcompletedcheckpoints", MetricScope.JOB, MetricKind.COUNTER, ""),
    JOB_FAILED_CHECKPOINTS("job_numberoffailedcheckpoints", MetricScope.JOB, MetricKind.COUNTER, ""),
    JOB_IN_PROGRESS_CHECKPOINTS("job_numberofinprogresscheckpoints", MetricScope.JOB, MetricKind.GAUGE, ""),
    JOB_TOTAL_CHECKPOINTS("job_totalnumberofcheckpoints", MetricScope.JOB, MetricKind.COUNTER, ""),
    JOB_RESTARTS("jobmanager_job_numrestarts", MetricScope.JOB, MetricKind.COUNTER, ""),
    JOB_UPTIME("job_uptime", MetricScope.JOB, MetricKind.GAUGE, "ms"),
    JOB_RESTARTING_TIME("job_restartingtime", MetricScope.JOB, MetricKind.GAUGE, "ms"),
    JOB_DOWNTIME("jobmanager_downtime", MetricScope.JOB, MetricKind.GAUGE, "ms"),

    // ---- tasks (per vertex: summed or worst over subtasks; per subtask: as reported) ----
    TASK_RECORDS_IN_PER_SECOND("taskmanager_job_task_numrecordsinpersecond", MetricScope.SUBTASK, MetricKind.GAUGE, "records/s"),
    TASK_RECORDS_OUT_PER_SECOND("taskmanager_job_task_numrecordsoutpersecond", MetricScope.SUBTASK, MetricKind.GAUGE, "records/s"),
    TASK_BYTES_IN_PER_SECOND("taskmanager_job_task_numbytesinpersecond", MetricScope.SUBTASK, MetricKind.GAUGE, "bytes/s"),
    TASK_BYTES_OUT_PER_SECOND("taskmanager_job_task_numbytesoutpersecond", MetricScope.SUBTASK, MetricKind.GAUGE, "bytes/s"),
    TASK_BACKPRESSURED_TIME("taskmanager_job_task_backpressuredtimemspersecond", MetricScope.SUBTASK, MetricKind.GAUGE, "ms/s"),
    TASK_BUSY_TIME("taskmanager_job_task_busytimemspersecond", MetricScope.SUBTASK, MetricKind.GAUGE, "ms/s"),
    TASK_IDLE_TIME("taskmanager_job_task_idletimemspersecond", MetricScope.SUBTASK, MetricKind.GAUGE, "ms/s"),
    TASK_INPUT_WATERMARK("taskmanager_job_task_currentinputwatermark", MetricScope.SUBTASK, MetricKind.GAUGE, "epoch ms"),
    TASK_IN_POOL_USAGE("taskmanager_job_task_buffers_inpoolusage", MetricScope.SUBTASK, MetricKind.GAUGE, "ratio"),
    TASK_OUT_POOL_USAGE("taskmanager_job_task_buffers_outpoolusage", MetricScope.SUBTASK, MetricKind.GAUGE, "ratio"),
    TASK_INPUT_QUEUE_LENGTH("taskmanager_job_task_buffers_inputqueuelength", MetricScope.SUBTASK, MetricKind.GAUGE, "buffers"),
    TASK_OUTPUT_QUEUE_LENGTH("taskmanager_job_task_buffers_outputqueuelength", MetricScope.SUBTASK, MetricKind.GAUGE, "buffers"),
    /** A source subtask's backlog: Flink's standard source metric pendingRecords (Kafka: the consumer lag). */
    TASK_PENDING_RECORDS("taskmanager_job_task_operator_pendingrecords", MetricScope.SUBTASK, MetricKind.GAUGE, "records"),
    /** Standard deviation / mean of the subtasks' records in per second; 0 when all subtasks get the same. */
    TASK_DATA_SKEW("taskmanager_job_task_dataskewcoefficient", MetricScope.VERTEX, MetricKind.GAUGE, "ratio"),

    // ---- TaskManager JVM ----
    TM_CPU_LOAD("taskmanager_status_jvm_cpu_load", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "load"),
    TM_HEAP_USED("taskmanager_status_jvm_memory_heap_used", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_HEAP_COMMITTED("taskmanager_status_jvm_memory_heap_committed", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_HEAP_MAX("taskmanager_status_jvm_memory_heap_max", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_HEAP_PERCENTAGE("taskmanager_status_jvm_memory_heap_percentage", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "%"),
    TM_NON_HEAP_USED("taskmanager_status_jvm_memory_nonheap_used", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_NON_HEAP_COMMITTED("taskmanager_status_jvm_memory_nonheap_committed", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_NON_HEAP_MAX("taskmanager_status_jvm_memory_nonheap_max", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_DIRECT_COUNT("taskmanager_status_jvm_memory_direct_count", MetricScope.TASK_MANAGER, MetricKind.GAUGE, ""),
    TM_DIRECT_USED("taskmanager_status_jvm_memory_direct_memoryused", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_DIRECT_MAX("taskmanager_status_jvm_memory_direct_totalcapacity", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_MAPPED_COUNT("taskmanager_status_jvm_memory_mapped_count", MetricScope.TASK_MANAGER, MetricKind.GAUGE, ""),
    TM_MAPPED_USED("taskmanager_status_jvm_memory_mapped_memoryused", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_MAPPED_MAX("taskmanager_status_jvm_memory_mapped_totalcapacity", MetricScope.TASK_MANAGER, MetricKind.GAUGE, "bytes"),
    TM_YOUNG_GC_COUNT("taskmanager_status_jvm_gc_young_count", MetricScope.TASK_MANAGER, MetricKind.COUNTER, ""),
    TM_YOUNG_GC_TIME("taskmanager_status_jvm_gc_young_time", MetricScope.TASK_MANAGER, MetricKind.COUNTER, "ms"),
    TM_OLD_GC_COUNT("taskmanager_status_jvm_gc_old_count", MetricScope.TASK_MANAGER, MetricKind.COUNTER, ""),
    TM_OLD_GC_TIME("taskmanager_status_jvm_gc_old_time", MetricScope.TASK_MANAGER, MetricKind.COUNTER, "ms"),
    TM_THREADS("taskmanager_status_jvm_threads_count", MetricScope.TASK_MANAGER, MetricKind.GAUGE, ""),
    TM_NETWORK_SEGMENTS_AVAILABLE("taskmanager_status_shuffle_netty_availablememorysegments", MetricScope.TASK_MANAGER, MetricKind.GAUGE, ""),
    TM_NETWORK_SEGMENTS_TOTAL("taskmanager_status_shuffle_netty_totalmemorysegments", MetricScope.TASK_MANAGER, MetricKind.GAUGE, ""),

    // ---- JobManager JVM and cluster ----
    JM_CPU_LOAD("jobmanager_status_jvm_cpu_load", MetricScope.JOB_MANAGER, MetricKind.GAUGE, "load"),
    JM_HEAP_USED("jobmanager_status_jvm_memory_heap_used", MetricScope.JOB_MANAGER, MetricKind.GAUGE, "bytes"),
    JM_HEAP_MAX("jobmanager_status_jvm_memory_heap_max", MetricScope.JOB_MANAGER, MetricKind.GAUGE, "bytes"),
    JM_NON_HEAP_USED("jobmanager_status_jvm_memory_nonheap_used", MetricScope.JOB_MANAGER, MetricKind.GAUGE, "bytes"),
    JM_YOUNG_GC_COUNT("jobmanager_status_jvm_gc_young_count", MetricScope.JOB_MANAGER, MetricKind.COUNTER, ""),
    JM_YOUNG_GC_TIME("jobmanager_status_jvm_gc_young_time", MetricScope.JOB_MANAGER, MetricKind.COUNTER, "ms"),
    JM_OLD_GC_COUNT("jobmanager_status_jvm_gc_old_count", MetricScope.JOB_MANAGER, MetricKind.COUNTER, ""),
    JM_OLD_GC_TIME("jobmanager_status_jvm_gc_old_time", MetricScope.JOB_MANAGER, MetricKind.COUNTER, "ms"),
    JM_THREADS("jobmanager_status_jvm_threads_count", MetricScope.JOB_MANAGER, MetricKind.GAUGE, ""),
    JM_REGISTERED_TASK_MANAGERS("jobmanager_numregisteredtaskmanagers", MetricScope.JOB_MANAGER, MetricKind.GAUGE, ""),
    JM_TASK_SLOTS_AVAILABLE("jobmanager_taskslotsavailable", MetricScope.JOB_MANAGER, MetricKind.GAUGE, ""),
    JM_TASK_SLOTS_TOTAL("jobmanager_taskslotstotal", MetricScope.JOB_MANAGER, MetricKind.GAUGE, "");

    private final String id;
    private final MetricScope scope;
    private final MetricKind kind;
    private final String unit;

    MetricName(String id, MetricScope scope, MetricKind kind, String unit) {
        this.id = id;
        this.scope = scope;
        this.kind = kind;
        this.unit = unit;
    }

    /** The canonical name, e.g. {@code job_records_in_per_second}. */
    public String id() {
        return id;
    }

    /** The scope a series of this metric has; SUBTASK metrics are also stored per VERTEX (summed or worst). */
    public MetricScope scope() {
        return scope;
    }

    public MetricKind kind() {
        return kind;
    }

    public String unit() {
        return unit;
    }

    public static Optional<MetricName> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
