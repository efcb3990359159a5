package io.streamdesk.testing;

import io.streamdesk.app.ServiceGraph;
import io.streamdesk.service.Services;
import io.streamdesk.service.BatchActions;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.CopyService;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;
import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.service.metrics.MonitoringService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The real services over in-memory ports and a fake cluster, for the CLI and UI tests. The fakes are public fields so
 * tests can inject failures and look inside; {@link #close()} only counts.
 */
public final class FakeServices implements Services {
    public final InMemoryJobStore jobStore = new InMemoryJobStore();
    public final InMemoryJobFormStore jobFormStore = new InMemoryJobFormStore();
    public final InMemoryVersionStore versionStore = new InMemoryVersionStore();
    public final InMemoryRunStore runStore = new InMemoryRunStore();
    public final InMemoryEventStore eventStore = new InMemoryEventStore();
    public final FakeLocalCluster cluster = new FakeLocalCluster();
    public final FakeGateway gateway = cluster.fakeGateway();
    public final FakeSqlChecker checker = new FakeSqlChecker();
    public final FakeSqlSubmitter submitter = new FakeSqlSubmitter(gateway);
    public final FakeJobGraphCompiler compiler = new FakeJobGraphCompiler();
    public final FakeSavepointInspector savepointInspector = new FakeSavepointInspector();
    public final InMemoryMetricStore metricStore = new InMemoryMetricStore();
    public final InMemoryCheckpointStore checkpointStore = new InMemoryCheckpointStore();
    public final InMemorySettingsStore settingsStore = new InMemorySettingsStore();
    // events issue
    public final InMemoryAlarmStore alarmStore = new InMemoryAlarmStore();
    public final InMemorySecretStore secretStore = new InMemorySecretStore();
    public final InMemoryClusterDefinitionStore clusterDefinitionStore;
    public final InMemorySmtpSettingsStore smtpStore = new InMemorySmtpSettingsStore();
    /** Dependency metadata in memory (references read from the job and version twins); files are real, see below. */
    public final InMemoryDependencyStore dependencyStore = new InMemoryDependencyStore(jobStore, versionStore);
    /** Real content-addressed files under {@code <dataDirectory>/dependencies} (created on the first upload). */
    public final io.streamdesk.store.DependencyFiles dependencyFiles;
    public final InMemoryLineageStore lineageStore = new InMemoryLineageStore();
    /** Reads no tables unless a test gives it the real extractor ({@code lineageExtractor.use(...)}). */
    public final FakeLineageExtractor lineageExtractor = new FakeLineageExtractor();
    /** The metadata catalog in memory; its DDL is checked by Flink's real parser (loaded on first use). */
    public final InMemoryMetadataStore metadataStore = new InMemoryMetadataStore();
    public final InMemoryVariableStore variableStore = new InMemoryVariableStore();
    /** The metric series the event and alarm rules read (all samples of any metric and subject). */
    public final java.util.List<io.streamdesk.service.port.SeriesReader.Point> samples =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Path dataDirectory;
    private final ServiceGraph graph;
    private int closed;

    /** Data directory (and savepoint target) under the system temp directory. */
    public FakeServices() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public FakeServices(Path dataDirectory) {
        this(dataDirectory, new InMemoryClusterDefinitionStore(), java.util.List.of());
    }

    /** With cluster connectors (e.g. {@link FakeRemoteClusters}) for the clusters a test adds. */
    public FakeServices(Path dataDirectory, java.util.List<io.streamdesk.service.port.ClusterConnector> connectors) {
        this(dataDirectory, new InMemoryClusterDefinitionStore(), connectors);
    }

    /** Over a definition store (one an earlier instance used) and connectors for the registered clusters (R4). */
    public FakeServices(Path dataDirectory, InMemoryClusterDefinitionStore definitions,
                        java.util.List<io.streamdesk.service.port.ClusterConnector> connectors) {
        this.dataDirectory = dataDirectory;
        this.clusterDefinitionStore = definitions;
        this.dependencyFiles = new io.streamdesk.store.DependencyFiles(dataDirectory.resolve("dependencies"));
        cluster.savepointsUnder(dataDirectory.resolve("savepoints"));
        Duration shortWait = Duration.ofSeconds(5);
        this.graph = ServiceGraph.build(ServiceGraph.adapters()
                .jobForms(jobFormStore)
                .stores(jobStore, versionStore, runStore, eventStore)
                .monitoringStores(metricStore, checkpointStore, alarmStore)
                .settings(settingsStore, smtpStore, secretStore)
                .cluster(cluster, FakeGateway.FLINK_VERSION)
                .clusterDefinitions(clusterDefinitionStore)
                .variables(variableStore)
                .connectors(connectors)
                .dependencies(dependencyStore, dependencyFiles)
                .metadata(metadataStore, new io.streamdesk.flink.sql.FlinkTableDdlParser())
                // the real catalog: it only reads Flink's option classes (built once per JVM, off the calling thread)
                .sql(checker, submitter, compiler, savepointInspector,
                        new io.streamdesk.flink.config.FlinkConfigOptionCatalog())
                .lineage(lineageStore, lineageExtractor)
                // the real vocabulary too: Flink's functions and factories, read on the first completion
                .vocabulary(new io.streamdesk.flink.sql.FlinkSqlVocabulary())
                .clock(Clock.systemUTC())
                .user("tester", new RunService.RunTimeouts(shortWait, shortWait, shortWait))
                .paths(dataDirectory.resolve("savepoints"), dataDirectory.resolve("run-logs"))
                .series((job, metric, from, to) -> samples.stream()
                        .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList()));
    }

    /** The service graph over these fakes (the same builder as the app's). */
    public ServiceGraph graph() {
        return graph;
    }

    /** The event detector of the graph (EV2), for tests that drive it. */
    public io.streamdesk.service.events.EventDetector detector() {
        return graph.detector();
    }

    @Override
    public io.streamdesk.service.events.EventService events() {
        return graph.events();
    }

    @Override
    public io.streamdesk.service.lineage.LineageService lineage() {
        return graph.lineage();
    }

    @Override
    public io.streamdesk.service.alarms.AlarmService alarms() {
        return graph.alarms();
    }

    @Override
    public io.streamdesk.service.logs.LogService logs() {
        return graph.logs();
    }

    @Override
    public io.streamdesk.service.overview.OverviewService overview() {
        return graph.overview();
    }

    @Override
    public MonitoringService monitoring() {
        return graph.monitoring();
    }

    @Override
    public CheckpointService checkpoints() {
        return graph.checkpoints();
    }

    @Override
    public io.streamdesk.service.metadata.MetadataService metadata() {
        return graph.metadata();
    }

    @Override
    public JobService jobs() {
        return graph.jobs();
    }

    @Override
    public RunService runs() {
        return graph.runs();
    }

    @Override
    public io.streamdesk.service.jobtypes.JarJobService jarJobs() {
        return graph.jarJobs();
    }

    @Override
    public io.streamdesk.service.jobtypes.EtlJobService etlJobs() {
        return graph.etlJobs();
    }

    @Override
    public ClusterService clusters() {
        return graph.clusters();
    }

    @Override
    public io.streamdesk.service.ClusterScaler scaler() {
        return graph.scaler();
    }

    @Override
    public io.streamdesk.service.ClusterRemoval clusterRemoval() {
        return graph.clusterRemoval();
    }

    @Override
    public io.streamdesk.service.ClusterDeployments clusterDeployments() {
        return graph.clusterDeployments();
    }

    /** Reads the contexts of a kubeconfig file the test wrote (see {@link TestKubeconfigContexts}). */
    public volatile io.streamdesk.service.port.KubeconfigContexts kubeconfigContexts = new TestKubeconfigContexts();

    @Override
    public io.streamdesk.service.clusters.KubeconfigService kubeconfig() {
        return new io.streamdesk.service.clusters.KubeconfigService(kubeconfigContexts);
    }

    @Override
    public CopyService copies() {
        return graph.copies();
    }

    @Override
    public BatchActions batchActions() {
        return graph.batchActions();
    }

    @Override
    public JobConfigService jobConfig() {
        return graph.jobConfig();
    }

    @Override
    public VersionRunService versionRuns() {
        return graph.versionRuns();
    }

    @Override
    public io.streamdesk.service.dependencies.DependencyService dependencies() {
        return graph.dependencies();
    }

    @Override
    public io.streamdesk.service.completion.CompletionService completion() {
        return graph.completion();
    }

    /** Background failures; tests report into it to see the status bar. */
    public final io.streamdesk.service.BackgroundProblems problems =
            new io.streamdesk.service.BackgroundProblems(Clock.systemUTC());

    @Override
    public io.streamdesk.service.BackgroundProblems problems() {
        return problems;
    }

    @Override
    public io.streamdesk.service.variables.VariableService variables() {
        return graph.variables();
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        closed++;
    }

    public synchronized int closeCount() {
        return closed;
    }
}
