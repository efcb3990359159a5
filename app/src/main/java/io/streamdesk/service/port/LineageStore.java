package io.streamdesk.service.port;

import io.streamdesk.model.JobId;
import io.streamdesk.model.lineage.VersionLineage;

import java.util.List;
import java.util.Optional;

/**
 * The tables each published version reads and writes (M5). A version's lineage goes when the version is deleted
 * (V2) or its job is. Commits before returning.
 */
public interface LineageStore {

    /** Stores (or replaces) the lineage of one version; its version must exist. */
    void save(VersionLineage lineage);

    Optional<VersionLineage> find(JobId job, int version);

    /** The stored lineage of a job's versions, oldest version first. */
    List<VersionLineage> forJob(JobId job);

    /** Every stored version lineage that reads or writes the table named {@code tableName}, by job and version. */
    List<VersionLineage> usingTable(String tableName);
}
