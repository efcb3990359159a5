package io.streamdesk.ui.fake;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.LocalCluster;
import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.service.port.SqlSubmitter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local cluster, its REST gateway and a submitter in one fake: starting is instant, submitted jobs run at once,
 * savepoints complete at once. {@link #failNextSubmit} makes the next run fail like a bad connector would.
 */
public final class FakeCluster implements LocalCluster, ClusterGateway, SqlSubmitter {
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> jobStates = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile ClusterState state = ClusterState.stopped(CLUSTER_ID, Instant.now());
    private volatile String nextSubmitFailure;

    public void failNextSubmit(String message) {
        this.nextSubmitFailure = message;
    }

    /** Simulates the child JVM dying. */
    public void crash(String detail) {
        set(new ClusterState(CLUSTER_ID, ClusterHealth.FAILED, null, null, Instant.now(), detail));
    }

    // ---- LocalCluster ----

    @Override
    public void start() {
        set(new ClusterState(CLUSTER_ID, ClusterHealth.STARTING, null, null, Instant.now(), null));
        set(new ClusterState(CLUSTER_ID, ClusterHealth.RUNNING, "http://127.0.0.1:8081", "2.3.0", Instant.now(), null));
    }

    @Override
    public ClusterState awaitRunning(Duration timeout) {
        return state;
    }

    @Override
    public ClusterState state() {
        return state;
    }

    @Override
    public ClusterGateway gateway() {
        if (state.health() != ClusterHealth.RUNNING) {
            throw new ClusterUnreachableException("not running", null);
        }
        return this;
    }

    @Override
    public void stop(Duration timeout) {
        set(ClusterState.stopped(CLUSTER_ID, Instant.now()));
    }

    @Override
    public void addListener(Consumer<ClusterState> listener) {
        listeners.add(listener);
    }

    private void set(ClusterState s) {
        state = s;
        listeners.forEach(l -> l.accept(s));
    }

    // ---- SqlSubmitter ----

    @Override
    public String submit(String restUrl, String jobName, String script, String restoreFrom) {
        String failure = nextSubmitFailure;
        if (failure != null) {
            nextSubmitFailure = null;
            throw new SqlSubmitException(failure, null);
        }
        String id = String.format("%032x", ids.incrementAndGet());
        jobStates.put(id, "RUNNING");
        return id;
    }

    @Override
    public void warmUp() {
    }

    // ---- ClusterGateway ----

    @Override
    public String restUrl() {
        return state.restUrl();
    }

    @Override
    public String flinkVersion() {
        return "2.3.0";
    }

    @Override
    public ClusterOverview overview() {
        return new ClusterOverview("2.3.0", 1, 4, 4, 0, 0, 0, 0);
    }

    @Override
    public List<FlinkJobSummary> jobsOverview() {
        return jobStates.entrySet().stream()
                .map(e -> new FlinkJobSummary(e.getKey(), "job", e.getValue(), 0, 0, 1, 1)).toList();
    }

    @Override
    public FlinkJobDetails jobDetails(String flinkJobId) {
        return new FlinkJobDetails(flinkJobId, "job", jobStates.getOrDefault(flinkJobId, "FAILED"), 0, 0, 1, null);
    }

    @Override
    public String stopWithSavepoint(String flinkJobId, String targetDirectory) {
        jobStates.put(flinkJobId, "FINISHED");
        return "req-" + flinkJobId;
    }

    @Override
    public SavepointOperation savepointStatus(String flinkJobId, String requestId) {
        return new SavepointOperation("COMPLETED", "file:/tmp/savepoints/savepoint-" + flinkJobId.substring(26), null);
    }

    @Override
    public void cancel(String flinkJobId) {
        jobStates.put(flinkJobId, "CANCELED");
    }

    @Override
    public CheckpointSummary checkpoints(String flinkJobId) {
        return new CheckpointSummary(0, 0, 0, null, null);
    }
}
