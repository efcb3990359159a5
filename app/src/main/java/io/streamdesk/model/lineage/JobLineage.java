package io.streamdesk.model.lineage;

import io.streamdesk.model.JobId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The tables of one job across its versions (M5): the lineage of each existing version, oldest first, and the
 * versions still being read (their lineage is not known yet).
 */
public record JobLineage(JobId jobId, String jobName, List<VersionLineage> versions, List<Integer> pending) {

    public JobLineage {
        versions = versions.stream().sorted(Comparator.comparingInt(VersionLineage::version)).toList();
        pending = List.copyOf(pending);
    }

    /** Every version number, known or pending, ascending. */
    public List<Integer> versionNumbers() {
        TreeSet<Integer> all = new TreeSet<>(pending);
        versions.forEach(v -> all.add(v.version()));
        return new ArrayList<>(all);
    }

    public int newest() {
        List<Integer> all = versionNumbers();
        return all.isEmpty() ? 0 : all.get(all.size() - 1);
    }

    /** Each table read or written by some version, with the versions that do: reads first, then writes, by name. */
    public List<TableUsage> usages() {
        return TableUsage.across(versions, versionNumbers());
    }
}
