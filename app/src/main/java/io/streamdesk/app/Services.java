package io.streamdesk.app;

import io.streamdesk.service.BatchActions;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.CopyService;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;
import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.VersionRunService;

import java.nio.file.Path;

/** The wired services one process uses; the UI and the CLI both work through it. */
public interface Services extends AutoCloseable {
    JobService jobs();

    RunService runs();

    ClusterService clusters();

    /** Job configuration: validation, CUs and cluster capacity (P1-P6). */
    JobConfigService jobConfig();

    /** Running a chosen version with the CU, state-compatibility and stop-first checks (J5, V4). */
    VersionRunService versionRuns();

    /** Create copy (J6). */
    CopyService copies();

    /** The job list's batch operations (J5). */
    BatchActions batchActions();

    /** The data directory (D3). */
    Path dataDirectory();

    /** Releases the database and, for the app, stops jobs with savepoints and the local cluster. */
    @Override
    void close();
}
