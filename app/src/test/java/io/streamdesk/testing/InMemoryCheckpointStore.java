package io.streamdesk.testing;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.JobId;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.service.port.CheckpointStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link CheckpointStore} in memory, keyed like the H2 one by (Flink job id, checkpoint id). */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<String, CheckpointRecord> records = new LinkedHashMap<>();

    @Override
    public synchronized void upsert(Collection<CheckpointRecord> list) {
        for (CheckpointRecord r : list) {
            String key = r.flinkJobId() + "/" + r.checkpointId();
            CheckpointRecord old = records.get(key);
            if (old != null && r.description() == null && old.description() != null) {
                r = r.withDescription(old.description(), r.source());
            }
            records.put(key, r);
        }
    }

    @Override
    public synchronized List<CheckpointRecord> list(JobId job, int limit) {
        return records.values().stream().filter(r -> r.jobId().equals(job))
                .sorted(Comparator.comparing(CheckpointRecord::triggeredAt).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized int trimPeriodic(JobId job, int keep) {
        List<CheckpointRecord> periodic = new ArrayList<>(list(job, Integer.MAX_VALUE).stream()
                .filter(r -> r.source() == SavepointSource.PERIODIC).toList());
        int removed = 0;
        for (int i = keep; i < periodic.size(); i++) {
            CheckpointRecord r = periodic.get(i);
            records.remove(r.flinkJobId() + "/" + r.checkpointId());
            removed++;
        }
        return removed;
    }
}
