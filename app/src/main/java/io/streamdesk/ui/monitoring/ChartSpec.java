package io.streamdesk.ui.monitoring;

import io.streamdesk.model.JobId;
import io.streamdesk.model.metrics.MetricName;
import io.streamdesk.model.metrics.SeriesKey;

import java.util.ArrayList;
import java.util.List;

/** One chart of a page: its title, unit and the series it draws with their legend names. */
record ChartSpec(String title, String unit, List<SeriesKey> keys, List<String> names, String notReported) {

    static ChartSpec of(String title, String unit) {
        return new ChartSpec(title, unit, new ArrayList<>(), new ArrayList<>(), null);
    }

    /** What the empty chart says when the running job does not report these metrics (MO2: empty states say why). */
    ChartSpec whenNotReported(String why) {
        return new ChartSpec(title, unit, keys, names, why);
    }

    ChartSpec line(String name, SeriesKey key) {
        keys.add(key);
        names.add(name);
        return this;
    }

    /** The charts of a page. {@code taskManagers} for Overview, {@code subtasks} for Tasks. */
    static List<ChartSpec> forPage(MonitoringPage page, JobId job, String cluster, List<String> taskManagers,
                                   String taskManager, String vertex, int subtasks) {
        List<ChartSpec> charts = new ArrayList<>();
        switch (page) {
            case OVERVIEW -> {
                charts.add(of("Records per second", "/s")
                        .line("in", SeriesKey.job(job, MetricName.JOB_RECORDS_IN_PER_SECOND))
                        .line("out", SeriesKey.job(job, MetricName.JOB_RECORDS_OUT_PER_SECOND)));
                charts.add(of("Bytes per second", "bytes/s")
                        .line("in", SeriesKey.job(job, MetricName.JOB_BYTES_IN_PER_SECOND))
                        .line("out", SeriesKey.job(job, MetricName.JOB_BYTES_OUT_PER_SECOND)));
                charts.add(of("Latency", "ms").line("latency", SeriesKey.job(job, MetricName.JOB_LATENCY))
                        .whenNotReported("Latency needs latency tracking: add metrics.latency.interval (e.g. 30 s) to the"
                                + " job's parameters. It costs some throughput, so it is off by default."));
                charts.add(of("Sink watermark delay", "ms").line("now - sink watermark", SeriesKey.job(job, MetricName.JOB_SERVICE_DELAY))
                        .whenNotReported("No watermark reaches the sinks: the job's sources define none"
                                + " (WATERMARK FOR ... in a table's DDL)."));
                charts.add(of("Records lag (Kafka)", "records")
                        .line("max", SeriesKey.job(job, MetricName.JOB_RECORDS_LAG_MAX))
                        .line("mean", SeriesKey.job(job, MetricName.JOB_RECORDS_LAG_MEAN))
                        .line("sum", SeriesKey.job(job, MetricName.JOB_RECORDS_LAG_SUM))
                        .whenNotReported("No source of this job reports a backlog (pendingRecords); Kafka sources do."));
                charts.add(of("Restarts", "").line("restarts", SeriesKey.job(job, MetricName.JOB_RESTARTS)));
                ChartSpec cpu = of("TaskManager CPU load", "");
                ChartSpec heap = of("TaskManager heap used", "bytes");
                ChartSpec gcTime = of("TaskManager old-GC time", "ms");
                ChartSpec gcCount = of("TaskManager old-GC count", "");
                for (String tm : taskManagers) {
                    String n = shortId(tm);
                    cpu.line(n, SeriesKey.taskManager(cluster, MetricName.TM_CPU_LOAD, tm));
                    heap.line(n, SeriesKey.taskManager(cluster, MetricName.TM_HEAP_USED, tm));
                    gcTime.line(n, SeriesKey.taskManager(cluster, MetricName.TM_OLD_GC_TIME, tm));
                    gcCount.line(n, SeriesKey.taskManager(cluster, MetricName.TM_OLD_GC_COUNT, tm));
                }
                charts.addAll(List.of(cpu, heap, gcTime, gcCount));
            }
            case CHECKPOINTS -> {
                charts.add(of("Last checkpoint size", "bytes").line("size", SeriesKey.job(job, MetricName.JOB_LAST_CHECKPOINT_SIZE)));
                charts.add(of("Last checkpoint duration", "ms").line("duration", SeriesKey.job(job, MetricName.JOB_LAST_CHECKPOINT_DURATION)));
                charts.add(of("Failed checkpoints", "").line("failed", SeriesKey.job(job, MetricName.JOB_FAILED_CHECKPOINTS)));
                charts.add(of("Completed checkpoints", "").line("completed", SeriesKey.job(job, MetricName.JOB_COMPLETED_CHECKPOINTS)));
            }
            case JOB_MANAGER -> {
                charts.add(of("CPU load", "").line("cpu", SeriesKey.jobManager(cluster, MetricName.JM_CPU_LOAD)));
                charts.add(of("Heap", "bytes").line("used", SeriesKey.jobManager(cluster, MetricName.JM_HEAP_USED))
                        .line("max", SeriesKey.jobManager(cluster, MetricName.JM_HEAP_MAX)));
                charts.add(of("GC count", "").line("young", SeriesKey.jobManager(cluster, MetricName.JM_YOUNG_GC_COUNT))
                        .line("old", SeriesKey.jobManager(cluster, MetricName.JM_OLD_GC_COUNT)));
                charts.add(of("GC time", "ms").line("young", SeriesKey.jobManager(cluster, MetricName.JM_YOUNG_GC_TIME))
                        .line("old", SeriesKey.jobManager(cluster, MetricName.JM_OLD_GC_TIME)));
            }
            case TASK_MANAGER -> {
                if (taskManager != null) {
                    String tm = taskManager;
                    charts.add(of("CPU load", "").line("cpu", SeriesKey.taskManager(cluster, MetricName.TM_CPU_LOAD, tm)));
                    charts.add(of("Heap", "bytes").line("used", SeriesKey.taskManager(cluster, MetricName.TM_HEAP_USED, tm))
                            .line("committed", SeriesKey.taskManager(cluster, MetricName.TM_HEAP_COMMITTED, tm))
                            .line("max", SeriesKey.taskManager(cluster, MetricName.TM_HEAP_MAX, tm)));
                    charts.add(of("GC count", "").line("young", SeriesKey.taskManager(cluster, MetricName.TM_YOUNG_GC_COUNT, tm))
                            .line("old", SeriesKey.taskManager(cluster, MetricName.TM_OLD_GC_COUNT, tm)));
                    charts.add(of("GC time", "ms").line("young", SeriesKey.taskManager(cluster, MetricName.TM_YOUNG_GC_TIME, tm))
                            .line("old", SeriesKey.taskManager(cluster, MetricName.TM_OLD_GC_TIME, tm)));
                    charts.add(of("Process memory", "bytes")
                            .line("non-heap", SeriesKey.taskManager(cluster, MetricName.TM_NON_HEAP_USED, tm))
                            .line("direct", SeriesKey.taskManager(cluster, MetricName.TM_DIRECT_USED, tm))
                            .line("mapped", SeriesKey.taskManager(cluster, MetricName.TM_MAPPED_USED, tm)));
                    charts.add(of("Network segments", "")
                            .line("available", SeriesKey.taskManager(cluster, MetricName.TM_NETWORK_SEGMENTS_AVAILABLE, tm))
                            .line("total", SeriesKey.taskManager(cluster, MetricName.TM_NETWORK_SEGMENTS_TOTAL, tm)));
                    charts.add(of("Threads", "").line("threads", SeriesKey.taskManager(cluster, MetricName.TM_THREADS, tm)));
                }
            }
            case TASKS -> {
                if (vertex != null) {
                    charts.add(perSubtask("Records in per second", "/s", job, MetricName.TASK_RECORDS_IN_PER_SECOND, vertex, subtasks));
                    charts.add(perSubtask("Records out per second", "/s", job, MetricName.TASK_RECORDS_OUT_PER_SECOND, vertex, subtasks));
                    charts.add(perSubtask("Backpressured time", "ms/s", job, MetricName.TASK_BACKPRESSURED_TIME, vertex, subtasks));
                    charts.add(perSubtask("Busy time", "ms/s", job, MetricName.TASK_BUSY_TIME, vertex, subtasks));
                    charts.add(of("Data skew (stddev / mean of subtask input)", "")
                            .line("skew", SeriesKey.vertex(job, MetricName.TASK_DATA_SKEW, vertex)));
                    charts.add(perSubtask("In pool usage", "", job, MetricName.TASK_IN_POOL_USAGE, vertex, subtasks));
                    charts.add(perSubtask("Out pool usage", "", job, MetricName.TASK_OUT_POOL_USAGE, vertex, subtasks));
                    charts.add(perSubtask("Input queue length", "", job, MetricName.TASK_INPUT_QUEUE_LENGTH, vertex, subtasks));
                    charts.add(perSubtask("Output queue length", "", job, MetricName.TASK_OUTPUT_QUEUE_LENGTH, vertex, subtasks));
                    charts.add(perSubtask("Current input watermark", "", job, MetricName.TASK_INPUT_WATERMARK, vertex, subtasks));
                }
            }
        }
        return charts;
    }

    private static ChartSpec perSubtask(String title, String unit, JobId job, MetricName metric, String vertex,
                                        int subtasks) {
        ChartSpec spec = of(title, unit);
        for (int i = 0; i < Math.max(1, subtasks); i++) {
            spec.line("subtask " + i, SeriesKey.subtask(job, metric, vertex, i));
        }
        return spec;
    }

    static String shortId(String id) {
        return id.length() <= 10 ? id : id.substring(0, 8) + "…";
    }
}
