package io.streamdesk.service.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A cluster's job graphs and metrics (MO1, EV3), one batched request per job, vertex or TaskManager (Flink's
 * {@code ?get=a,b,c}). Metric ids differ between Flink versions: list them before asking for values. Errors as
 * {@link ClusterStatusReader} says.
 */
public interface MetricsReader {

    /** {@code GET /jobs/:jobid}: the job graph's vertices with their inputs (sources have none). */
    JobPlan jobPlan(String flinkJobId);

    /** {@code GET /jobs/:jobid}: the job's vertices (operators) from the sources to the sinks. */
    List<Vertex> vertices(String flinkJobId);

    /** {@code GET /jobs/:jobid/metrics}: the ids of the job-level metrics the cluster has. */
    List<String> jobMetricIds(String flinkJobId);

    /** {@code GET /jobs/:jobid/metrics?get=a,b,c}: numeric values of the asked ids that exist (one request). */
    Map<String, Double> jobMetrics(String flinkJobId, Collection<String> ids);

    /** {@code GET /jobs/:jobid/vertices/:vertexid/metrics}: ids such as {@code 0.numRecordsIn} (per subtask). */
    List<String> vertexMetricIds(String flinkJobId, String vertexId);

    /** {@code GET /jobs/:jobid/vertices/:vertexid/metrics?get=...}: values of every subtask in one request. */
    Map<String, Double> vertexMetrics(String flinkJobId, String vertexId, Collection<String> ids);

    /** {@code GET /taskmanagers}: ids of the registered TaskManagers. */
    List<String> taskManagerIds();

    /** {@code GET /taskmanagers/:taskmanagerid/metrics}. */
    List<String> taskManagerMetricIds(String taskManagerId);

    /** {@code GET /taskmanagers/:taskmanagerid/metrics?get=...}. */
    Map<String, Double> taskManagerMetrics(String taskManagerId, Collection<String> ids);

    /** {@code GET /jobmanager/metrics}. */
    List<String> jobManagerMetricIds();

    /** {@code GET /jobmanager/metrics?get=...}. */
    Map<String, Double> jobManagerMetrics(Collection<String> ids);

    record Vertex(String id, String name) {
    }

    /** A vertex (task) of a job graph; {@code inputs} are the ids of the vertices feeding it. */
    record PlanVertex(String id, String name, int parallelism, List<String> inputs) {
    }

    record JobPlan(List<PlanVertex> vertices) {
        /** Vertices nothing feeds. */
        public List<PlanVertex> sources() {
            return vertices.stream().filter(v -> v.inputs().isEmpty()).toList();
        }

        /** Vertices that feed nothing. */
        public List<PlanVertex> sinks() {
            java.util.Set<String> feeding = new java.util.HashSet<>();
            vertices.forEach(v -> feeding.addAll(v.inputs()));
            return vertices.stream().filter(v -> !feeding.contains(v.id())).toList();
        }
    }
}
