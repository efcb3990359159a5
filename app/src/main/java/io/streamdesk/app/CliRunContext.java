package io.streamdesk.app;

import io.streamdesk.flink.local.LocalClusterProcess;
import io.streamdesk.flink.local.LocalClusterProcess.Lifetime;
import io.streamdesk.flink.sql.FlinkSqlChecker;
import io.streamdesk.flink.sql.FlinkSqlSubmitter;
import io.streamdesk.flink.state.FlinkSavepointInspector;
import io.streamdesk.service.BatchActions;
import io.streamdesk.service.ClusterRemoval;
import io.streamdesk.service.ClusterScaler;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.CopyService;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;
import io.streamdesk.service.Services;
import io.streamdesk.service.checkpoints.CheckpointService;
import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.service.metrics.MonitoringService;
import io.streamdesk.store.DataDirectory;
import io.streamdesk.store.JdbcRunPathStore;
import io.streamdesk.store.PropertiesSettingsStore;
import io.streamdesk.store.RunPathDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The services of {@code streamdesk job run ID} from a shell (issue 14): the same {@link ServiceGraph} as
 * {@link AppContext} (the same RunService, VersionRunService, CU check, leases shared with the other processes, the
 * job graph kept at publish), over the database opened without Flyway and Hibernate ({@link RunPathDatabase}) and the
 * run path's tables by plain JDBC ({@link JdbcRunPathStore}); the local cluster is attached to (or spawned detached,
 * as the CLI does) and left running. No periodic work, no planner warm-up: the planner loads only when no kept graph
 * fits and the version must be compiled. A data directory whose schema is not exactly this build's is opened the
 * full way ({@link AppContext}).
 */
public final class CliRunContext implements Services {
    private static final Logger LOG = LoggerFactory.getLogger(CliRunContext.class);

    private final DataDirectory dirs;
    private final RunPathDatabase database;
    private final LocalClusterProcess localCluster;
    private final ServiceGraph graph;
    private final io.streamdesk.service.BackgroundProblems problems;
    private final io.streamdesk.service.OperationLeases leases;
    private boolean closed;

