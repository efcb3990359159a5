package io.streamdesk.ui.lineage;

import io.streamdesk.model.JobId;
import io.streamdesk.model.lineage.JobLineage;
import io.streamdesk.model.lineage.LineageTable;
import io.streamdesk.model.lineage.TableAccess;
import io.streamdesk.model.lineage.TableLineage;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.model.lineage.TableUsage;
import io.streamdesk.model.lineage.VersionLineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link LineageGraph} of a job (its versions and their tables) and of a table (the versions using it). */
public final class LineageGraphs {

    /** At most this many nodes are drawn; the note says how many were left out. */
    public static final int MAX_NODES = 300;

    private LineageGraphs() {
    }

    /** The job's versions in the middle, what they read on the left, what they write on the right. */
    public static LineageGraph ofJob(JobLineage lineage) {
        Builder b = new Builder();
        int newest = lineage.newest();
        Map<String, TableUsage> reads = new LinkedHashMap<>();
        Map<String, TableUsage> writes = new LinkedHashMap<>();
        for (TableUsage u : lineage.usages()) {
            (u.access() == TableAccess.READ ? reads : writes).put(u.table().name(), u);
        }
        for (VersionLineage v : lineage.versions()) {
            b.version(lineage.jobId(), lineage.jobName(), v, v.version() == newest, v.version() != newest, false);
        }
        for (TableUsage u : lineage.usages()) {
            TableUsage read = reads.get(u.table().name());
            TableUsage write = writes.get(u.table().name());
            boolean dropped = (read == null || read.dropped()) && (write == null || write.dropped());
            b.table(u.table(), false, dropped, usageText(read, write));
        }
        for (VersionLineage v : lineage.versions()) {
            boolean old = v.version() != newest;
            v.reads().forEach(t -> b.edge(tableId(t.name()), versionId(lineage.jobId(), v.version()), TableAccess.READ, old));
            v.writes().forEach(t -> b.edge(versionId(lineage.jobId(), v.version()), tableId(t.name()), TableAccess.WRITE, old));
        }
        String note = lineage.pending().isEmpty() ? ""
                : "The tables of " + versions(lineage.pending()) + " could not be read yet.";
        return b.build(note);
    }

    /** The versions reading or writing the table (the focus), with what else those versions read and write. */
    public static LineageGraph ofTable(TableLineage lineage) {
        Builder b = new Builder();
        String focus = lineage.tableName();
        LineageTable focusTable = null;
        List<String> usageLines = new ArrayList<>();
        for (TableLineage.JobUse use : lineage.jobs()) {
            for (TableUsage u : use.usages()) {
                usageLines.add(use.jobName() + ": " + u.describe());
                focusTable = focusTable == null ? u.table() : focusTable;
            }
        }
        if (focusTable == null) {
            focusTable = new LineageTable(focus, TableOrigin.CATALOG, "");
        }
        b.table(focusTable, true, false, String.join("\n", usageLines));
        for (TableLineage.JobUse use : lineage.jobs()) {
            int newest = use.usages().stream().mapToInt(TableUsage::newest).max().orElse(0);
            for (VersionLineage v : use.versions()) {
                boolean old = v.version() != newest;
                b.version(use.jobId(), use.jobName(), v, false, old, true);
                for (LineageTable t : v.reads()) {
                    b.table(t, false, false, "");
                    b.edge(tableId(t.name()), versionId(use.jobId(), v.version()), TableAccess.READ, old);
                }
                for (LineageTable t : v.writes()) {
                    b.table(t, false, false, "");
                    b.edge(versionId(use.jobId(), v.version()), tableId(t.name()), TableAccess.WRITE, old);
                }
            }
        }
        return b.build(lineage.jobs().isEmpty() ? "No published version reads or writes " + focus + "." : "");
    }

    static String tableId(String name) {
        return "t:" + name;
    }

    static String versionId(JobId job, int version) {
        return "v:" + job.value() + ":" + version;
    }

    /** "metadata catalog · kafka" etc. */
    static String tableSubtitle(LineageTable t) {
        return t.connector().isEmpty() ? t.origin().label() : t.connector() + " \u00b7 " + t.origin().label();
    }

    /** A catalog table by its three-part name (that is how jobs refer to it); a script's table by its own name. */
    static String tableTitle(LineageTable t) {
        return t.origin() == TableOrigin.SCRIPT ? t.shortName() : t.name();
    }

    private static String usageText(TableUsage read, TableUsage write) {
        List<String> lines = new ArrayList<>();
        if (read != null) {
            lines.add(read.describe());
        }
        if (write != null) {
            lines.add(write.describe());
        }
        return String.join("\n", lines);
    }

    private static String versions(List<Integer> numbers) {
        return numbers.stream().map(n -> "v" + n).reduce((a, c) -> a + ", " + c).orElse("");
    }

    /** Collects nodes once each (the first description wins, a focus stays a focus) and edges once each. */
    private static final class Builder {
        private final Map<String, LineageGraph.Node> nodes = new LinkedHashMap<>();
        private final Map<String, LineageGraph.Edge> edges = new LinkedHashMap<>();
        private int leftOut;

        void table(LineageTable t, boolean focus, boolean dropped, String usage) {
            String id = tableId(t.name());
            if (nodes.containsKey(id)) {
                return;
            }
            if (nodes.size() >= MAX_NODES) {
                leftOut++;
                return;
            }
            String detail = t.name() + " (" + tableSubtitle(t) + ")" + (usage.isEmpty() ? "" : "\n" + usage);
            nodes.put(id, new LineageGraph.Node(id, LineageGraph.Kind.TABLE, tableTitle(t),
                    dropped ? "no longer used \u00b7 " + tableSubtitle(t) : tableSubtitle(t), detail, focus, dropped,
                    null, 0, t.name(), t.origin()));
        }

        /** @param byJob titled by the job's name (a table's graph, many jobs) rather than by "v3" (a job's graph) */
        void version(JobId job, String jobName, VersionLineage v, boolean focus, boolean old, boolean byJob) {
            String id = versionId(job, v.version());
            if (nodes.containsKey(id)) {
                return;
            }
            if (nodes.size() >= MAX_NODES) {
                leftOut++;
                return;
            }
            String detail = jobName + " v" + v.version() + ": reads " + v.reads().size() + ", writes "
                    + v.writes().size() + " table(s)" + (v.problem().isEmpty() ? "" : "\n" + v.problem());
            String partly = v.problem().isEmpty() ? "" : " \u00b7 partly read";
            String title = byJob ? jobName : "v" + v.version();
            // a job's own graph needs no job name in every box; a table's graph tells the jobs apart by it
            String subtitle = (byJob ? "v" + v.version() + (old ? " \u00b7 older version" : "")
                    : old ? "older version" : "newest version") + partly;
            nodes.put(id, new LineageGraph.Node(id, LineageGraph.Kind.VERSION, title, subtitle, detail, focus, old,
                    job, v.version(), null, null));
        }

        void edge(String from, String to, TableAccess access, boolean dropped) {
            if (nodes.containsKey(from) && nodes.containsKey(to)) {
                edges.putIfAbsent(from + "->" + to, new LineageGraph.Edge(from, to, access, dropped));
            }
        }

        LineageGraph build(String note) {
            String more = leftOut == 0 ? "" : leftOut + " more table(s) and version(s) are not drawn (at most "
                    + MAX_NODES + " nodes).";
            String text = note.isEmpty() ? more : more.isEmpty() ? note : note + " " + more;
            return new LineageGraph(new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()), text);
        }
    }
}
