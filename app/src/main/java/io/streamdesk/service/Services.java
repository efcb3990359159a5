package io.streamdesk.service;

import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.service.metrics.MonitoringService;

import java.nio.file.Path;

/** The wired services one process uses; the UI and the CLI both work through it. */
public interface Services extends AutoCloseable {
    JobService jobs();

    RunService runs();

    /** JAR jobs (J1, DP4): the form, the entry class check, the run through the cluster's /jars API. */
    io.streamdesk.service.jobtypes.JarJobService jarJobs();

    /** ETL jobs (J1): the form and the SQL generated from it. */
    io.streamdesk.service.jobtypes.EtlJobService etlJobs();

    ClusterService clusters();

    /** Events, timeline queries (EV1-EV5). */
    io.streamdesk.service.events.EventService events();

    /** Alarm rules, notifications, tags (AL1-AL3). */
    io.streamdesk.service.alarms.AlarmService alarms();

    /** Log diagnosis (EV6). */
    io.streamdesk.service.logs.LogService logs();

    /** Overview page figures (D5). */
    io.streamdesk.service.overview.OverviewService overview();
    /** Scaling the clusters the app runs (R4: the local cluster's task slots). */
    ClusterScaler scaler();

    /** Removing a cluster: its running jobs stopped with savepoints first (R4). */
    ClusterRemoval clusterRemoval();

    /** Scale, suspend, resume and delete of a cluster the app deploys (R3: a Kubernetes FlinkDeployment). */
    ClusterDeployments clusterDeployments();

    /**
     * The contexts of a kubeconfig file, for the "add Kubernetes cluster" form (R3). Default: a build without the
     * Kubernetes adapter, which refuses with a clear message.
     */
    default io.streamdesk.service.clusters.KubeconfigService kubeconfig() {
        return io.streamdesk.service.clusters.KubeconfigService.unavailable();
    }

    /** Create copy (J6). */
    CopyService copies();

    /** The job list's batch operations (J5). */
    BatchActions batchActions();
    /** Job configuration: validation, CUs and cluster capacity (P1-P6). */
    JobConfigService jobConfig();

    /** Running a chosen version with the CU, state-compatibility and stop-first checks (J5, V4). */
    VersionRunService versionRuns();
    /** Uploaded JARs and configuration files, their versions and what references them (DP1-DP4). */
    io.streamdesk.service.dependencies.DependencyService dependencies();
    /** Completion in the SQL editor: keywords, Flink's functions, the catalog's tables and columns (E2). */
    io.streamdesk.service.completion.CompletionService completion();

    /** Metric samples and charts (MO1, MO2). */
    MonitoringService monitoring();

    /** Table lineage: which job versions read and write each table (M5). */
    io.streamdesk.service.lineage.LineageService lineage();

    /** Checkpoint history and manual savepoints (C1, C2). */
    CheckpointService checkpoints();

    /** The metadata catalog: catalogs, databases, tables (M1-M4). */
    io.streamdesk.service.metadata.MetadataService metadata();

    /** Failures of background work (status checks, sampling, store writes): the status bar shows a persistent one. */
    io.streamdesk.service.BackgroundProblems problems();

    /** Global variables in job SQL, and what versions froze of them (M6, V1). */
    io.streamdesk.service.variables.VariableService variables();

    /** The data directory (D3). */
    Path dataDirectory();

    /** Releases the database and, for the app, stops jobs with savepoints and the local cluster. */
    @Override
    void close();
}
