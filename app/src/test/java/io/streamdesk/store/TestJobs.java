package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;

import java.time.Duration;
import java.time.Instant;

/** Builds new jobs for store tests. */
final class TestJobs {
    private TestJobs() {
    }

    static Job newJob(String name) {
        return newJob(JobId.generate(), name, Instant.now());
    }

    static Job newJob(JobId id, String name, Instant createdAt) {
        return new Job(id, name, "/team/etl", JobType.SQL, "local", JobStatus.UNINITIALIZED, null, createdAt,
                Duration.ZERO, null, 0, null, null);
    }
}
