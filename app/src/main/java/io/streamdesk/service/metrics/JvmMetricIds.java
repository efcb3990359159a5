package io.streamdesk.service.metrics;

import io.streamdesk.model.metrics.MetricName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JVM metric ids of a TaskManager or the JobManager ({@code Status.JVM...}), discovered from the listing.
 * Garbage collectors are named after the JVM's collectors (G1_Young_Generation, PS_MarkSweep, ...): each is
 * classed as young or old by its name and the counts and times of a class are summed.
 */
public final class JvmMetricIds {
    /** The JVM fields, each mapped to canonical TM and JM names (null where the canonical list has none). */
    enum Field {
        CPU_LOAD("Status.JVM.CPU.Load", MetricName.TM_CPU_LOAD, MetricName.JM_CPU_LOAD),
        HEAP_USED("Status.JVM.Memory.Heap.Used", MetricName.TM_HEAP_USED, MetricName.JM_HEAP_USED),
        HEAP_COMMITTED("Status.JVM.Memory.Heap.Committed", MetricName.TM_HEAP_COMMITTED, null),
        HEAP_MAX("Status.JVM.Memory.Heap.Max", MetricName.TM_HEAP_MAX, MetricName.JM_HEAP_MAX),
        NON_HEAP_USED("Status.JVM.Memory.NonHeap.Used", MetricName.TM_NON_HEAP_USED, MetricName.JM_NON_HEAP_USED),
        NON_HEAP_COMMITTED("Status.JVM.Memory.NonHeap.Committed", MetricName.TM_NON_HEAP_COMMITTED, null),
        NON_HEAP_MAX("Status.JVM.Memory.NonHeap.Max", MetricName.TM_NON_HEAP_MAX, null),
        DIRECT_COUNT("Status.JVM.Memory.Direct.Count", MetricName.TM_DIRECT_COUNT, null),
        DIRECT_USED("Status.JVM.Memory.Direct.MemoryUsed", MetricName.TM_DIRECT_USED, null),
        DIRECT_MAX("Status.JVM.Memory.Direct.TotalCapacity", MetricName.TM_DIRECT_MAX, null),
        MAPPED_COUNT("Status.JVM.Memory.Mapped.Count", MetricName.TM_MAPPED_COUNT, null),
        MAPPED_USED("Status.JVM.Memory.Mapped.MemoryUsed", MetricName.TM_MAPPED_USED, null),
        MAPPED_MAX("Status.JVM.Memory.Mapped.TotalCapacity", MetricName.TM_MAPPED_MAX, null),
        THREADS("Status.JVM.Threads.Count", MetricName.TM_THREADS, MetricName.JM_THREADS),
        SEGMENTS_AVAILABLE("Status.Shuffle.Netty.AvailableMemorySegments", MetricName.TM_NETWORK_SEGMENTS_AVAILABLE, null),
        SEGMENTS_TOTAL("Status.Shuffle.Netty.TotalMemorySegments", MetricName.TM_NETWORK_SEGMENTS_TOTAL, null),
        TASK_MANAGERS("numRegisteredTaskManagers", null, MetricName.JM_REGISTERED_TASK_MANAGERS),
        SLOTS_AVAILABLE("taskSlotsAvailable", null, MetricName.JM_TASK_SLOTS_AVAILABLE),
        SLOTS_TOTAL("taskSlotsTotal", null, MetricName.JM_TASK_SLOTS_TOTAL),
        YOUNG_GC_COUNT(null, MetricName.TM_YOUNG_GC_COUNT, MetricName.JM_YOUNG_GC_COUNT),
        YOUNG_GC_TIME(null, MetricName.TM_YOUNG_GC_TIME, MetricName.JM_YOUNG_GC_TIME),
        OLD_GC_COUNT(null, MetricName.TM_OLD_GC_COUNT, MetricName.JM_OLD_GC_COUNT),
        OLD_GC_TIME(null, MetricName.TM_OLD_GC_TIME, MetricName.JM_OLD_GC_TIME);

        final String flinkId;
        final MetricName taskManager;
        final MetricName jobManager;

        Field(String flinkId, MetricName taskManager, MetricName jobManager) {
            this.flinkId = flinkId;
            this.taskManager = taskManager;
            this.jobManager = jobManager;
        }
    }

    private static final String GC_PREFIX = "Status.JVM.GarbageCollector.";

    private final Map<Field, List<String>> ids = new EnumMap<>(Field.class);

    private JvmMetricIds() {
    }

    public static JvmMetricIds resolve(Collection<String> available) {
        JvmMetricIds result = new JvmMetricIds();
        Set<String> all = new LinkedHashSet<>(available);
        for (Field f : Field.values()) {
            if (f.flinkId != null && all.contains(f.flinkId)) {
                result.ids.put(f, List.of(f.flinkId));
            }
        }
        for (String id : all) {
            if (!id.startsWith(GC_PREFIX)) {
                continue;
            }
            String rest = id.substring(GC_PREFIX.length());
            int dot = rest.lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String collector = rest.substring(0, dot);
            String what = rest.substring(dot + 1);
            Boolean old = isOldGeneration(collector);
            if (old == null || !(what.equals("Count") || what.equals("Time"))) {
                continue;
            }
            Field f = what.equals("Count") ? (old ? Field.OLD_GC_COUNT : Field.YOUNG_GC_COUNT)
                    : (old ? Field.OLD_GC_TIME : Field.YOUNG_GC_TIME);
            result.ids.computeIfAbsent(f, k -> new ArrayList<>()).add(id);
        }
        return result;
    }

    /**
     * True for an old-generation (full) collector, false for a young one, null for an aggregate ("All") or one
     * that is neither (ZGC's and Shenandoah's cycles/pauses).
     */
    static Boolean isOldGeneration(String collector) {
        String c = collector.toLowerCase(Locale.ROOT);
        if (c.equals("all")) {
            return null;
        }
        if (c.contains("old") || c.contains("marksweep") || c.contains("major") || c.contains("concurrent_gc")) {
            return true;
        }
        if (c.contains("young") || c.contains("scavenge") || c.contains("copy") || c.contains("parnew")
                || c.contains("minor")) {
            return false;
        }
        return null;
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    public List<String> allIds() {
        Set<String> out = new LinkedHashSet<>();
        ids.values().forEach(out::addAll);
        return List.copyOf(out);
    }

    /** The field's value from an answer (summed over collectors for GC), or NaN when not reported. */
    double value(Field field, Map<String, Double> answer) {
        List<String> list = ids.get(field);
        if (list == null) {
            return Double.NaN;
        }
        double sum = 0;
        boolean any = false;
        for (String id : list) {
            Double v = answer.get(id);
            if (v != null) {
                sum += v;
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    /** Canonical values for a TaskManager ({@code taskManager}) or the JobManager. */
    public Map<MetricName, Double> canonical(Map<String, Double> answer, boolean taskManager) {
        Map<MetricName, Double> out = new EnumMap<>(MetricName.class);
        for (Field f : Field.values()) {
            MetricName name = taskManager ? f.taskManager : f.jobManager;
            double v = value(f, answer);
            if (name != null && !Double.isNaN(v)) {
                out.put(name, v);
            }
        }
        if (taskManager) {
            double used = value(Field.HEAP_USED, answer);
            double max = value(Field.HEAP_MAX, answer);
            if (!Double.isNaN(used) && max > 0) {
                out.put(MetricName.TM_HEAP_PERCENTAGE, 100.0 * used / max);
            }
        }
        return out;
    }
}
