package io.streamdesk.service.port;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;

import java.util.List;
import java.util.Optional;

/** Published, immutable versions (V1, V2). Commits before returning. */
public interface VersionStore {

    /** Freezes {@code sql} as the next version number of the job (1 for the first), atomically. */
    JobVersion publish(JobId id, String sql, String description, String author);

    /** Freezes {@code sql} and {@code config} (V1) as the next version number of the job, atomically. */
    JobVersion publish(JobId id, String sql, JobConfig config, String description, String author);

    /** Versions of a job, newest first. */
    List<JobVersion> list(JobId id);

    Optional<JobVersion> find(JobId id, int number);

    /**
     * Deletes version {@code number} (V2); its number is never handed out again. Returns false when there was no
     * such version. The caller checks that it is not the running one.
     */
    boolean delete(JobId id, int number);
}
