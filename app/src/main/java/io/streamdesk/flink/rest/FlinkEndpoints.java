package io.streamdesk.flink.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.service.port.CheckpointReader.CheckpointEntry;
import io.streamdesk.service.port.CheckpointReader.CheckpointSummary;
import io.streamdesk.service.port.MetricsReader.JobPlan;
import io.streamdesk.service.port.MetricsReader.PlanVertex;
import io.streamdesk.service.port.ClusterStatusReader.ClusterOverview;
import io.streamdesk.service.port.JobControl.FlinkJobDetails;
import io.streamdesk.service.port.JobControl.SavepointOperation;
import io.streamdesk.service.port.ClusterStatusReader.TaskManagerResources;

import java.util.ArrayList;
import java.util.List;

/**
 * The Flink REST endpoints StreamDesk calls, with the mapping of their JSON answers (field names as in Flink's
 * REST API documentation). Mappings are tolerant: a missing field becomes 0 or null rather than an error,
 * because a remote cluster may run a slightly different 2.x release.
 */
public final class FlinkEndpoints {

    public static final RestEndpoint<String> CONFIG =
            new RestEndpoint<>("GET", "/config", json -> text(json, "flink-version"));

    /**
     * {@code POST /jobs} (multipart: the serialized job graph): answers {@code {"jobUrl": "/jobs/<id>"}}; the Flink
     * job id is its last segment.
     */
    public static final RestEndpoint<String> SUBMIT_JOB =
            new RestEndpoint<>("POST", "/jobs", json -> {
                String url = text(json, "jobUrl");
                if (url == null || url.isBlank()) {
                    throw new io.streamdesk.service.port.ClusterCallException(202,
                            "Flink accepted the job but did not say its id: " + json);
                }
                return url.substring(url.lastIndexOf('/') + 1);
            });

    public static final RestEndpoint<ClusterOverview> OVERVIEW =
            new RestEndpoint<>("GET", "/overview", json -> new ClusterOverview(
                    text(json, "flink-version"),
                    json.path("taskmanagers").asInt(),
                    json.path("slots-total").asInt(),
                    json.path("slots-available").asInt(),
                    json.path("jobs-running").asInt(),
                    json.path("jobs-finished").asInt(),
                    json.path("jobs-cancelled").asInt(),
                    json.path("jobs-failed").asInt()));

    /** Slots, cores and physical memory summed over the TaskManagers (the local cluster has one). */
    public static final RestEndpoint<TaskManagerResources> TASK_MANAGERS =
            new RestEndpoint<>("GET", "/taskmanagers", FlinkEndpoints::taskManagerResources);

    public static final RestEndpoint<List<FlinkJobSummary>> JOBS_OVERVIEW =
            new RestEndpoint<>("GET", "/jobs/overview", FlinkEndpoints::jobSummaries);

    public static final RestEndpoint<FlinkJobDetails> JOB_DETAILS =
            new RestEndpoint<>("GET", "/jobs/:jobid", json -> new FlinkJobDetails(
                    text(json, "jid"),
                    text(json, "name"),
                    text(json, "state"),
                    json.path("start-time").asLong(),
                    json.path("end-time").asLong(),
                    json.path("vertices").size(),
                    null));

    /** The newest failure of a job; the 2.x answer has {@code exceptionHistory}, older ones {@code root-exception}. */
    public static final RestEndpoint<String> JOB_EXCEPTIONS =
            new RestEndpoint<>("GET", "/jobs/:jobid/exceptions?maxExceptions=1", FlinkEndpoints::newestFailure);

    /** The newest failures (a global one lists the task failures with it; an older entry may name the task). */
    public static final RestEndpoint<io.streamdesk.service.port.ClusterGateway.JobFailure> JOB_FAILURE =
            new RestEndpoint<>("GET", "/jobs/:jobid/exceptions?maxExceptions=3", FailureChain::newest);

    /** State, times and record counts of a job (J4 "Finished"). */
    public static final RestEndpoint<io.streamdesk.service.port.ClusterGateway.JobOutcome> JOB_OUTCOME =
            new RestEndpoint<>("GET", "/jobs/:jobid", FlinkEndpoints::jobOutcome);

    /** Body: {@code {"targetDirectory": ..., "drain": false}}; answers the asynchronous operation's id. */
    public static final RestEndpoint<String> STOP_WITH_SAVEPOINT =
            new RestEndpoint<>("POST", "/jobs/:jobid/stop", json -> text(json, "request-id"));

    public static final RestEndpoint<SavepointOperation> SAVEPOINT_STATUS =
            new RestEndpoint<>("GET", "/jobs/:jobid/savepoints/:triggerid", json -> new SavepointOperation(
                    text(json.path("status"), "id"),
                    text(json.path("operation"), "location"),
                    failureText(json.path("operation").path("failure-cause"))));

    /** Answers 202 with an empty body. */
    public static final RestEndpoint<Void> CANCEL =
            new RestEndpoint<>("PATCH", "/jobs/:jobid?mode=cancel", json -> null);

