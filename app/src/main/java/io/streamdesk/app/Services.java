package io.streamdesk.app;

import io.streamdesk.service.ClusterService;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.service.metrics.MonitoringService;

import java.nio.file.Path;

/** The wired services one process uses; the UI and the CLI both work through it. */
public interface Services extends AutoCloseable {
    JobService jobs();

    RunService runs();

    ClusterService clusters();

    /** Metric samples and charts (MO1, MO2). */
    MonitoringService monitoring();

    /** Checkpoint history and manual savepoints (C1, C2). */
    CheckpointService checkpoints();

    /** The data directory (D3). */
    Path dataDirectory();

    /** Releases the database and, for the app, stops jobs with savepoints and the local cluster. */
    @Override
    void close();
}
