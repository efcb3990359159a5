package io.streamdesk.ui.lineage;

import io.streamdesk.model.JobId;
import io.streamdesk.model.lineage.TableAccess;
import io.streamdesk.model.lineage.TableOrigin;

import java.util.List;
import java.util.Objects;

/**
 * What a lineage graph shows (M5): tables and job versions as nodes, an edge from a table to each version reading it
 * and from a version to each table it writes. {@code note} says what was left out (too many nodes) or is still
 * being read, empty otherwise.
 */
public record LineageGraph(List<Node> nodes, List<Edge> edges, String note) {

    public static final LineageGraph EMPTY = new LineageGraph(List.of(), List.of(), "");

    public LineageGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        note = note == null ? "" : note;
    }

    public enum Kind { TABLE, VERSION }

    /**
     * @param id        unique in the graph ("t:" + table name, "v:" + job + ":" + version)
     * @param title     the big line (a table's name, "v3")
     * @param subtitle  the small line (connector and origin, the job's name)
     * @param detail    the tooltip: full name and how it is used across versions
     * @param focus     the table or version the graph is about
     * @param dropped   a table the job's newest version no longer uses, or a version that is not the newest
     * @param jobId     the job of a version node, null for a table
     * @param version   the version number of a version node, 0 for a table
     * @param tableName the full name of a table node, null for a version
     * @param origin    where a table is defined, null for a version
     */
    public record Node(String id, Kind kind, String title, String subtitle, String detail, boolean focus,
                       boolean dropped, JobId jobId, int version, String tableName, TableOrigin origin) {
        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            title = title == null ? "" : title;
            subtitle = subtitle == null ? "" : subtitle;
            detail = detail == null ? "" : detail;
        }
    }

    /** {@code from} reads into / writes out to {@code to}: table -> version for a read, version -> table for a write. */
    public record Edge(String from, String to, TableAccess access, boolean dropped) {
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
