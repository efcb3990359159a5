package io.streamdesk.service;

import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.DraftSettings;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules of J6 as pure functions: which settings a copy gets on its target cluster, which savepoints it shares,
 * and the name it gets when the user gives none.
 */
public final class CopyRules {
    /** The spec a cluster without fine-grained resources gives a copy, for the JobManager and the TaskManager. */

    private CopyRules() {
    }

    /** The copy's draft settings and what changed on the way, in the user's words. */
    public record Settings(Map<String, String> values, List<String> notes) {
        public Settings {
            values = Map.copyOf(values);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The source's draft settings adapted to {@code target}: a Flink version the target lacks becomes the target's
     * default. Everything else is copied.
     */
    public static Settings settingsFor(Map<String, String> source, ClusterProfile sourceCluster, ClusterProfile target) {
        Map<String, String> out = new TreeMap<>(source);
        List<String> notes = new ArrayList<>();
        String version = source.getOrDefault(DraftSettings.FLINK_VERSION,
                sourceCluster == null ? null : sourceCluster.defaultFlinkVersion());
        if (version != null) {
            if (target.offers(version)) {
                out.put(DraftSettings.FLINK_VERSION, version);
            } else if (target.defaultFlinkVersion() != null) {
                out.put(DraftSettings.FLINK_VERSION, target.defaultFlinkVersion());
                notes.add("Flink " + version + " is not available on " + target.name() + ": the copy uses its default, Flink "
                        + target.defaultFlinkVersion() + ".");
            } else {
                out.remove(DraftSettings.FLINK_VERSION);
            }
        }
        return new Settings(out, notes);
    }

    /** The draft's configuration as the copy gets it, with what was changed for the target. */
    public record Config(JobConfig config, List<String> notes) {
        public Config {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The source draft's configuration (P1-P6) adapted to {@code target}: without fine-grained resources the
     * JobManager and the TaskManager get 1 CU each (J6); parameters, parallelism, mode and log level are copied.
     */
    public static Config configFor(JobConfig source, ClusterProfile target) {
        if (source == null) {
            return new Config(null, List.of());
        }
        JobResources r = source.resources();
        if (target.fineGrainedResources() || (r.jobManagerCu() == 1.0 && r.taskManagerCu() == 1.0)) {
            return new Config(source, List.of());
        }
        return new Config(source.withResources(new JobResources(1.0, 1.0, r.parallelism())), List.of(target.name()
                + " has no fine-grained resources: the copy gets 1 CU for the JobManager and 1 CU for the TaskManager."));
    }

    /** Only manually triggered savepoints are shared with a copy (J6); periodic and on-stop ones stay with the source. */
    public static boolean sharedWithCopy(SavepointRecord savepoint) {
        return savepoint.source() == SavepointSource.MANUAL && savepoint.status() == SavepointStatus.COMPLETED;
    }

    /** "name-copy", or "name-copy-2", "-copy-3", ... when taken (case-insensitive), within the name length limit. */
    public static String defaultName(String sourceName, Collection<String> takenNames) {
        Set<String> taken = takenNames.stream().map(CopyRules::key).collect(Collectors.toSet());
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? "-copy" : "-copy-" + n;
            String base = sourceName.length() + suffix.length() > InputLimits.MAX_NAME
                    ? sourceName.substring(0, InputLimits.MAX_NAME - suffix.length()).strip() : sourceName;
            String candidate = base + suffix;
            if (!taken.contains(key(candidate))) {
                return candidate;
            }
        }
    }

    /** Names compare without case: "Orders" and "orders" in one folder would only confuse. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
