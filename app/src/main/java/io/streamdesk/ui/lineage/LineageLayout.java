package io.streamdesk.ui.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small layered layout of a {@link LineageGraph} (M5): columns left to right along the edges (tables read, then
 * the versions reading them, then the tables they write, then versions reading those...), each node in the column of
 * its longest path from a source; a version that reads nothing still stands right of the tables. Within a column
 * nodes are ordered by the mean position of their neighbours (a few sweeps both ways) so edges cross less. An edge
 * that closes a cycle (a version reading the table it writes) is drawn backwards instead of breaking the columns.
 * Pure computation: the view only draws what it returns.
 */
public final class LineageLayout {

    public static final double NODE_WIDTH = 230;
    public static final double NODE_HEIGHT = 50;
    public static final double COLUMN_GAP = 110;
    public static final double ROW_GAP = 18;
    public static final double MARGIN = 24;
    private static final int SWEEPS = 4;

    /** A node with its box: top-left corner, size, and its column and row. */
    public record Placed(LineageGraph.Node node, double x, double y, double width, double height, int column, int row) {
        public double centerY() {
            return y + height / 2;
        }
    }

    /** An edge from the right side of its source to the left side of its target ({@code backward}: right to left). */
    public record Line(LineageGraph.Edge edge, double x1, double y1, double x2, double y2, boolean backward) {
    }

    public record Result(List<Placed> nodes, List<Line> lines, double width, double height) {
        public Placed node(String id) {
            return nodes.stream().filter(p -> p.node().id().equals(id)).findFirst().orElse(null);
        }
    }

    private LineageLayout() {
    }

