package io.streamdesk.testing;

import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterGateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flink REST API in memory: submitted jobs run at once; stops and savepoints complete at once.
 * {@link #failSavepoints} makes stop-with-savepoint fail; a job the cluster does not know answers 404 to a stop.
 */
public final class FakeGateway implements ClusterGateway {
    public static final String REST_URL = "http://127.0.0.1:18081";
    public static final String FLINK_VERSION = "2.3.0";

    private final Map<String, String> states = new LinkedHashMap<>();
    private int nextId = 1;
    private String savepointFailure;

    /** Registers a submitted job as RUNNING with all tasks running; returns its Flink job id. */
    public synchronized String submit() {
        String id = String.format("%032x", nextId++);
        states.put(id, "RUNNING");
        return id;
    }

    /** A job graph upload: registers the job as {@link #submit()} does. */
    @Override
    public String submitJobGraph(byte[] serializedJobGraph, List<java.nio.file.Path> jars) {
        return submit();
    }

    /** Jars uploaded and not deleted yet, by id (JAR jobs, J1). */
    public final Map<String, java.nio.file.Path> uploadedJars = new LinkedHashMap<>();
    /** Every jar run, in order. */
    public final List<JarRun> jarRuns = new ArrayList<>();

    /** An upload of a jar that must exist; its id names the file as Flink's does. */
    @Override
    public synchronized String uploadJar(java.nio.file.Path jar) {
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new ClusterCallException(400, "no jar at " + jar);
        }
        String id = java.util.UUID.randomUUID() + "_" + jar.getFileName();
        uploadedJars.put(id, jar);
        return id;
    }

    /** A run of an uploaded jar: the job runs at once, as a job graph upload does. */
    @Override
    public synchronized String runJar(String jarId, JarRun run) {
        if (!uploadedJars.containsKey(jarId)) {
            throw new ClusterCallException(404, "Flink answered 404 to POST /jars/:jarid/run: Jar file " + jarId
                    + " does not exist");
        }
        jarRuns.add(run);
        return submit();
    }

    @Override
    public synchronized void deleteJar(String jarId) {
        if (uploadedJars.remove(jarId) == null) {
            throw new ClusterCallException(404, "no jar " + jarId);
        }
    }

    /** Makes every stop-with-savepoint from now on fail with this cause (the job keeps running). */
    public synchronized void failSavepoints(String cause) {
        this.savepointFailure = cause;
    }

    /** The Flink state of a job, null when the cluster does not know it. */
    public synchronized String state(String flinkJobId) {
        return states.get(flinkJobId);
    }

    @Override
    public String restUrl() {
        return REST_URL;
    }

    @Override
    public String flinkVersion() {
        return FLINK_VERSION;
    }

    /** The task slots the fake reports (4, as the local cluster by default); each running job uses one. */
    public volatile int slotsTotal = 4;

    @Override
    public synchronized ClusterOverview overview() {
        int running = (int) states.values().stream().filter("RUNNING"::equals).count();
        return new ClusterOverview(FLINK_VERSION, 1, slotsTotal, slotsTotal - running, running, 0, 0, 0);
    }

    /** Runs before every {@link #jobsOverview} (outside the gateway's lock): tests block a caller there. */
    public volatile Runnable beforeJobsOverview = () -> { };

    @Override
    public List<FlinkJobSummary> jobsOverview() {
        beforeJobsOverview.run();
        return jobsOverviewNow();
    }

    private synchronized List<FlinkJobSummary> jobsOverviewNow() {
        List<FlinkJobSummary> list = new ArrayList<>();
        states.forEach((id, state) -> list.add(new FlinkJobSummary(id, "job " + id, state, 1L, -1L,
                "RUNNING".equals(state) ? 1 : 0, 1)));
        return list;
    }

    @Override
    public synchronized FlinkJobDetails jobDetails(String flinkJobId) {
        return new FlinkJobDetails(flinkJobId, "job", states.get(flinkJobId), 1L, -1L, 1, null);
    }

    @Override
    public synchronized String stopWithSavepoint(String flinkJobId, String targetDirectory) {
        if (!states.containsKey(flinkJobId)) {
            throw new ClusterCallException(404, "Job " + flinkJobId + " not found");
        }
        if (savepointFailure == null) {
            states.put(flinkJobId, "FINISHED");
        }
        savepointTargets.put(flinkJobId, targetDirectory);
        return "request-" + flinkJobId;
    }

    private final Map<String, String> savepointTargets = new HashMap<>();
    /** Savepoints are written on the cluster's hosts, not on this desktop: their file: location does not exist here. */
    public volatile boolean savepointsOnAnotherHost;

    @Override
    public synchronized SavepointOperation savepointStatus(String flinkJobId, String requestId) {
        if (savepointFailure != null) {
            return new SavepointOperation("COMPLETED", null, savepointFailure);
        }
        // like Flink, the savepoint is a directory under the target (so that it counts as still existing, C2)
        String target = savepointTargets.getOrDefault(flinkJobId, "file:/tmp/savepoints");
        if (savepointsOnAnotherHost || !target.startsWith("file:")) {
            // written where the cluster writes (an object store, another host's disk): nothing on this desktop
            return new SavepointOperation("COMPLETED", (target.endsWith("/") ? target : target + "/")
                    + "savepoint-" + flinkJobId.substring(26), null);
        }
        java.nio.file.Path dir = java.nio.file.Path.of(java.net.URI.create(target.startsWith("file:/") && !target.startsWith("file://")
                ? "file://" + target.substring(5) : target)).resolve("savepoint-" + flinkJobId.substring(26));
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new SavepointOperation("COMPLETED", dir.toUri().toString(), null);
    }

    @Override
    public synchronized void cancel(String flinkJobId) {
        states.put(flinkJobId, "CANCELED");
    }

    /** A savepoint while the job keeps running; completes at once (or fails, see {@link #failSavepoints}). */
    @Override
    public synchronized String triggerSavepoint(String flinkJobId, String targetDirectory) {
        if (!states.containsKey(flinkJobId)) {
            throw new ClusterCallException(404, "Job " + flinkJobId + " not found");
        }
        savepointTargets.put(flinkJobId, targetDirectory);
        return "savepoint-request-" + flinkJobId;
    }

    /** One TaskManager with 4 slots; cores and memory unknown (-1), as from a cluster that does not report them. */
    @Override
    public synchronized TaskManagerResources taskManagerResources() {
        ClusterOverview o = overview();
        return new TaskManagerResources(o.taskManagers(), o.slotsTotal(), o.slotsAvailable(), -1, -1L);
    }

    /** Checkpoint counters the next {@link #checkpoints} answers (events issue). */
    public volatile CheckpointSummary checkpointSummary = new CheckpointSummary(0, 0, 0, null, null);

    /** The job's vertices, sources first (events issue: backpressure root cause). */
    public final List<Vertex> vertexList = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Sets a job's Flink state, e.g. RESTARTING (events issue). */
    public synchronized void setState(String flinkJobId, String state) {
        states.put(flinkJobId, state);
    }

    @Override
    public List<Vertex> vertices(String flinkJobId) {
        return List.copyOf(vertexList);
    }

    @Override
    public CheckpointSummary checkpoints(String flinkJobId) {
        return checkpointSummary;
    }

    /** The failure message the next {@link #latestCheckpointFailure} answers; null for none. */
    public volatile String latestCheckpointFailure;

    @Override
    public String latestCheckpointFailure(String flinkJobId) {
        return latestCheckpointFailure;
    }

    /** Plain-text answers by path (logs, EV6); a path not listed answers 404. */
    public final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String text(String path) {
        String t = texts.get(path);
        if (t == null) {
            throw new ClusterCallException(404, "Not found: " + path);
        }
        return t;
    }

    // ---- monitoring: answered by a FakeFlinkMetrics when one is set ----

    private volatile FakeFlinkMetrics metrics;

    /** Serves the monitoring calls (plans, metrics, checkpoint history) from {@code metrics}. */
    public void serveMetrics(FakeFlinkMetrics metrics) {
        this.metrics = metrics;
    }

    private FakeFlinkMetrics metrics() {
        if (metrics == null) {
            throw new IllegalStateException("FakeGateway: the test reads metrics without serveMetrics(...)");
        }
        return metrics;
    }

    @Override
    public JobPlan jobPlan(String flinkJobId) {
        return metrics().jobPlan(flinkJobId);
    }

    @Override
    public List<String> jobMetricIds(String flinkJobId) {
        return metrics().jobMetricIds(flinkJobId);
    }

    @Override
    public Map<String, Double> jobMetrics(String flinkJobId, java.util.Collection<String> ids) {
        return metrics().jobMetrics(flinkJobId, ids);
    }

    @Override
    public List<String> vertexMetricIds(String flinkJobId, String vertexId) {
        return metrics().vertexMetricIds(flinkJobId, vertexId);
    }

    @Override
    public Map<String, Double> vertexMetrics(String flinkJobId, String vertexId, java.util.Collection<String> ids) {
        return metrics().vertexMetrics(flinkJobId, vertexId, ids);
    }

    @Override
    public List<String> taskManagerIds() {
        return metrics().taskManagerIds();
    }

    @Override
    public List<String> taskManagerMetricIds(String taskManagerId) {
        return metrics().taskManagerMetricIds(taskManagerId);
    }

    @Override
    public Map<String, Double> taskManagerMetrics(String taskManagerId, java.util.Collection<String> ids) {
        return metrics().taskManagerMetrics(taskManagerId, ids);
    }

    @Override
    public List<String> jobManagerMetricIds() {
        return metrics().jobManagerMetricIds();
    }

    @Override
    public Map<String, Double> jobManagerMetrics(java.util.Collection<String> ids) {
        return metrics().jobManagerMetrics(ids);
    }

    @Override
    public List<CheckpointEntry> checkpointHistory(String flinkJobId) {
        return metrics().checkpointHistory(flinkJobId);
    }
}
