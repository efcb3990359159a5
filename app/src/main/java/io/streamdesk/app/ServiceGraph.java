package io.streamdesk.app;

import io.streamdesk.service.BatchActions;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.CopyService;
import io.streamdesk.service.JobChangeListeners;
import io.streamdesk.service.JobService;
import io.streamdesk.service.PeriodicWork;
import io.streamdesk.service.RunService;
import io.streamdesk.service.alarms.AlarmDryRun;
import io.streamdesk.service.alarms.AlarmEvaluator;
import io.streamdesk.service.alarms.AlarmNotifier;
import io.streamdesk.service.alarms.AlarmService;
import io.streamdesk.service.alarms.DeliveryChannel;
import io.streamdesk.service.alarms.SmtpSettingsService;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.service.checkpoints.CheckpointTracker;
import io.streamdesk.service.checkpoints.RestorePoints;
import io.streamdesk.service.events.EventDetector;
import io.streamdesk.service.events.EventRecorder;
import io.streamdesk.service.events.EventService;
import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.service.logs.LogService;
import io.streamdesk.service.metrics.MetricSampler;
import io.streamdesk.service.metrics.MetricSeriesReader;
import io.streamdesk.service.metrics.MonitoringService;
import io.streamdesk.service.overview.OverviewService;
import io.streamdesk.service.port.AlarmStore;
import io.streamdesk.service.port.CheckpointStore;
import io.streamdesk.service.port.ConfigOptionCatalog;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.JobGraphCompiler;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.MetricStore;
import io.streamdesk.service.port.RunStore;
import io.streamdesk.service.port.SavepointInspector;
import io.streamdesk.service.port.SecretStore;
import io.streamdesk.service.port.SeriesReader;
import io.streamdesk.service.port.SettingsStore;
import io.streamdesk.service.port.SmtpSettingsStore;
import io.streamdesk.service.port.SqlChecker;
import io.streamdesk.service.port.SqlSubmitter;
import io.streamdesk.service.port.VersionStore;
import io.streamdesk.service.secrets.SecretRefs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The one service graph: every service, wired from the adapters once. The app ({@link AppContext}, real stores, the
 * local cluster, Flink's planner), the CLI (through AppContext) and the tests ({@code testing/FakeServices}, fakes)
 * all build it here, so a new service or a changed constructor is wired in one place. What the services do on a
 * schedule is registered here too ({@link #registerPeriodicWork}).
 */
public final class ServiceGraph {

    /** What the services are built over: ports (stores, cluster, SQL), the clock and the settings of a process. */
    public static final class Adapters {
        JobStore jobStore;
        VersionStore versionStore;
        RunStore runStore;
        EventStore eventStore;
        MetricStore metricStore;
        CheckpointStore checkpointStore;
        AlarmStore alarmStore;
        SettingsStore settingsStore;
        SecretStore secrets;
        SmtpSettingsStore smtpSettings;
        ClusterConnection cluster;
        String clusterFlinkVersion;
        io.streamdesk.service.port.ClusterDefinitionStore clusterDefinitions;
        List<io.streamdesk.service.port.ClusterConnector> connectors = List.of();
        Duration jobPollInterval = Duration.ofSeconds(2);
        SqlChecker checker;
        SqlSubmitter submitter;
        JobGraphCompiler compiler;
        SavepointInspector savepointInspector;
        ConfigOptionCatalog configOptions;
        io.streamdesk.service.port.SqlVocabulary vocabulary = io.streamdesk.service.port.SqlVocabulary.none();
        Clock clock = Clock.systemUTC();
        String author;
        Path savepoints;
        Path runLogs;
        RunService.RunTimeouts timeouts = RunService.RunTimeouts.defaults();
        Duration defaultSampleInterval = MonitoringService.DEFAULT_INTERVAL;
        List<DeliveryChannel> alarmDeliveries = List.of();
        Executor alarmDeliveryExecutor = Runnable::run;
        SeriesReader series;
        io.streamdesk.service.port.JobFormStore jobForms;
        io.streamdesk.service.port.JarInspector jarInspector = new io.streamdesk.flink.jar.JarFileInspector();

        /** Where the forms of JAR and ETL jobs are kept (J1). */
        public Adapters jobForms(io.streamdesk.service.port.JobFormStore forms) {
            this.jobForms = forms;
            return this;
        }
        io.streamdesk.service.port.DependencyStore dependencyStore;
        io.streamdesk.service.port.DependencyFileStore dependencyFiles;
        io.streamdesk.service.port.LineageStore lineageStore;
        io.streamdesk.service.port.LineageExtractor lineageExtractor;
        io.streamdesk.service.port.MetadataStore metadataStore;
        io.streamdesk.service.port.TableDdlParser tableDdlParser;
        io.streamdesk.service.port.VariableStore variableStore;

        public Adapters stores(JobStore jobs, VersionStore versions, RunStore runs, EventStore events) {
            this.jobStore = jobs;
            this.versionStore = versions;
            this.runStore = runs;
            this.eventStore = events;
            return this;
        }

        public Adapters monitoringStores(MetricStore metrics, CheckpointStore checkpoints, AlarmStore alarms) {
            this.metricStore = metrics;
            this.checkpointStore = checkpoints;
            this.alarmStore = alarms;
            return this;
        }

        public Adapters settings(SettingsStore settings, SmtpSettingsStore smtp, SecretStore secrets) {
            this.settingsStore = settings;
            this.smtpSettings = smtp;
            this.secrets = secrets;
            return this;
        }

        /** The cluster connection jobs run on and the Flink version it runs (the bundled one for the real child). */
        public Adapters cluster(ClusterConnection cluster, String flinkVersion) {
            this.cluster = cluster;
            this.clusterFlinkVersion = flinkVersion;
            return this;
        }

        /** Where the registered clusters' definitions are kept (R4; passwords go to the secret store). */
        public Adapters clusterDefinitions(io.streamdesk.service.port.ClusterDefinitionStore store) {
            this.clusterDefinitions = store;
            return this;
        }

        /**
         * What turns a stored definition into a connection (the remote session adapter; Kubernetes later), asked in
         * this order; none by default (then added clusters are listed but not connected).
         */
        public Adapters connectors(List<io.streamdesk.service.port.ClusterConnector> connectors) {
            this.connectors = List.copyOf(connectors);
            return this;
        }

        /** How often the reconcile asks the clusters about their jobs: with a probe timeout, how old a shown state may be. */
        public Adapters jobPoll(Duration interval) {
            this.jobPollInterval = interval;
            return this;
        }

        public Adapters sql(SqlChecker checker, SqlSubmitter submitter, JobGraphCompiler compiler,
                            SavepointInspector savepointInspector, ConfigOptionCatalog configOptions) {
            this.checker = checker;
            this.submitter = submitter;
            this.compiler = compiler;
            this.savepointInspector = savepointInspector;
            this.configOptions = configOptions;
            return this;
        }

        /** Flink's functions and connector options for completion (E2); none by default (keywords and catalog only). */
        public Adapters vocabulary(io.streamdesk.service.port.SqlVocabulary vocabulary) {
            this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
            return this;
        }

        public Adapters clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Who publishes (V1) and how long runs, stops and savepoints may take. */
        public Adapters user(String author, RunService.RunTimeouts timeouts) {
            this.author = author;
            this.timeouts = timeouts;
            return this;
        }

        /** Where savepoints and fetched run logs go. */
        public Adapters paths(Path savepoints, Path runLogs) {
            this.savepoints = savepoints;
            this.runLogs = runLogs;
            return this;
        }

        public Adapters sampleInterval(Duration defaultInterval) {
            this.defaultSampleInterval = defaultInterval;
            return this;
        }

        /** How alarm notifications leave the process (webhooks, email) and on which threads. */
        public Adapters alarmDeliveries(List<DeliveryChannel> channels, Executor executor) {
            this.alarmDeliveries = List.copyOf(channels);
            this.alarmDeliveryExecutor = executor;
            return this;
        }

        /** Where the tables each version reads and writes are kept, and what reads them from its SQL (M5). */
        public Adapters lineage(io.streamdesk.service.port.LineageStore store,
                                io.streamdesk.service.port.LineageExtractor extractor) {
            this.lineageStore = store;
            this.lineageExtractor = extractor;
            return this;
        }

        /** Where global variables and what versions froze of them are kept (M6, V1). */
        public Adapters variables(io.streamdesk.service.port.VariableStore store) {
            this.variableStore = store;
            return this;
        }

        /** Metric series for the rules; null (the default) reads them from the metric store. */
        public Adapters series(SeriesReader series) {
            this.series = series;
            return this;
        }

        /** Where the dependencies' metadata (database) and files (data directory) are kept (DP1-DP4). */
        public Adapters dependencies(io.streamdesk.service.port.DependencyStore store,
                                     io.streamdesk.service.port.DependencyFileStore files) {
            this.dependencyStore = store;
            this.dependencyFiles = files;
            return this;
        }

        /** Where the metadata catalog is kept and what checks a table's DDL with Flink's parser (M1-M4). */
        public Adapters metadata(io.streamdesk.service.port.MetadataStore store,
                                 io.streamdesk.service.port.TableDdlParser parser) {
            this.metadataStore = store;
            this.tableDdlParser = parser;
            return this;
        }

        private void requireAll() {
            Objects.requireNonNull(jobStore, "job store");
            Objects.requireNonNull(versionStore, "version store");
            Objects.requireNonNull(runStore, "run store");
            Objects.requireNonNull(eventStore, "event store");
            Objects.requireNonNull(metricStore, "metric store");
            Objects.requireNonNull(checkpointStore, "checkpoint store");
            Objects.requireNonNull(alarmStore, "alarm store");
            Objects.requireNonNull(settingsStore, "settings store");
            Objects.requireNonNull(smtpSettings, "SMTP settings store");
            Objects.requireNonNull(secrets, "secret store");
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(clusterFlinkVersion, "cluster Flink version");
            Objects.requireNonNull(clusterDefinitions, "cluster definition store");
            Objects.requireNonNull(connectors, "cluster connectors");
            Objects.requireNonNull(checker, "SQL checker");
            Objects.requireNonNull(submitter, "SQL submitter");
            Objects.requireNonNull(compiler, "job graph compiler");
            Objects.requireNonNull(savepointInspector, "savepoint inspector");
            Objects.requireNonNull(configOptions, "config option catalog");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(savepoints, "savepoint directory");
            Objects.requireNonNull(runLogs, "run log directory");
            Objects.requireNonNull(timeouts, "timeouts");
            Objects.requireNonNull(defaultSampleInterval, "sample interval");
            Objects.requireNonNull(alarmDeliveryExecutor, "alarm delivery executor");
            Objects.requireNonNull(jobForms, "job form store");
            Objects.requireNonNull(jarInspector, "jar inspector");
            Objects.requireNonNull(lineageStore, "lineage store");
            Objects.requireNonNull(lineageExtractor, "lineage extractor");
            Objects.requireNonNull(metadataStore, "metadata store");
            Objects.requireNonNull(tableDdlParser, "table DDL parser");
        }
    }

    private final ClusterService clusters;
    private final io.streamdesk.service.ClusterScaler scaler;
    private final io.streamdesk.service.ClusterRemoval clusterRemoval;
    private final io.streamdesk.service.ClusterDeployments clusterDeployments;
    private final JobConfigService jobConfig;
    private final JobService jobs;
    private final io.streamdesk.service.JobSqlContexts sqlContexts;
    private final io.streamdesk.service.metadata.MetadataService metadata;
    private final RunService runs;
    private final MonitoringService monitoring;
    private final CheckpointService checkpoints;
    private final EventDetector detector;
    private final EventService events;
    private final AlarmEvaluator alarmEvaluator;
    private final AlarmService alarms;
    private final LogService logs;
    private final OverviewService overview;
    private final CopyService copies;
    private final BatchActions batchActions;
    private final VersionRunService versionRuns;
    private final io.streamdesk.service.jobtypes.JarJobService jarJobs;
    private final io.streamdesk.service.jobtypes.EtlJobService etlJobs;
    private final io.streamdesk.service.dependencies.DependencyService dependencies;
    private final io.streamdesk.service.lineage.LineageService lineage;
    private final io.streamdesk.service.variables.VariableService variables;
    private final io.streamdesk.service.completion.CompletionService completion;

    private ServiceGraph(Adapters a) {
        a.requireAll();
        Clock clock = a.clock;
        // optional for graphs built for one concern (a benchmark): then there are no variables
        this.variables = new io.streamdesk.service.variables.VariableService(a.variableStore != null ? a.variableStore
                : io.streamdesk.service.port.VariableStore.none(), a.secrets, clock);
        JobChangeListeners listeners = new JobChangeListeners();
        this.clusters = new ClusterService(List.of(a.cluster), a.eventStore, clock, a.settingsStore, a.jobPollInterval)
                .withRegistry(a.clusterDefinitions, a.secrets, a.connectors, a.jobStore);
        // the jars, catalog tables and variables of every check, compile and run (DP4, M3, M6); its sources are set
        // below as their services are made
        this.sqlContexts = new io.streamdesk.service.JobSqlContexts().withVariables(variables.source());
        // the metadata catalog's tables are registered into every check, compile and run (M3)
        this.metadata = new io.streamdesk.service.metadata.MetadataService(a.metadataStore, a.tableDdlParser, clock);
        sqlContexts.withCatalog(metadata);
        this.jobConfig = new JobConfigService(a.jobStore, a.versionStore, a.runStore, clusters, a.compiler,
                a.configOptions).withSqlContexts(sqlContexts);
        this.jobs = new JobService(a.jobStore, a.versionStore, a.checker, listeners, clock, a.author,
                jobConfig::checkPublishable).withSqlSecrets(new io.streamdesk.service.secrets.SqlSecretService(a.secrets))
                .withClusters(clusters).withSqlContexts(sqlContexts);
        // optional for graphs built for one concern (a benchmark): without it jobs cannot reference dependencies
        this.dependencies = a.dependencyStore == null || a.dependencyFiles == null ? null
                : new io.streamdesk.service.dependencies.DependencyService(a.dependencyStore, a.dependencyFiles, clock)
                .withJobs(jobs);
        if (dependencies != null) {
            sqlContexts.withJarFiles(dependencies); // the job's own jars in every check, compile and run (DP4)
        }
        // V1: a version freezes the values of the variables its SQL uses; it runs with those, whatever changes later
        // (those of the catalog tables too: their options may hold variables, M2)
        jobs.addPublishListener(v -> variables.freeze(v, metadata.snapshot().tables().stream()
                .map(io.streamdesk.model.metadata.MetadataTable::ddl).toList()));
        this.runs = new RunService(a.jobStore, a.versionStore, a.runStore, a.eventStore, clusters, a.submitter,
                listeners, clock, a.savepoints, a.timeouts, RestorePoints.onClustersOf(a.checkpointStore, a.runStore, a.jobStore, clusters),
                new SecretRefs(a.secrets)).withSqlContexts(sqlContexts);
        // J1: JAR and ETL jobs keep their forms beside the draft and the versions; a JAR version runs through /jars
        this.jarJobs = new io.streamdesk.service.jobtypes.JarJobService(jobs, a.jobForms, a.jarInspector, sqlContexts)
                .attach();
        this.etlJobs = new io.streamdesk.service.jobtypes.EtlJobService(jobs, a.jobForms, sqlContexts).attach();
        if (dependencies != null) { // the main jar is chosen from the stored jar versions (DP4)
            io.streamdesk.service.dependencies.DependencyService deps = dependencies;
            jarJobs.withJarVersions(() -> deps.list().stream()
                    .filter(d -> d.kind() == io.streamdesk.model.dependency.DependencyKind.JAR)
                    .flatMap(d -> deps.versions(d.name()).stream())
                    .map(v -> new io.streamdesk.model.dependency.DependencyRef(v.name(), v.version(), v.sha256()))
                    .toList());
        }
        jobs.addPublishCheck(jarJobs::checkPublishable);
        jobs.addPublishCheck(etlJobs::checkPublishable);
        runs.withJarSubmission(jarJobs::submit);
        CheckpointTracker tracker = new CheckpointTracker(a.checkpointStore);
        MetricSampler sampler = new MetricSampler(a.jobStore, clusters, a.metricStore, tracker, clock);
        this.monitoring = new MonitoringService(a.metricStore, sampler, a.jobStore, a.runStore, clusters, clock,
                a.defaultSampleInterval, a.settingsStore);
        this.checkpoints = new CheckpointService(a.jobStore, a.runStore, a.checkpointStore, tracker, clusters, clock,
                a.savepoints, a.timeouts.savepoint());
        SeriesReader series = a.series != null ? a.series : new MetricSeriesReader(a.metricStore, a.jobStore);
        this.detector = new EventDetector(a.jobStore, clusters, series, new EventRecorder(a.eventStore), a.eventStore,
                clock);
        this.events = new EventService(a.eventStore, clock);
        AlarmNotifier notifier = new AlarmNotifier(a.alarmStore, a.eventStore, a.alarmDeliveries,
                a.alarmDeliveryExecutor, clock);
        this.alarmEvaluator = new AlarmEvaluator(a.alarmStore, a.jobStore, a.eventStore, series, notifier, clock);
        this.alarms = new AlarmService(a.alarmStore, a.jobStore, alarmEvaluator, notifier,
                new AlarmDryRun(a.eventStore, series), clock).withSecrets(a.secrets)
                .withSmtp(new SmtpSettingsService(a.smtpSettings, a.secrets));
        this.scaler = io.streamdesk.service.ClusterScaler.over(clusters, a.jobStore, runs, a.settingsStore);
        this.clusterRemoval = new io.streamdesk.service.ClusterRemoval(clusters, runs);
        this.clusterDeployments = new io.streamdesk.service.ClusterDeployments(clusters, runs);
        this.logs = new LogService(a.runLogs, clusters::currentGateway, clusters::processLog);
        this.overview = new OverviewService(jobs, events, alarms, clusters, id -> jobConfig.capacity(id, null));
        this.copies = new CopyService(a.jobStore, a.runStore, clusters, listeners, clock);
        this.versionRuns = new VersionRunService(jobs, runs, jobConfig, a.compiler, a.savepointInspector);
        this.batchActions = new BatchActions(jobs, runs, versionRuns, copies, clusters);
        // each published version's tables are read once, right after it is stored (M5)
        // registered after variables::freeze on purpose: a version's lineage is read with the values it froze
        this.lineage = new io.streamdesk.service.lineage.LineageService(a.jobStore, a.versionStore, a.lineageStore,
                a.lineageExtractor, jobs, clock).listenToPublishes();
        // completion reads the same catalog the checks see (E2, M3)
        this.completion = new io.streamdesk.service.completion.CompletionService(a.vocabulary,
                () -> sqlContexts.standalone().catalog(), clock)
                // the Kafka table's options once the job references the Kafka connector jar (DP4)
                .withJobJars(id -> jobs.draft(id).map(d -> sqlContexts.forDraft(d.config()).jars()).orElse(List.of()));
    }

    public static ServiceGraph build(Adapters adapters) {
        return new ServiceGraph(adapters);
    }

    public static Adapters adapters() {
        return new Adapters();
    }

    /**
     * Registers what the services do on a schedule: status reconciliation always; when {@code watchJobs} (the app,
     * not a CLI run) also event detection (states every {@code reconcileEvery}, metric rules every 5 minutes),
     * alarms (every 30 s at most), metric sampling (its own, changeable interval) and metric retention (hourly).
     */
    public PeriodicWork registerPeriodicWork(PeriodicWork periodic, Duration reconcileEvery, boolean watchJobs) {
        periodic.every("Status reconciliation", () -> reconcileEvery, () -> {
            clusters.syncDefinitions(); // clusters another process (the CLI, the app) added, changed or removed
            runs.reconcile();
            jobs.announceChanges();
        });
        if (watchJobs) {
            periodic.every("Event detection", () -> reconcileEvery, detector::pollStates);
            periodic.every("Metric rules", () -> EventDetector.METRIC_WINDOW, detector::checkMetrics);
            Duration alarmEvery = Duration.ofMillis(Math.min(30_000, reconcileEvery.toMillis() * 5));
            periodic.every("Alarm evaluation", () -> alarmEvery, alarmEvaluator::evaluate);
            periodic.every("Metric sampling", monitoring::sampleInterval, monitoring::sampleNow);
            // the logs of a run are kept as soon as it ends, while its cluster still has them (EV6, R6)
            runs.onRunEnded(ended -> periodic.runOnce("Keeping the logs of ended runs",
                    () -> logs.fetch(ended.jobId(), ended.runInstance(), ended.clusterId())));
            monitoring.onSampleIntervalChange(changed -> periodic.reschedule("Metric sampling"));
            // versions published before lineage was kept (M5): read once per start, off the FX thread
            periodic.runOnce("Reading the tables of earlier versions", lineage::backfill);
            periodic.every("Metric retention", Duration.ofMinutes(1), () -> Duration.ofHours(1),
                    monitoring::enforceRetention);
        }
        return periodic;
    }

    public ClusterService clusters() {
        return clusters;
    }

    public JobConfigService jobConfig() {
        return jobConfig;
    }

    /** The one source of the jars, catalog tables and variables of checks, compiles and runs. */
    /** The metadata catalog (M1-M4). */
    public io.streamdesk.service.metadata.MetadataService metadata() {
        return metadata;
    }

    public io.streamdesk.service.JobSqlContexts sqlContexts() {
        return sqlContexts;
    }

    public JobService jobs() {
        return jobs;
    }

    /** JAR jobs: form, entry class check, run through /jars (J1, DP4). */
    public io.streamdesk.service.jobtypes.JarJobService jarJobs() {
        return jarJobs;
    }

    /** ETL jobs: form, generated SQL (J1). */
    public io.streamdesk.service.jobtypes.EtlJobService etlJobs() {
        return etlJobs;
    }

    public RunService runs() {
        return runs;
    }

    public MonitoringService monitoring() {
        return monitoring;
    }

    public CheckpointService checkpoints() {
        return checkpoints;
    }

    /** The event detector (EV2); tests drive it directly. */
    public EventDetector detector() {
        return detector;
    }

    public EventService events() {
        return events;
    }

    public AlarmEvaluator alarmEvaluator() {
        return alarmEvaluator;
    }

    public AlarmService alarms() {
        return alarms;
    }

    public LogService logs() {
        return logs;
    }

    public OverviewService overview() {
        return overview;
    }

    public io.streamdesk.service.ClusterScaler scaler() {
        return scaler;
    }

    public io.streamdesk.service.ClusterRemoval clusterRemoval() {
        return clusterRemoval;
    }

    public io.streamdesk.service.ClusterDeployments clusterDeployments() {
        return clusterDeployments;
    }

    public CopyService copies() {
        return copies;
    }

    public BatchActions batchActions() {
        return batchActions;
    }

    public VersionRunService versionRuns() {
        return versionRuns;
    }

    /** The dependencies (DP1-DP4); refused when the graph was built without their stores. */
    public io.streamdesk.service.dependencies.DependencyService dependencies() {
        if (dependencies == null) {
            throw new IllegalStateException("This service graph was built without dependency stores "
                    + "(Adapters.dependencies)");
        }
        return dependencies;
    }

    /** Which job versions read and write each table (M5). */
    public io.streamdesk.service.lineage.LineageService lineage() {
        return lineage;
    }

    /** Global variables and what versions froze of them (M6, V1). */
    public io.streamdesk.service.variables.VariableService variables() {
        return variables;
    }

    /** Completion in the SQL editor (E2). */
    public io.streamdesk.service.completion.CompletionService completion() {
        return completion;
    }
}
