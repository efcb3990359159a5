package io.streamdesk.service.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Metric ids differ between Flink versions; the same canonical fields must be found in each. */
class VertexMetricIdsTest {
    /** As Flink 2.3 lists a chained "Source: orders -> Calc" vertex (taken from a real local cluster). */
    static final List<String> FLINK_2_SOURCE = List.of(
            "0.Calc[2].numRecordsInPerSecond", "0.Calc[2].numRecordsOutPerSecond", "0.Calc[2].currentInputWatermark",
            "0.Shuffle.Netty.Input.Buffers.inPoolUsage", "0.Shuffle.Netty.Output.Buffers.outPoolUsage",
            "0.Shuffle.Netty.Input.Buffers.inputQueueLength", "0.Shuffle.Netty.Output.Buffers.outputQueueLength",
            "0.Source__orders[1].numRecordsOutPerSecond", "0.Source__orders[1].numBytesOutPerSecond",
            "0.backPressuredTimeMsPerSecond", "0.busyTimeMsPerSecond", "0.idleTimeMsPerSecond",
            "0.numRecordsInPerSecond", "0.numRecordsOutPerSecond", "0.numBytesInPerSecond", "0.numBytesOutPerSecond",
            "1.numRecordsInPerSecond", "1.numRecordsOutPerSecond", "1.Source__orders[1].numRecordsOutPerSecond");

    /** Operator-qualified only, and 1.x's "buffers." group, as older releases list them. */
    static final List<String> FLINK_1_20_SOURCE = List.of(
            "0.Source__orders.numRecordsOutPerSecond", "0.Source__orders.numBytesOutPerSecond",
            "0.Calc.numRecordsInPerSecond", "0.Calc.numRecordsOutPerSecond",
            "0.buffers.inPoolUsage", "0.buffers.outPoolUsage", "0.buffers.inputQueueLength",
            "0.backPressuredTimeMsPerSecond");

    @Test
    void flink2UsesTaskLevelIdsAndTheSourceOperatorForWhatEntersTheJob() {
        VertexMetricIds ids = VertexMetricIds.resolve(FLINK_2_SOURCE, 2);

        assertThat(ids.id(VertexField.RECORDS_IN, 0)).isEqualTo("0.numRecordsInPerSecond");
        assertThat(ids.id(VertexField.RECORDS_OUT, 1)).isEqualTo("1.numRecordsOutPerSecond");
        assertThat(ids.id(VertexField.SOURCE_RECORDS_OUT, 0)).isEqualTo("0.Source__orders[1].numRecordsOutPerSecond");
        assertThat(ids.id(VertexField.IN_POOL_USAGE, 0)).isEqualTo("0.Shuffle.Netty.Input.Buffers.inPoolUsage");
        assertThat(ids.id(VertexField.INPUT_WATERMARK, 0)).as("the chain head's watermark")
                .isEqualTo("0.Calc[2].currentInputWatermark");
        assertThat(ids.id(VertexField.BUSY, 1)).as("not listed for subtask 1").isNull();
        assertThat(ids.allIds()).doesNotHaveDuplicates().contains("0.busyTimeMsPerSecond");
    }

    @Test
    void flink120FallsBackToOperatorQualifiedIdsAndTheBuffersGroup() {
        VertexMetricIds ids = VertexMetricIds.resolve(FLINK_1_20_SOURCE, 1);

        assertThat(ids.id(VertexField.RECORDS_IN, 0)).isEqualTo("0.Calc.numRecordsInPerSecond");
        assertThat(ids.id(VertexField.RECORDS_OUT, 0)).as("the chain's tail, listed last")
                .isEqualTo("0.Calc.numRecordsOutPerSecond");
        assertThat(ids.id(VertexField.SOURCE_RECORDS_OUT, 0)).isEqualTo("0.Source__orders.numRecordsOutPerSecond");
        assertThat(ids.id(VertexField.SOURCE_BYTES_OUT, 0)).isEqualTo("0.Source__orders.numBytesOutPerSecond");
        assertThat(ids.id(VertexField.IN_POOL_USAGE, 0)).isEqualTo("0.buffers.inPoolUsage");
        assertThat(ids.id(VertexField.OUTPUT_QUEUE_LENGTH, 0)).isNull();
        assertThat(ids.id(VertexField.BACKPRESSURED, 0)).isEqualTo("0.backPressuredTimeMsPerSecond");
    }

    @Test
    void groupsThatAreNotOperatorsAreNeverTakenForOne() {
        VertexMetricIds ids = VertexMetricIds.resolve(List.of("0.Shuffle.Netty.numRecordsInPerSecond"), 1);

        assertThat(ids.isEmpty()).isTrue();
    }

    @Test
    void valuesPerSubtaskAreNaNWhereMissing() {
        VertexMetricIds ids = VertexMetricIds.resolve(FLINK_2_SOURCE, 2);

        double[] v = ids.values(VertexField.RECORDS_OUT, Map.of("0.numRecordsOutPerSecond", 5.0));

        assertThat(v[0]).isEqualTo(5.0);
        assertThat(v[1]).isNaN();
    }

