package io.streamdesk.flink.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.service.port.ClusterGateway.CheckpointSummary;
import io.streamdesk.service.port.ClusterGateway.ClusterOverview;
import io.streamdesk.service.port.ClusterGateway.FlinkJobDetails;
import io.streamdesk.service.port.ClusterGateway.SavepointOperation;
import io.streamdesk.service.port.ClusterGateway.TaskManagerResources;

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
            memory += tm.path("hardware").path("physicalMemory").asLong();
        }
        return new TaskManagerResources(count, slots, free, count == 0 ? -1 : cores, count == 0 ? -1L : memory);
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