    public static final RestEndpoint<CheckpointSummary> CHECKPOINTS =
            new RestEndpoint<>("GET", "/jobs/:jobid/checkpoints", json -> new CheckpointSummary(
                    json.path("counts").path("completed").asLong(),
                    json.path("counts").path("failed").asLong(),
                    json.path("counts").path("in_progress").asLong(),
                    text(json.path("latest").path("completed"), "external_path"),
                    text(json.path("latest").path("savepoint"), "external_path")));

    public static final RestEndpoint<List<io.streamdesk.service.port.ClusterGateway.Vertex>> JOB_VERTICES =
            new RestEndpoint<>("GET", "/jobs/:jobid", json -> {
                List<io.streamdesk.service.port.ClusterGateway.Vertex> vertices = new ArrayList<>();
                for (JsonNode v : json.path("vertices")) {
                    vertices.add(new io.streamdesk.service.port.ClusterGateway.Vertex(text(v, "id"), text(v, "name")));
                }
                return vertices;
            });

    public static final RestEndpoint<String> LATEST_CHECKPOINT_FAILURE =
            new RestEndpoint<>("GET", "/jobs/:jobid/checkpoints",
                    json -> text(json.path("latest").path("failed"), "failure_message"));
    // ---- monitoring (MO1, C1) ----

    /** The job graph of {@code GET /jobs/:jobid}: vertex names and parallelism, inputs from its {@code plan}. */
    public static final RestEndpoint<JobPlan> JOB_PLAN =
            new RestEndpoint<>("GET", "/jobs/:jobid", FlinkEndpoints::jobPlan);

    /** Without {@code ?get=}: the metric ids; with it: {@code [{"id": ..., "value": "..."}]}. */
    public static final RestEndpoint<JsonNode> JOB_METRICS =
            new RestEndpoint<>("GET", "/jobs/:jobid/metrics", json -> json);

    /** Per-subtask metrics of a vertex, ids prefixed with the subtask index ({@code 0.numRecordsIn}). */
    public static final RestEndpoint<JsonNode> VERTEX_METRICS =
            new RestEndpoint<>("GET", "/jobs/:jobid/vertices/:vertexid/metrics", json -> json);

    public static final RestEndpoint<List<String>> TASK_MANAGER_IDS =
            new RestEndpoint<>("GET", "/taskmanagers", json -> {
                List<String> ids = new ArrayList<>();
                json.path("taskmanagers").forEach(tm -> ids.add(text(tm, "id")));
                return ids;
            });

    public static final RestEndpoint<JsonNode> TASK_MANAGER_METRICS =
            new RestEndpoint<>("GET", "/taskmanagers/:taskmanagerid/metrics", json -> json);

    public static final RestEndpoint<JsonNode> JOB_MANAGER_METRICS =
            new RestEndpoint<>("GET", "/jobmanager/metrics", json -> json);

    public static final RestEndpoint<List<CheckpointEntry>> CHECKPOINT_HISTORY =
            new RestEndpoint<>("GET", "/jobs/:jobid/checkpoints", FlinkEndpoints::checkpointHistory);

    /** Body: {@code {"target-directory": ..., "cancel-job": false}}; answers the asynchronous operation's id. */
    public static final RestEndpoint<String> TRIGGER_SAVEPOINT =
            new RestEndpoint<>("POST", "/jobs/:jobid/savepoints", json -> text(json, "request-id"));

