package io.streamdesk.app;

import io.streamdesk.service.ClusterService;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;

import java.nio.file.Path;

/** The wired services one process uses; the UI and the CLI both work through it. */
public interface Services extends AutoCloseable {
    JobService jobs();

    RunService runs();

    ClusterService clusters();

    /** The data directory (D3). */
    Path dataDirectory();

    /** Releases the database and, for the app, stops jobs with savepoints and the local cluster. */
    @Override
    void close();
}