    private CliRunContext(DataDirectory dirs, RunPathDatabase database, AppOptions options) {
        this.dirs = dirs;
        this.database = database;
        Clock clock = Clock.systemUTC();
        javax.sql.DataSource ds = database.dataSource();
        this.localCluster = new LocalClusterProcess(dirs.cluster(), dirs.logs().resolve("local-cluster.log"),
                options.clusterHeap(), Lifetime.DETACHED).withSavepointsUnder(dirs.savepoints());
        PropertiesSettingsStore settings = new PropertiesSettingsStore(dirs.root().resolve("settings.properties"));
        localCluster.withTaskSlots(ClusterScaler.configuredSlots(settings));
        FlinkSqlSubmitter submitter = new FlinkSqlSubmitter(); // compiles only when no kept graph fits
        io.streamdesk.store.FileSecretStore secrets = new io.streamdesk.store.FileSecretStore(dirs.root().resolve("secrets"));
        Path smtpFile = dirs.root().resolve("alarm-smtp.properties");
        JdbcRunPathStore runPath = new JdbcRunPathStore(ds);
        // the same adapters as AppContext's, but the run path's tables by JDBC; nothing here sends alarms
        this.graph = ServiceGraph.build(ServiceGraph.adapters()
                .jobForms(new io.streamdesk.store.JdbcJobFormStore(ds, clock))
                .stores(runPath, runPath, runPath, runPath)
                .monitoringStores(new io.streamdesk.store.JdbcMetricStore(ds, clock),
                        new io.streamdesk.store.JdbcCheckpointStore(ds), new io.streamdesk.store.JdbcAlarmStore(ds))
                .settings(settings, new io.streamdesk.store.SmtpSettingsFile(smtpFile), secrets)
                .cluster(localCluster, io.streamdesk.flink.local.FlinkVersions.bundled())
                .clusterDefinitions(new io.streamdesk.store.JdbcClusterDefinitionStore(ds))
                .variables(new io.streamdesk.store.JdbcVariableStore(ds))
                .connectors(List.of(new io.streamdesk.flink.remote.RemoteSessionConnector(),
                        new io.streamdesk.k8s.KubernetesClusterConnector(
                                io.streamdesk.flink.rest.FlinkRestClient::forEndpoint)))
                .dependencies(new io.streamdesk.store.JdbcDependencyStore(ds),
                        new io.streamdesk.store.DependencyFiles(dirs.dependencies()))
                .jobPoll(options.reconcileInterval())
                .metadata(new io.streamdesk.store.JdbcMetadataStore(ds), new io.streamdesk.flink.sql.FlinkTableDdlParser())
                .sql(new FlinkSqlChecker(), submitter, new io.streamdesk.service.jobconfig.CachingJobGraphCompiler(
                                io.streamdesk.service.secrets.SqlSecretService.withPlaceholders(submitter)),
                        new FlinkSavepointInspector(), new io.streamdesk.flink.config.FlinkConfigOptionCatalog())
                .lineage(new io.streamdesk.store.JdbcLineageStore(ds), new io.streamdesk.flink.sql.FlinkLineageExtractor())
                .jobGraphs(new io.streamdesk.store.JobGraphFiles(dirs.root().resolve("job-graphs")),
                        new io.streamdesk.flink.sql.FlinkStoredGraphs(() -> submitter))
                .clock(clock)
                .user(options.author(), options.timeouts())
                .paths(dirs.savepoints(), dirs.logs().resolve("runs"))
                .sampleInterval(MonitoringService.DEFAULT_INTERVAL)
                .alarmDeliveries(List.of(), Runnable::run));
        this.problems = new io.streamdesk.service.BackgroundProblems(clock);
        this.leases = new io.streamdesk.service.OperationLeases(new io.streamdesk.store.JdbcOperationLeaseStore(ds),
                io.streamdesk.model.LeaseOwner.currentProcess(), clock, io.streamdesk.service.OperationLeases.DEFAULT_TTL,
                problems);
        graph.runs().withLeases(leases).withProblems(problems);
    }

    /** The run path's services, or empty when the database is not exactly this build's (then use AppContext). */
    public static Optional<CliRunContext> open(DataDirectory dirs, AppOptions options) {
        long t0 = System.nanoTime();
        Optional<RunPathDatabase> database = RunPathDatabase.openIfCurrent(dirs);
        if (database.isEmpty()) {
            return Optional.empty();
        }
        CliRunContext context;
        try {
            context = new CliRunContext(dirs, database.get(), options);
        } catch (RuntimeException e) {
            database.get().close();
            throw e;
        }
        try {
            if (context.localCluster.attach()) {
                context.localCluster.awaitRunning(Duration.ofSeconds(10));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not attach to the running local cluster", e);
        }
        LOG.info("Opened {} for a run without Flyway and Hibernate in {} ms", dirs.root(), (System.nanoTime() - t0) / 1_000_000);
        return Optional.of(context);
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
    public io.streamdesk.service.ClusterDeployments clusterDeployments() {
        return graph.clusterDeployments();
    }

    @Override
    public io.streamdesk.service.events.EventService events() {
        return graph.events();
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
    public ClusterScaler scaler() {
        return graph.scaler();
    }

    @Override
    public ClusterRemoval clusterRemoval() {
        return graph.clusterRemoval();
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

    @Override
    public MonitoringService monitoring() {
        return graph.monitoring();
    }

    @Override
    public io.streamdesk.service.lineage.LineageService lineage() {
        return graph.lineage();
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
    public io.streamdesk.service.BackgroundProblems problems() {
        return problems;
    }

    @Override
    public io.streamdesk.service.variables.VariableService variables() {
        return graph.variables();
    }

    @Override
    public io.streamdesk.service.StoredJobGraphs storedGraphs() {
        return graph.storedGraphs();
    }

    @Override
    public Path dataDirectory() {
        return dirs.root();
    }

    /** Leaves the cluster and its jobs running (as the CLI always does) and closes the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        graph.clusters().stopRecording();
        graph.clusters().closeConnections();
        localCluster.detach();
        leases.close();
        database.close();
    }
}
