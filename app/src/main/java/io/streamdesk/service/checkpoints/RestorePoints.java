package io.streamdesk.service.checkpoints;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.RestorePointLookup;
import io.streamdesk.service.port.CheckpointStore;
import io.streamdesk.service.port.RunStore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's checkpoints and savepoints as one list (C1): Flink's history as the app kept it, merged with the app's own
 * savepoint records (descriptions, the on-stop savepoints of runs whose cluster is long gone). A completed entry whose
 * files are gone — Flink's retention removed it, or someone deleted it — is CLEARED and cannot be restored from (C2).
 */
public final class RestorePoints implements RestorePointLookup {
    private static final int MAX_ROWS = 300;

    private final CheckpointStore checkpoints;
    private final RunStore runs;

    public RestorePoints(CheckpointStore checkpoints, RunStore runs) {
        this.checkpoints = checkpoints;
        this.runs = runs;
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
        List<CheckpointRecord> out = new ArrayList<>();
        for (CheckpointRecord r : rows) {
            out.add(r.status() == SavepointStatus.COMPLETED && isGone(r.location()) ? r.withStatus(SavepointStatus.CLEARED) : r);
        }
        out.sort(Comparator.comparing(CheckpointRecord::triggeredAt).reversed());
        return out;
    }

    @Override
    public List<CheckpointRecord> restorable(JobId id) {
        return list(id).stream().filter(CheckpointRecord::restorable).toList();
    }

    /** False when the savepoint or checkpoint at {@code location} was cleared (its local files are gone). */
    public boolean stillExists(String location) {
        return location != null && !isGone(location);
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

    /** Only local paths can be checked; a remote location (s3://, hdfs://) is assumed to exist. */
    private static boolean isGone(String location) {
        if (location == null) {
            return false;
        }
        String path = normalize(location);
        if (!path.startsWith("/")) {
            return false;
        }
        return !Files.exists(Path.of(path));
    }
}