    @Test
    void jvmGarbageCollectorsAreClassedYoungOrOldAndAllIsIgnored() {
        assertThat(JvmMetricIds.isOldGeneration("G1_Old_Generation")).isTrue();
        assertThat(JvmMetricIds.isOldGeneration("PS_MarkSweep")).isTrue();
        assertThat(JvmMetricIds.isOldGeneration("G1_Young_Generation")).isFalse();
        assertThat(JvmMetricIds.isOldGeneration("PS_Scavenge")).isFalse();
        assertThat(JvmMetricIds.isOldGeneration("All")).isNull();

        JvmMetricIds ids = JvmMetricIds.resolve(List.of("Status.JVM.GarbageCollector.G1_Young_Generation.Count",
                "Status.JVM.GarbageCollector.All.Count", "Status.JVM.GarbageCollector.G1_Old_Generation.Time",
                "Status.JVM.Memory.Heap.Used", "Status.JVM.Memory.Heap.Max"));
        var canonical = ids.canonical(Map.of("Status.JVM.GarbageCollector.G1_Young_Generation.Count", 7.0,
                "Status.JVM.GarbageCollector.All.Count", 99.0, "Status.JVM.GarbageCollector.G1_Old_Generation.Time", 12.0,
                "Status.JVM.Memory.Heap.Used", 50.0, "Status.JVM.Memory.Heap.Max", 200.0), true);

        assertThat(canonical).containsEntry(io.streamdesk.model.metrics.MetricName.TM_YOUNG_GC_COUNT, 7.0)
                .containsEntry(io.streamdesk.model.metrics.MetricName.TM_OLD_GC_TIME, 12.0)
                .containsEntry(io.streamdesk.model.metrics.MetricName.TM_HEAP_PERCENTAGE, 25.0);
    }

    @Test
    void jobMetricsFallBackToTheOldRestartCounterName() {
        JobMetricIds ids = JobMetricIds.resolve(List.of("fullRestarts", "uptime"));

        assertThat(ids.canonical(Map.of("fullRestarts", 2.0, "uptime", 5.0)))
                .containsEntry(io.streamdesk.model.metrics.MetricName.JOB_RESTARTS, 2.0)
                .containsEntry(io.streamdesk.model.metrics.MetricName.JOB_UPTIME, 5.0);
    }

    @Test
    void dataSkewIsStddevOverMean() {
        assertThat(DataSkew.coefficient(new double[]{10, 30})).isEqualTo(0.5);
        assertThat(DataSkew.coefficient(new double[]{7, 7, 7})).isZero();
        assertThat(DataSkew.coefficient(new double[]{0, 0})).isZero();
        assertThat(DataSkew.coefficient(new double[]{Double.NaN})).isNaN();
    }

    @Test
    void latencyTrackingHistogramsAreFoundInEveryGranularityAndTheLargestMedianIsTaken() {
        // ids as a real Flink 2.3 local cluster listed them with metrics.latency.interval set (subtask granularity),
        // plus the operator and single granularities' shapes; the mailbox latency is another metric
        String subtask = "0.latency.source_id.cbc357ccb763df2852fee8c4fc7d55f2.operator_id.7df19f87deec5680128845fd9a6ca18d"
                + ".operator_subtask_index.0.latency_median";
        String operator = "0.latency.source_id.cbc357ccb763df2852fee8c4fc7d55f2.operator_id.aa19f87deec5680128845fd9a6ca18d0"
                + ".latency_median";
        String single = "1.latency.operator_id.bb19f87deec5680128845fd9a6ca18d0.latency_median";
        List<String> listing = List.of(subtask, operator, single, subtask.replace("latency_median", "latency_p99"),
                "0.mailboxLatencyMs_p75", "0.numRecordsInPerSecond");

        VertexMetricIds ids = VertexMetricIds.resolve(listing, 2);

        assertThat(ids.hasLatency()).isTrue();
        assertThat(ids.allIds()).contains(subtask, operator, single)
                .doesNotContain("0.mailboxLatencyMs_p75", subtask.replace("latency_median", "latency_p99"));
        assertThat(ids.latencyMillis(Map.of(subtask, 12.0, operator, 40.5, single, 7.0))).isEqualTo(40.5);
        assertThat(ids.latencyMillis(Map.of())).isNaN();
        assertThat(VertexMetricIds.resolve(FLINK_2_SOURCE, 2).hasLatency()).isFalse();
    }

    @Test
    void atMostAFixedNumberOfLatencyIdsAreRead() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("0.latency.source_id.s" + i + ".operator_id.o.operator_subtask_index.0.latency_median");
        }
        assertThat(VertexMetricIds.resolve(many, 1).allIds()).hasSize(VertexMetricIds.MAX_LATENCY_IDS);
    }
}
