package io.streamdesk.testing;

import io.streamdesk.model.JobId;
import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.service.port.JobFormStore;
import io.streamdesk.service.port.StoreException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of {@code JdbcJobFormStore}: a version's form is written once. */
public final class InMemoryJobFormStore implements JobFormStore {
    private final Map<JobId, JarJobSpec> jarDrafts = new ConcurrentHashMap<>();
    private final Map<String, JarJobSpec> jarVersions = new ConcurrentHashMap<>();
    private final Map<JobId, EtlSpec> etlDrafts = new ConcurrentHashMap<>();
    private final Map<String, EtlSpec> etlVersions = new ConcurrentHashMap<>();

    @Override
    public Optional<JarJobSpec> jarDraft(JobId job) {
        return Optional.ofNullable(jarDrafts.get(job));
    }

    @Override
    public void saveJarDraft(JobId job, JarJobSpec spec) {
        jarDrafts.put(job, spec);
    }

    @Override
    public Optional<JarJobSpec> jarVersion(JobId job, int version) {
        return Optional.ofNullable(jarVersions.get(job + "/" + version));
    }

    @Override
    public void freezeJar(JobId job, int version, JarJobSpec spec) {
        if (spec.mainJar() == null) {
            throw new StoreException("A JAR version needs its main jar");
        }
        if (jarVersions.putIfAbsent(job + "/" + version, spec) != null) {
            throw new StoreException("v" + version + " of " + job + " is frozen already");
        }
    }

    @Override
    public Optional<EtlSpec> etlDraft(JobId job) {
        return Optional.ofNullable(etlDrafts.get(job));
    }

    @Override
    public void saveEtlDraft(JobId job, EtlSpec spec) {
        etlDrafts.put(job, spec);
    }

    @Override
    public Optional<EtlSpec> etlVersion(JobId job, int version) {
        return Optional.ofNullable(etlVersions.get(job + "/" + version));
    }

    @Override
    public void freezeEtl(JobId job, int version, EtlSpec spec) {
        if (etlVersions.putIfAbsent(job + "/" + version, spec) != null) {
            throw new StoreException("v" + version + " of " + job + " is frozen already");
        }
    }
}
