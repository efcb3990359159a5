package io.streamdesk.testing;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.port.VersionStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** VersionStore in memory: numbers count up from 1 per job, lists are newest first. */
public final class InMemoryVersionStore implements VersionStore {
    private final List<JobVersion> versions = new ArrayList<>();
    private final List<JobVersion> deleted = new ArrayList<>();

    @Override
    public synchronized JobVersion publish(JobId id, String sql, String description, String author) {
        return publish(id, sql, JobConfig.defaults(), description, author);
    }

    @Override
    public synchronized JobVersion publish(JobId id, String sql, JobConfig config, String description, String author) {
        // deleted numbers are never handed out again
        int next = java.util.stream.Stream.concat(list(id).stream(), deleted.stream().filter(v -> v.jobId().equals(id)))
                .mapToInt(JobVersion::number).max().orElse(0) + 1;
        JobVersion version = new JobVersion(id, next, sql, description, author, Instant.now(), config);
        versions.add(version);
        return version;
    }

    @Override
    public synchronized List<JobVersion> list(JobId id) {
        return versions.stream().filter(v -> v.jobId().equals(id))
                .sorted(Comparator.comparingInt(JobVersion::number).reversed()).toList();
    }

    @Override
    public synchronized Optional<JobVersion> find(JobId id, int number) {
        return versions.stream().filter(v -> v.jobId().equals(id) && v.number() == number).findFirst();
    }

    @Override
    public synchronized boolean delete(JobId id, int number) {
        Optional<JobVersion> v = find(id, number);
        v.ifPresent(found -> {
            versions.remove(found);
            deleted.add(found);
        });
        return v.isPresent();
    }
}
