package io.streamdesk.service.port;

import io.streamdesk.model.JobId;
import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.model.jobtype.JarJobSpec;

import java.util.Optional;

/**
 * The forms of JAR and ETL jobs (J1) for the draft and frozen into each version (V1). A version's form is written once,
 * when the version is published, and goes when the version is deleted. Errors as {@link StoreException}.
 */
public interface JobFormStore {

    Optional<JarJobSpec> jarDraft(JobId job);

    void saveJarDraft(JobId job, JarJobSpec spec);

    Optional<JarJobSpec> jarVersion(JobId job, int version);

    /** Freezes the form of a published version; refused (a {@link StoreException}) for an incomplete form. */
    void freezeJar(JobId job, int version, JarJobSpec spec);

    Optional<EtlSpec> etlDraft(JobId job);

    void saveEtlDraft(JobId job, EtlSpec spec);

    Optional<EtlSpec> etlVersion(JobId job, int version);

    void freezeEtl(JobId job, int version, EtlSpec spec);
}
