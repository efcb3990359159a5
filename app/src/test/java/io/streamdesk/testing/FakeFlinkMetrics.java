package io.streamdesk.testing;

import io.streamdesk.service.port.CheckpointReader.CheckpointEntry;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.MetricsReader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flink's monitoring REST calls in memory: one job graph for every job (a source vertex feeding a sink vertex, two
 * subtasks each), metric ids in the style of Flink 2.x ({@code 0.numRecordsOut}) or 1.20 (operator-qualified
 * only), values set by the test, and the checkpoint history Flink keeps. Counts requests; {@link #down} makes every
 * call fail as unreachable. A {@link FakeGateway} serves these calls once given one ({@link FakeGateway#serveMetrics}).
 */
public final class FakeFlinkMetrics implements MetricsReader {
    public static final String SOURCE = "aaaa0000000000000000000000000001";
    public static final String SINK = "aaaa0000000000000000000000000002";
    public static final String TM = "tm-1";

    public final AtomicInteger requests = new AtomicInteger();
    private final boolean operatorQualified;
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final List<CheckpointEntry> history = new ArrayList<>();
    private volatile boolean down;

    /** @param operatorQualified true for 1.20-style ids: {@code 0.Source__orders.numRecordsOutPerSecond} */
    public FakeFlinkMetrics(boolean operatorQualified) {
        this.operatorQualified = operatorQualified;
        // job level
        values.put("uptime", 1000.0);
        values.put("numRestarts", 0.0);
        values.put("numberOfCompletedCheckpoints", 0.0);
        values.put("numberOfFailedCheckpoints", 0.0);
        values.put("numberOfInProgressCheckpoints", 0.0);
        values.put("lastCheckpointSize", 0.0);
        // JVM
        values.put("Status.JVM.CPU.Load", 0.25);
        values.put("Status.JVM.Memory.Heap.Used", 100.0);
        values.put("Status.JVM.Memory.Heap.Max", 400.0);
        values.put("Status.JVM.GarbageCollector.G1_Young_Generation.Count", 3.0);
        values.put("Status.JVM.GarbageCollector.G1_Old_Generation.Count", 1.0);
        values.put("Status.JVM.GarbageCollector.All.Count", 4.0);
        values.put("taskSlotsTotal", 4.0);
        setRates(10, 30, 10, 10);
    }

    /** Records per second: source subtasks 0 and 1 emit {@code src0}, {@code src1}; sink subtasks take in the rest. */
    public synchronized void setRates(double src0, double src1, double sink0, double sink1) {
        String srcOp = operatorQualified ? "Source__orders." : "Source__orders[1].";
        for (int i = 0; i < 2; i++) {
            double emitted = i == 0 ? src0 : src1;
            values.put(SOURCE + "/" + i + "." + srcOp + "numRecordsOutPerSecond", emitted);
            values.put(SOURCE + "/" + i + "." + srcOp + "numBytesOutPerSecond", emitted * 10);
            if (!operatorQualified) {
                values.put(SOURCE + "/" + i + ".numRecordsInPerSecond", 0.0);
                values.put(SOURCE + "/" + i + ".numRecordsOutPerSecond", emitted);
                values.put(SOURCE + "/" + i + ".backPressuredTimeMsPerSecond", 100.0 * (i + 1));
            }
            double in = i == 0 ? sink0 : sink1;
            String sinkOp = operatorQualified ? "Sink__out." : "";
            values.put(SINK + "/" + i + "." + sinkOp + "numRecordsInPerSecond", in);
            values.put(SINK + "/" + i + "." + sinkOp + "numBytesInPerSecond", in * 10);
            values.put(SINK + "/" + i + "." + sinkOp + "currentInputWatermark", 1_000.0);
        }
    }

    public synchronized void set(String flinkMetricId, double value) {
        values.put(flinkMetricId, value);
    }

    public synchronized void addCheckpoint(CheckpointEntry entry) {
        history.add(0, entry);
    }

    public void down(boolean down) {
        this.down = down;
    }

    private void request() {
        if (down) {
            throw new ClusterUnreachableException("fake cluster down", null);
        }
        requests.incrementAndGet();
    }

    @Override
    public JobPlan jobPlan(String flinkJobId) {
        request();
        return new JobPlan(List.of(new PlanVertex(SOURCE, "Source: orders", 2, List.of()),
                new PlanVertex(SINK, "Sink: out", 2, List.of(SOURCE))));
    }

    @Override
    public List<Vertex> vertices(String flinkJobId) {
        return jobPlan(flinkJobId).vertices().stream().map(v -> new Vertex(v.id(), v.name())).toList();
    }

    @Override
    public synchronized List<String> jobMetricIds(String flinkJobId) {
        request();
        return values.keySet().stream().filter(k -> !k.contains("/") && !k.contains(".")).toList();
    }

    @Override
    public synchronized Map<String, Double> jobMetrics(String flinkJobId, Collection<String> ids) {
        request();
        return pick(ids, "");
    }

    @Override
    public synchronized List<String> vertexMetricIds(String flinkJobId, String vertexId) {
        request();
        return values.keySet().stream().filter(k -> k.startsWith(vertexId + "/"))
                .map(k -> k.substring(vertexId.length() + 1)).toList();
    }

    @Override
    public synchronized Map<String, Double> vertexMetrics(String flinkJobId, String vertexId, Collection<String> ids) {
        request();
        return pick(ids, vertexId + "/");
    }

    @Override
    public List<String> taskManagerIds() {
        request();
        return List.of(TM);
    }

    @Override
    public synchronized List<String> taskManagerMetricIds(String taskManagerId) {
        request();
        return values.keySet().stream().filter(k -> k.startsWith("Status.")).toList();
    }

    @Override
    public synchronized Map<String, Double> taskManagerMetrics(String taskManagerId, Collection<String> ids) {
        request();
        return pick(ids, "");
    }

    @Override
    public synchronized List<String> jobManagerMetricIds() {
        request();
        return values.keySet().stream().filter(k -> k.startsWith("Status.") || k.startsWith("taskSlots")).toList();
    }

    @Override
    public synchronized Map<String, Double> jobManagerMetrics(Collection<String> ids) {
        request();
        return pick(ids, "");
    }

    /** Flink's checkpoint history of the job, newest first ({@link #addCheckpoint}). */
    public synchronized List<CheckpointEntry> checkpointHistory(String flinkJobId) {
        request();
        return List.copyOf(history);
    }

    private Map<String, Double> pick(Collection<String> ids, String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String id : ids) {
            Double v = values.get(prefix + id);
            if (v != null) {
                out.put(id, v);
            }
        }
        return out;
    }
}
