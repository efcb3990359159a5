package io.streamdesk.service.jobconfig;

import io.streamdesk.service.port.JobGraphCompiler.CompiledJob;
import io.streamdesk.service.port.JobGraphCompiler.CompiledOperator;
import io.streamdesk.service.port.SavepointInspector.SavedOperatorState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a restore would do with a savepoint's state, matched by operator ID the way Flink matches it: state of an
 * operator the new job graph has is restored; state of an operator it lacks is dropped (Flink refuses that unless
 * non-restored state is allowed); operators of the new graph the savepoint does not know start empty. A saved
 * max parallelism lower than the one the new version requests cannot be restored (P4).
 */
public record StateCompatibility(List<Match> restored, List<SavedOperatorState> dropped, List<CompiledOperator> startEmpty,
                                 List<Match> maxParallelismConflicts, int ignoredEmptyStates) {

    /** A saved state and the operator of the new graph that claims it. */
    public record Match(SavedOperatorState saved, CompiledOperator operator) {
    }

    /**
     * @param requestedMaxParallelism the new version's {@code pipeline.max-parallelism}, or null when it sets none
     */
    public static StateCompatibility compare(List<SavedOperatorState> saved, CompiledJob graph, Integer requestedMaxParallelism) {
        Map<String, CompiledOperator> byId = new HashMap<>();
        for (CompiledOperator op : graph.operators()) {
            byId.put(op.operatorId(), op);
            if (op.userDefinedOperatorId() != null) {
                byId.put(op.userDefinedOperatorId(), op);
            }
        }
        List<Match> restored = new ArrayList<>();
        List<SavedOperatorState> dropped = new ArrayList<>();
        List<Match> conflicts = new ArrayList<>();
        java.util.Set<String> claimed = new java.util.HashSet<>();
        int ignored = 0;
        for (SavedOperatorState s : saved) {
            CompiledOperator op = byId.get(s.operatorId());
            if (op != null) {
                claimed.add(op.operatorId());
            }
            if (!s.hasState()) {
                ignored += op == null ? 1 : 0;
                continue;
            }
            if (op == null) {
                dropped.add(s);
                continue;
            }
            Match m = new Match(s, op);
            restored.add(m);
            if (requestedMaxParallelism != null && s.maxParallelism() > 0 && s.maxParallelism() < requestedMaxParallelism) {
                conflicts.add(m);
            }
        }
        List<CompiledOperator> empty = graph.operators().stream().filter(op -> !claimed.contains(op.operatorId())).toList();
        return new StateCompatibility(List.copyOf(restored), List.copyOf(dropped), empty, List.copyOf(conflicts), ignored);
    }

    /** One line of the comparison for display: the operator (its vertex name, or the saved name) and a detail. */
    public record Entry(EntryKind kind, String operator, String detail) {
    }

    public enum EntryKind { RESTORED, DROPPED, STARTS_EMPTY }

    /** Restored, then dropped, then new operators, as lines to show. */
    public List<Entry> entries() {
        List<Entry> rows = new ArrayList<>();
        for (Match m : restored) {
            String detail = size(m.saved().stateSize()) + (maxParallelismConflicts.contains(m)
                    ? "; saved max parallelism " + m.saved().maxParallelism() + " is too low" : "");
            rows.add(new Entry(EntryKind.RESTORED, m.operator().vertexName(), detail));
        }
        dropped.forEach(d -> rows.add(new Entry(EntryKind.DROPPED, d.label(), size(d.stateSize()))));
        startEmpty.forEach(op -> rows.add(new Entry(EntryKind.STARTS_EMPTY, op.vertexName(), "new operator")));
        return rows;
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B of state";
        }
        return bytes < 1024 * 1024 ? (bytes / 1024) + " KiB of state" : (bytes / (1024 * 1024)) + " MiB of state";
    }

    /** Flink refuses the restore unless non-restored state is allowed. */
    public boolean dropsState() {
        return !dropped.isEmpty();
    }

    public boolean hasMaxParallelismConflict() {
        return !maxParallelismConflicts.isEmpty();
    }

    /** One paragraph for the Run dialog and refusals. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(restored.size()).append(restored.size() == 1 ? " operator state restored" : " operator states restored");
        sb.append(", ").append(dropped.size()).append(dropped.size() == 1 ? " dropped" : " dropped");
        sb.append(", ").append(startEmpty.size()).append(startEmpty.size() == 1 ? " new operator starts empty" : " new operators start empty");
        if (!dropped.isEmpty()) {
            sb.append(". Dropped: ").append(String.join(", ", dropped.stream().map(SavedOperatorState::label).toList()));
        }
        if (!maxParallelismConflicts.isEmpty()) {
            Match m = maxParallelismConflicts.get(0);
            sb.append(". The savepoint's max parallelism ").append(m.saved().maxParallelism())
                    .append(" is lower than the version's pipeline.max-parallelism: it cannot be restored");
        }
        return sb.append('.').toString();
    }
}
