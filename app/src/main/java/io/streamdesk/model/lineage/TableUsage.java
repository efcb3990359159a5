package io.streamdesk.model.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How one job uses one table across its versions (M5): which versions read or write it, and whether the newest
 * version still does ("used by v1–v2, not by v3" when v3 dropped it).
 *
 * @param versions the versions that use it this way, ascending
 * @param newest   the job's newest version number (0 when it has none)
 */
public record TableUsage(LineageTable table, TableAccess access, List<Integer> versions, int newest,
                         String spans) {

    public TableUsage {
        versions = List.copyOf(versions);
    }

    /** The newest version no longer uses the table this way. */
    public boolean dropped() {
        return !versions.contains(newest);
    }

    /** "read by v1–v2, not by v3". */
    public String describe() {
        return access.passive() + " " + spans.replace(", not ", ", not by ");
    }

    /**
     * How each table is used across {@code versions} (the lineage of some of a job's versions), said against all the
     * job's version numbers {@code all}: reads first, then writes, each by table name.
     */
    public static List<TableUsage> across(Collection<VersionLineage> versions, Collection<Integer> all) {
        Map<String, List<Integer>> reads = new LinkedHashMap<>();
        Map<String, List<Integer>> writes = new LinkedHashMap<>();
        Map<String, LineageTable> tables = new LinkedHashMap<>();
        for (VersionLineage v : versions) {
            v.reads().forEach(t -> {
                tables.put(t.name(), t);
                reads.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(v.version());
            });
            v.writes().forEach(t -> {
                tables.put(t.name(), t);
                writes.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(v.version());
            });
        }
        int newest = all.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<TableUsage> out = new ArrayList<>();
        for (String name : new TreeSet<>(reads.keySet())) {
            List<Integer> using = reads.get(name).stream().sorted().toList();
            out.add(new TableUsage(tables.get(name), TableAccess.READ, using, newest, VersionSpans.describe(using, all)));
        }
        for (String name : new TreeSet<>(writes.keySet())) {
            List<Integer> using = writes.get(name).stream().sorted().toList();
            out.add(new TableUsage(tables.get(name), TableAccess.WRITE, using, newest, VersionSpans.describe(using, all)));
        }
        return out;
    }
}
