package io.streamdesk.service.prometheus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * MO4: a Grafana dashboard JSON (schema 39) with one time-series panel per canonical metric name (MO3), over a
 * Prometheus data source chosen at import ({@code ${DS_PROMETHEUS}}) and a {@code job_name} variable.
 */
public final class GrafanaDashboard {
    /** The canonical names the dashboard shows (MO3), in the order of the Overview and Checkpoints pages. */
    public static final List<String> METRICS = List.of(
            "job_records_in_per_second", "job_records_out_per_second", "job_bytes_in_per_second",
            "job_bytes_out_per_second", "job_latency", "job_service_delay", "job_cpu_load",
            "jobmanager_job_numrestarts", "job_lastcheckpointduration", "job_lastcheckpointsize",
            "job_numberoffailedcheckpoints", "job_numberofcompletedcheckpoints", "job_uptime",
            "taskmanager_job_task_backpressuredtimemspersecond", "taskmanager_job_task_dataskewcoefficient",
            "jobmanager_numregisteredtaskmanagers", "jobmanager_taskslotsavailable", "jobmanager_taskslotstotal");

    private static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaDashboard() {
    }

    public static String json(String title, List<String> metrics) {
        ObjectNode d = JSON.createObjectNode();
        d.put("title", title);
        d.put("uid", "streamdesk-" + Integer.toHexString(title.hashCode()));
        d.put("schemaVersion", 39);
        d.put("refresh", "30s");
        d.putObject("time").put("from", "now-6h").put("to", "now");
        ObjectNode input = d.putArray("__inputs").addObject();
        input.put("name", "DS_PROMETHEUS").put("label", "Prometheus").put("type", "datasource").put("pluginId", "prometheus");
        ObjectNode variable = d.putObject("templating").putArray("list").addObject();
        variable.put("name", "job_name").put("type", "query").put("query", "label_values(job_uptime, job_name)")
                .put("includeAll", true).put("multi", true);
        variable.putObject("datasource").put("type", "prometheus").put("uid", "${DS_PROMETHEUS}");
        ArrayNode panels = d.putArray("panels");
        for (int i = 0; i < metrics.size(); i++) {
            String m = metrics.get(i);
            ObjectNode p = panels.addObject();
            p.put("id", i + 1).put("type", "timeseries").put("title", m);
            p.putObject("gridPos").put("x", (i % 2) * 12).put("y", (i / 2) * 8).put("w", 12).put("h", 8);
            p.putObject("datasource").put("type", "prometheus").put("uid", "${DS_PROMETHEUS}");
            ObjectNode target = p.putArray("targets").addObject();
            target.put("refId", "A").put("expr", m + "{job_name=~\"$job_name\"}").put("legendFormat", "{{job_name}} {{subtask_index}}");
        }
        return d.toPrettyString();
    }
}