    /** The ids of a metric listing ({@code [{"id": ...}, ...]}). */
    static List<String> metricIds(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.forEach(m -> {
            String id = text(m, "id");
            if (id != null) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Numeric values of a metric answer; values that are not numbers (paths, states) are left out. */
    static java.util.Map<String, Double> metricValues(JsonNode json) {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        json.forEach(m -> {
            String id = text(m, "id");
            String value = text(m, "value");
            if (id != null && value != null) {
                try {
                    values.put(id, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    // not a number: skip
                }
            }
        });
        return values;
    }

    private static JobPlan jobPlan(JsonNode json) {
        java.util.Map<String, List<String>> inputs = new java.util.HashMap<>();
        for (JsonNode node : json.path("plan").path("nodes")) {
            List<String> in = new ArrayList<>();
            node.path("inputs").forEach(i -> in.add(text(i, "id")));
            inputs.put(text(node, "id"), in);
        }
        List<PlanVertex> vertices = new ArrayList<>();
        for (JsonNode v : json.path("vertices")) {
            String id = text(v, "id");
            vertices.add(new PlanVertex(id, text(v, "name"), v.path("parallelism").asInt(1),
                    List.copyOf(inputs.getOrDefault(id, List.of()))));
        }
        return new JobPlan(vertices);
    }

    /**
     * Records read = what the source tasks emitted ({@code write-records} of the vertices nothing feeds), records
     * written = what the sink tasks received ({@code read-records} of the vertices that feed nothing). Flink counts
     * only records sent between tasks: a job chained into one task has no count (null), not zero.
     */
    static io.streamdesk.service.port.ClusterGateway.JobOutcome jobOutcome(JsonNode json) {
        JobPlan plan = jobPlan(json);
        java.util.Set<String> sources = new java.util.HashSet<>();
        plan.sources().forEach(v -> sources.add(v.id()));
        java.util.Set<String> sinks = new java.util.HashSet<>();
        plan.sinks().forEach(v -> sinks.add(v.id()));
        long read = 0;
        long written = 0;
        boolean counted = false;
        for (JsonNode v : json.path("vertices")) {
            String id = text(v, "id");
            boolean source = sources.contains(id);
            boolean sink = sinks.contains(id);
            if (source && sink) {
                continue; // one task from source to sink: nothing crossed a network boundary
            }
            if (source) {
                read += v.path("metrics").path("write-records").asLong();
                counted = true;
            }
            if (sink) {
                written += v.path("metrics").path("read-records").asLong();
                counted = true;
            }
        }
        return new io.streamdesk.service.port.ClusterGateway.JobOutcome(text(json, "state"),
                json.path("start-time").asLong(), json.path("end-time").asLong(),
                counted ? read : null, counted ? written : null);
    }

    private static List<CheckpointEntry> checkpointHistory(JsonNode json) {
        List<CheckpointEntry> entries = new ArrayList<>();
        for (JsonNode c : json.path("history")) {
            long size = c.has("checkpointed_size") ? c.path("checkpointed_size").asLong() : c.path("state_size").asLong();
            long full = c.path("state_size").asLong();
            entries.add(new CheckpointEntry(
                    c.path("id").asLong(),
                    text(c, "status"),
                    text(c, "checkpoint_type"),
                    c.path("is_savepoint").asBoolean(),
                    c.path("trigger_timestamp").asLong(),
                    c.path("latest_ack_timestamp").asLong(),
                    c.path("end_to_end_duration").asLong(),
                    Math.max(size, full),
                    text(c, "external_path"),
                    c.path("discarded").asBoolean(),
                    text(c, "failure_message")));
        }
        return entries;
    }

    private FlinkEndpoints() {
    }

    private static TaskManagerResources taskManagerResources(JsonNode json) {
        int count = 0;
        int slots = 0;
        int free = 0;
        int cores = 0;
        long memory = 0;
        for (JsonNode tm : json.path("taskmanagers")) {
            count++;
            slots += tm.path("slotsNumber").asInt();
            free += tm.path("freeSlots").asInt();
            cores += tm.path("hardware").path("cpuCores").asInt();
            memory += Math.max(0, taskManagerMemory(tm));
        }
        return new TaskManagerResources(count, slots, free, count == 0 ? -1 : cores, count == 0 || memory <= 0 ? -1L : memory);
    }

    /**
     * The memory of one TaskManager as Flink configured it: {@code memoryConfiguration.totalProcessMemory}. A
     * MiniCluster reports an unbounded task heap there (more than the machine has); then its JVM heap
     * ({@code hardware.freeMemory} is the JVM's maximum heap) plus managed memory is what the tasks really get.
     * The host's {@code physicalMemory} is never the answer: it says nothing about what Flink may use.
     */
    static long taskManagerMemory(JsonNode tm) {
        long process = tm.path("memoryConfiguration").path("totalProcessMemory").asLong();
        long physical = tm.path("hardware").path("physicalMemory").asLong();
        if (process > 0 && (physical <= 0 || process <= physical)) {
            return process;
        }
        long heap = tm.path("hardware").path("freeMemory").asLong();
        long managed = tm.path("hardware").path("managedMemory").asLong();
        return heap > 0 ? heap + Math.max(0, managed) : -1;
    }

    private static List<FlinkJobSummary> jobSummaries(JsonNode json) {
        List<FlinkJobSummary> jobs = new ArrayList<>();
        for (JsonNode job : json.path("jobs")) {
            jobs.add(new FlinkJobSummary(
                    text(job, "jid"),
                    text(job, "name"),
                    text(job, "state"),
                    job.path("start-time").asLong(),
                    job.path("end-time").asLong(),
                    job.path("tasks").path("running").asInt(),
                    job.path("tasks").path("total").asInt()));
        }
        return jobs;
    }

    private static String newestFailure(JsonNode json) {
        JsonNode entries = json.path("exceptionHistory").path("entries");
        if (entries.size() > 0) {
            JsonNode newest = entries.get(0);
            String trace = text(newest, "stacktrace");
            return trace != null ? firstLine(trace) : text(newest, "exceptionName");
        }
        String root = text(json, "root-exception");
        return root == null ? null : firstLine(root);
    }

    /** A failure cause is a serialized throwable: its class and stack trace; the first line says what happened. */
    private static String failureText(JsonNode cause) {
        if (cause.isMissingNode() || cause.isNull()) {
            return null;
        }
        String trace = text(cause, "stack-trace");
        if (trace != null && !trace.isBlank()) {
            return firstLine(trace);
        }
        String className = text(cause, "class");
        return className != null ? className : cause.toString();
    }

    static String firstLine(String s) {
        int newline = s.indexOf('\n');
        return (newline < 0 ? s : s.substring(0, newline)).strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
