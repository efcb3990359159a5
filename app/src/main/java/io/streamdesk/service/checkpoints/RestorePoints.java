package io.streamdesk.service.checkpoints;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.RestorePointLookup;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.CheckpointStore;
import io.streamdesk.service.port.RunStore;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A job's checkpoints and savepoints as one list (C1): Flink's history as the app kept it, merged with the app's own
 * savepoint records (descriptions, the on-stop savepoints of runs whose cluster is long gone). A completed entry whose
 * files are gone — Flink's retention removed it, or someone deleted it — is CLEARED and cannot be restored from (C2).
 * Only a cluster that shares the desktop's file system (the local one) can tell "gone" from the desktop: for a remote
 * cluster a location the desktop cannot read stays COMPLETED when Flink reported it so, and is offered as such (R6).
 */
public final class RestorePoints implements RestorePointLookup {
    private static final int MAX_ROWS = 300;

    private final CheckpointStore checkpoints;
    private final RunStore runs;
    private final Predicate<JobId> sharesDesktopFiles;

    /** Every job's cluster shares the desktop's file system (the local cluster only). */
    public RestorePoints(CheckpointStore checkpoints, RunStore runs) {
        this(checkpoints, runs, id -> true);
    }

    /**
     * @param sharesDesktopFiles whether the job's cluster writes its checkpoints where the desktop reads them (the local
     *                           cluster) — then a missing file means CLEARED
     */
    public RestorePoints(CheckpointStore checkpoints, RunStore runs, Predicate<JobId> sharesDesktopFiles) {
        this.checkpoints = checkpoints;
        this.runs = runs;
        this.sharesDesktopFiles = sharesDesktopFiles;
    }

    /** Over the job's cluster as the registry defines it: only a {@link ClusterKind#LOCAL} cluster shares the desktop's files. */
    public static RestorePoints onClustersOf(CheckpointStore checkpoints, RunStore runs, JobStore jobs, ClusterService clusters) {
        return new RestorePoints(checkpoints, runs, id -> {
            String clusterId = jobs.find(id).map(Job::clusterId).orElse(ClusterConnection.DEFAULT_CLUSTER_ID);
            if (ClusterConnection.DEFAULT_CLUSTER_ID.equals(clusterId)) {
                return true;
            }
            // a removed cluster was a remote one: the local cluster cannot be removed
            return clusters.definition(clusterId).map(d -> d.kind() == ClusterKind.LOCAL).orElse(false);
        });
    }

    /** Every checkpoint and savepoint of the job, newest first. */
    public List<CheckpointRecord> list(JobId id) {
        List<CheckpointRecord> rows = new ArrayList<>(checkpoints.list(id, MAX_ROWS));
        Map<String, Integer> byLocation = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).location() != null) {
                byLocation.put(normalize(rows.get(i).location()), i);
            }
        }
        for (SavepointRecord sp : runs.listSavepoints(id)) {
            Integer at = sp.location() == null ? null : byLocation.get(normalize(sp.location()));
            if (at != null) {
                rows.set(at, rows.get(at).withDescription(sp.description(), sp.source()));
            } else {
                rows.add(new CheckpointRecord(id, sp.runInstance(), sp.version(), "", 0, "SAVEPOINT", sp.source(),
                        sp.status(), sp.createdAt(), sp.status() == SavepointStatus.COMPLETED ? sp.createdAt() : null,
                        null, null, sp.location(), sp.description()));
            }
        }
        boolean local = sharesDesktopFiles.test(id);
        List<CheckpointRecord> out = new ArrayList<>();
        for (CheckpointRecord r : rows) {
            boolean gone = local && r.location() != null && StateFiles.of(r.location()) == StateFiles.MISSING_HERE;
            out.add(r.status() == SavepointStatus.COMPLETED && gone ? r.withStatus(SavepointStatus.CLEARED) : r);
        }
        out.sort(Comparator.comparing(CheckpointRecord::triggeredAt).reversed());
        return out;
    }

    @Override
    public List<CheckpointRecord> restorable(JobId id) {
        return list(id).stream().filter(CheckpointRecord::restorable).toList();
    }

    /**
     * False when the savepoint or checkpoint at {@code location} was cleared (its local files are gone); a location on
     * other storage (s3://, hdfs://, another host) is assumed to exist.
     */
    public boolean stillExists(String location) {
        return location != null && StateFiles.of(location) != StateFiles.MISSING_HERE;
    }

    @Override
    public boolean sharesDesktopFiles(JobId id) {
        return sharesDesktopFiles.test(id);
    }

    static String normalize(String location) {
        String l = location.strip();
        if (l.startsWith("file:")) {
            try {
                l = Path.of(URI.create(l.startsWith("file:/") && !l.startsWith("file://") ? "file://" + l.substring(5) : l))
                        .toString();
            } catch (RuntimeException e) {
                // keep as is
            }
        }
        return l.endsWith("/") ? l.substring(0, l.length() - 1) : l;
    }
}
