package io.streamdesk.ui.fake;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.port.VersionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryVersionStore implements VersionStore {
    private final Map<JobId, List<JobVersion>> versions = new ConcurrentHashMap<>();

    @Override
    public synchronized JobVersion publish(JobId id, String sql, String description, String author) {
        List<JobVersion> list = versions.computeIfAbsent(id, k -> new ArrayList<>());
        JobVersion v = new JobVersion(id, list.size() + 1, sql, description, author, Instant.now());
        list.add(v);
        return v;
    }

    @Override
    public synchronized List<JobVersion> list(JobId id) {
        List<JobVersion> list = new ArrayList<>(versions.getOrDefault(id, List.of()));
        list.sort(Comparator.comparingInt(JobVersion::number).reversed());
        return list;
    }

    @Override
    public synchronized Optional<JobVersion> find(JobId id, int number) {
        return versions.getOrDefault(id, List.of()).stream().filter(v -> v.number() == number).findFirst();
    }
}
