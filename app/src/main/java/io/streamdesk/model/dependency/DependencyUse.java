package io.streamdesk.model.dependency;

import io.streamdesk.model.JobId;

import java.util.Objects;

/**
 * A job's draft ({@code jobVersion} null) or a published version of it referencing version {@code dependencyVersion}
 * of a dependency (DP3): what keeps that version from being removed.
 */
public record DependencyUse(JobId job, String jobName, Integer jobVersion, String dependency, int dependencyVersion) {
    public DependencyUse {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(dependency, "dependency");
        jobName = jobName == null ? job.value() : jobName;
    }

    public boolean draft() {
        return jobVersion == null;
    }

    /** "job 'orders' (a1b2c3) version 3" or "the draft of job 'orders' (a1b2c3)". */
    public String describe() {
        String job = "job '" + jobName + "' (" + this.job.value() + ")";
        return jobVersion == null ? "the draft of " + job : job + " version " + jobVersion;
    }
}
