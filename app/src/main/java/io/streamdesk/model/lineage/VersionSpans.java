package io.streamdesk.model.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says which of a job's versions use something, in spans of neighbouring versions: "v1–v2, not v3". Neighbours are
 * neighbours among the job's existing versions, so v2 and v4 are one span when v3 was deleted.
 */
public final class VersionSpans {

    private VersionSpans() {
    }

    /**
     * @param using the version numbers that use it
     * @param all   every existing version number of the job (any order)
     * @return e.g. "v1–v2, not v3", "v1–v3" (all of them), "v2, not v1, v3"
     */
    public static String describe(Collection<Integer> using, Collection<Integer> all) {
        List<Integer> versions = new ArrayList<>(new TreeSet<>(all));
        Set<Integer> used = new TreeSet<>(using);
        String yes = spans(versions, used, true);
        String no = spans(versions, used, false);
        if (yes.isEmpty()) {
            return "not " + no;
        }
        return no.isEmpty() ? yes : yes + ", not " + no;
    }

    private static String spans(List<Integer> versions, Set<Integer> used, boolean wanted) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < versions.size()) {
            if (used.contains(versions.get(i)) != wanted) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < versions.size() && used.contains(versions.get(j + 1)) == wanted) {
                j++;
            }
            parts.add(i == j ? "v" + versions.get(i) : "v" + versions.get(i) + "\u2013v" + versions.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }
}
