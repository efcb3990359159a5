package io.streamdesk.testing;

import io.streamdesk.model.JobId;
import io.streamdesk.model.lineage.VersionLineage;
import io.streamdesk.service.port.LineageStore;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** LineageStore in memory, ordered like the JDBC one (job, then version). */
public final class InMemoryLineageStore implements LineageStore {
    private record Key(JobId job, int version) {
    }

    private final Map<Key, VersionLineage> all = new ConcurrentHashMap<>();

    private static final Comparator<VersionLineage> ORDER =
            Comparator.comparing((VersionLineage v) -> v.jobId().value()).thenComparingInt(VersionLineage::version);

    @Override
    public void save(VersionLineage lineage) {
        all.put(new Key(lineage.jobId(), lineage.version()), lineage);
    }

    @Override
    public Optional<VersionLineage> find(JobId job, int version) {
        return Optional.ofNullable(all.get(new Key(job, version)));
    }

    @Override
    public List<VersionLineage> forJob(JobId job) {
        return all.values().stream().filter(v -> v.jobId().equals(job)).sorted(ORDER).toList();
    }

    @Override
    public List<VersionLineage> usingTable(String tableName) {
        return all.values().stream().filter(v -> v.reads(tableName) || v.writes(tableName)).sorted(ORDER).toList();
    }

    /** Forgets a version's lineage, as the database does when the version is deleted. */
    public void forget(JobId job, int version) {
        all.remove(new Key(job, version));
    }
}