    public static Result layout(LineageGraph graph) {
        List<LineageGraph.Node> nodes = graph.nodes();
        if (nodes.isEmpty()) {
            return new Result(List.of(), List.of(), 0, 0);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        List<List<Integer>> out = new ArrayList<>();
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
        List<LineageGraph.Edge> edges = graph.edges().stream()
                .filter(e -> index.containsKey(e.from()) && index.containsKey(e.to()) && !e.from().equals(e.to()))
                .toList();
        Set<LineageGraph.Edge> back = backEdges(nodes.size(), edges, index);
        for (LineageGraph.Edge e : edges) {
            if (!back.contains(e)) {
                out.get(index.get(e.from())).add(index.get(e.to()));
                in.get(index.get(e.to())).add(index.get(e.from()));
            }
        }
        int[] column = columns(nodes, out, in);
        List<List<Integer>> columns = new ArrayList<>();
        int maxColumn = 0;
        for (int c : column) {
            maxColumn = Math.max(maxColumn, c);
        }
        for (int c = 0; c <= maxColumn; c++) {
            columns.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            columns.get(column[i]).add(i);
        }
        columns.removeIf(List::isEmpty);
        order(columns, out, in);

        int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
        double height = 2 * MARGIN + tallest * NODE_HEIGHT + Math.max(0, tallest - 1) * ROW_GAP;
        double width = 2 * MARGIN + columns.size() * NODE_WIDTH + Math.max(0, columns.size() - 1) * COLUMN_GAP;
        Placed[] placed = new Placed[nodes.size()];
        for (int c = 0; c < columns.size(); c++) {
            List<Integer> col = columns.get(c);
            double colHeight = col.size() * NODE_HEIGHT + Math.max(0, col.size() - 1) * ROW_GAP;
            double top = MARGIN + (height - 2 * MARGIN - colHeight) / 2; // each column centred vertically
            for (int r = 0; r < col.size(); r++) {
                int i = col.get(r);
                placed[i] = new Placed(nodes.get(i), MARGIN + c * (NODE_WIDTH + COLUMN_GAP),
                        top + r * (NODE_HEIGHT + ROW_GAP), NODE_WIDTH, NODE_HEIGHT, c, r);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (LineageGraph.Edge e : edges) {
            Placed a = placed[index.get(e.from())];
            Placed b = placed[index.get(e.to())];
            boolean backward = b.column() <= a.column();
            lines.add(backward
                    ? new Line(e, a.x(), a.centerY(), b.x() + b.width(), b.centerY(), true)
                    : new Line(e, a.x() + a.width(), a.centerY(), b.x(), b.centerY(), false));
        }
        return new Result(List.of(placed), lines, width, height);
    }

    /** Edges that close a cycle, found by a depth-first walk in the graph's node order (deterministic). */
    private static Set<LineageGraph.Edge> backEdges(int n, List<LineageGraph.Edge> edges, Map<String, Integer> index) {
        Map<Integer, List<LineageGraph.Edge>> outgoing = new LinkedHashMap<>();
        for (LineageGraph.Edge e : edges) {
            outgoing.computeIfAbsent(index.get(e.from()), k -> new ArrayList<>()).add(e);
        }
        Set<LineageGraph.Edge> back = new HashSet<>();
        int[] state = new int[n]; // 0 new, 1 on the path, 2 done
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            // iterative DFS: a long chain of jobs must not overflow the stack
            List<int[]> stack = new ArrayList<>();
            stack.add(new int[] {start, 0});
            state[start] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.get(stack.size() - 1);
                List<LineageGraph.Edge> next = outgoing.getOrDefault(top[0], List.of());
                if (top[1] >= next.size()) {
                    state[top[0]] = 2;
                    stack.remove(stack.size() - 1);
                    continue;
                }
                LineageGraph.Edge e = next.get(top[1]++);
                int to = index.get(e.to());
                if (state[to] == 1) {
                    back.add(e);
                } else if (state[to] == 0) {
                    state[to] = 1;
                    stack.add(new int[] {to, 0});
                }
            }
        }
        return back;
    }

    /**
     * Longest path from a source over the acyclic edges. Sources start at column 0 for a table and 1 for a version,
     * so tables and versions keep to alternate columns (every edge joins a table and a version).
     */
    private static int[] columns(List<LineageGraph.Node> nodes, List<List<Integer>> out, List<List<Integer>> in) {
        int n = nodes.size();
        int[] column = new int[n];
        int[] pendingIn = new int[n];
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pendingIn[i] = in.get(i).size();
            column[i] = nodes.get(i).kind() == LineageGraph.Kind.VERSION ? 1 : 0;
            if (pendingIn[i] == 0) {
                ready.add(i);
            }
        }
        for (int k = 0; k < ready.size(); k++) {
            int u = ready.get(k);
            for (int v : out.get(u)) {
                column[v] = Math.max(column[v], column[u] + 1);
                if (--pendingIn[v] == 0) {
                    ready.add(v);
                }
            }
        }
        return column;
    }

    /** Barycentre sweeps: each column sorted by the mean row of its neighbours in the column before (or after). */
    private static void order(List<List<Integer>> columns, List<List<Integer>> out, List<List<Integer>> in) {
        Map<Integer, Integer> row = new HashMap<>();
        columns.forEach(col -> {
            for (int r = 0; r < col.size(); r++) {
                row.put(col.get(r), r);
            }
        });
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 1; k < columns.size(); k++) {
                int c = down ? k : columns.size() - 1 - k;
                List<Integer> col = columns.get(c);
                Map<Integer, Double> key = new HashMap<>();
                for (int r = 0; r < col.size(); r++) {
                    int node = col.get(r);
                    List<Integer> neighbours = down ? in.get(node) : out.get(node);
                    double sum = 0;
                    int count = 0;
                    for (int m : neighbours) {
                        sum += row.get(m);
                        count++;
                    }
                    key.put(node, count == 0 ? r : sum / count);
                }
                col.sort(Comparator.comparingDouble(key::get)); // stable: ties keep their order
                for (int r = 0; r < col.size(); r++) {
                    row.put(col.get(r), r);
                }
            }
        }
    }
}
