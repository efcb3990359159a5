package io.streamdesk.service.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric ids of one vertex, discovered from Flink's listing ({@code GET /jobs/:id/vertices/:vid/metrics})
 * instead of hard-coded, because they differ between Flink versions. Built once per vertex and cached; the ids it
 * resolved are asked for in one {@code ?get=} request per tick.
 */
public final class VertexMetricIds {
    /** Names of metric groups under a subtask that are not operators. */
    private static final Set<String> NON_OPERATOR_GROUPS = Set.of("Shuffle", "buffers", "Netty");
    private static final Pattern NODE_INDEX = Pattern.compile("\\[(\\d+)]$");
    /**
     * Latency tracking's histograms ({@code metrics.latency.interval} > 0), in any granularity:
     * {@code <i>.latency[.source_id.<id>].operator_id.<id>[.operator_subtask_index.<n>].latency_median}.
     */
    private static final Pattern LATENCY_MEDIAN = Pattern.compile("\\d+\\.latency\\..*operator_id\\..*\\.latency_median");
    /** At most this many latency ids per vertex are read (subtask granularity lists sources x subtasks of them). */
    static final int MAX_LATENCY_IDS = 32;

    private final int parallelism;
    private final Map<VertexField, String[]> ids = new EnumMap<>(VertexField.class);
    private List<String> latencyIds = List.of();

    private VertexMetricIds(int parallelism) {
        this.parallelism = parallelism;
    }

    /**
     * @param available   the ids Flink lists for the vertex (each {@code <subtask>.<name>})
     * @param parallelism the vertex's parallelism
     */
    public static VertexMetricIds resolve(Collection<String> available, int parallelism) {
        VertexMetricIds result = new VertexMetricIds(parallelism);
        Set<String> all = new HashSet<>(available);
        for (VertexField field : VertexField.values()) {
            String[] perSubtask = new String[parallelism];
            boolean any = false;
            for (int i = 0; i < parallelism; i++) {
                perSubtask[i] = resolveOne(all, available, field, i);
                any |= perSubtask[i] != null;
            }
            if (any) {
                result.ids.put(field, perSubtask);
            }
        }
        result.latencyIds = available.stream().filter(id -> LATENCY_MEDIAN.matcher(id).matches()).sorted()
                .limit(MAX_LATENCY_IDS).toList();
        return result;
    }

    private static String resolveOne(Set<String> all, Collection<String> available, VertexField field, int subtask) {
        String prefix = subtask + ".";
        for (String name : field.taskLevel) {
            if (all.contains(prefix + name)) {
                return prefix + name;
            }
        }
        if (field.pick == VertexField.OperatorPick.NONE) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        String suffix = "." + field.operatorMetric;
        for (String id : available) {
            if (id.startsWith(prefix) && id.endsWith(suffix) && id.length() > prefix.length() + suffix.length()) {
                String operator = id.substring(prefix.length(), id.length() - suffix.length());
                if (!operator.isEmpty() && !NON_OPERATOR_GROUPS.contains(operator.split("\\.", 2)[0])) {
                    candidates.add(operator);
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        String chosen = switch (field.pick) {
            case SOURCE -> candidates.stream().filter(o -> o.startsWith("Source")).findFirst().orElse(null);
            case FIRST -> candidates.stream().filter(o -> o.startsWith("Source")).findFirst()
                    .orElse(byNodeIndex(candidates, true));
            case LAST -> byNodeIndex(candidates, false);
            case NONE -> null;
        };
        return chosen == null ? null : prefix + chosen + suffix;
    }

    /** The operator with the lowest (or highest) {@code [n]} suffix; without indexes the first (or last) listed. */
    private static String byNodeIndex(List<String> operators, boolean lowest) {
        String best = null;
        int bestIndex = lowest ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (String op : operators) {
            Matcher m = NODE_INDEX.matcher(op);
            if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (lowest ? n < bestIndex : n > bestIndex) {
                    bestIndex = n;
                    best = op;
                }
            }
        }
        if (best != null) {
            return best;
        }
        return lowest ? operators.get(0) : operators.get(operators.size() - 1);
    }

    public int parallelism() {
        return parallelism;
    }

    /** True when nothing was found: Flink lists a vertex's metrics only after its first fetch, so ask again later. */
    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The id of {@code field} for a subtask, or null when this Flink does not report it. */
    public String id(VertexField field, int subtask) {
        String[] perSubtask = ids.get(field);
        return perSubtask == null || subtask >= perSubtask.length ? null : perSubtask[subtask];
    }

    public boolean has(VertexField field) {
        return ids.containsKey(field);
    }

    /** True when latency tracking reports histograms for this vertex's operators. */
    public boolean hasLatency() {
        return !latencyIds.isEmpty();
    }

    /** The largest median latency (ms) from a source to an operator of this vertex, NaN when none is reported. */
    public double latencyMillis(Map<String, Double> answer) {
        double max = Double.NaN;
        for (String id : latencyIds) {
            Double v = answer.get(id);
            if (v != null && !v.isNaN() && v >= 0 && (Double.isNaN(max) || v > max)) {
                max = v;
            }
        }
        return max;
    }

    /** Every resolved id, for one {@code ?get=} request. */
    public List<String> allIds() {
        Set<String> out = new LinkedHashSet<>(latencyIds);
        ids.values().forEach(perSubtask -> {
            for (String id : perSubtask) {
                if (id != null) {
                    out.add(id);
                }
            }
        });
        return List.copyOf(out);
    }

    /** Values of a field per subtask from an answer; NaN where missing. */
    public double[] values(VertexField field, Map<String, Double> answer) {
        double[] out = new double[parallelism];
        for (int i = 0; i < parallelism; i++) {
            String id = id(field, i);
            Double v = id == null ? null : answer.get(id);
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }
}
