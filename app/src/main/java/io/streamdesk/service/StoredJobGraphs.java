package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.model.sql.VariableSubstitution;
import io.streamdesk.service.jobconfig.FlinkJobConfiguration;
import io.streamdesk.service.port.JobGraphCompiler.CompiledJob;
import io.streamdesk.service.port.JobGraphStore;
import io.streamdesk.service.port.JobGraphStore.StoredJobGraph;
import io.streamdesk.service.port.StoredGraphSubmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job graph compiled at publish, kept with the version (see {@link JobGraphStore}) and submitted at its run
 * without the planner. A kept graph is used only when it fits the run: compiled by the Flink version bundled now,
 * from the same job name, script with the values its variables froze, configuration, jars and catalog tables (their
 * SHA-256 fingerprint); the restore path and "allow non-restored state" are set on the graph at the run. A version
 * whose SQL or parameters hold a {@code ${secret:id}} keeps no graph: a graph holds its options in plain bytes, and
 * secrets never go to disk in plain text (S2). Anything else (older versions, another Flink, a changed catalog table)
 * compiles as before; the log says which path a run took.
 */
public final class StoredJobGraphs {
    private static final Logger LOG = LoggerFactory.getLogger(StoredJobGraphs.class);
    private static final String SECRET = "${secret:";

    private final JobGraphStore store;
    private final StoredGraphSubmitter submitter;
    private final JobSqlContexts contexts;
    private final Clock clock;
    /** Runs that submitted a kept graph and runs that compiled: tests assert the path taken. */
    private final AtomicLong storedRuns = new AtomicLong();
    private final AtomicLong compiledRuns = new AtomicLong();

    public StoredJobGraphs(JobGraphStore store, StoredGraphSubmitter submitter, JobSqlContexts contexts, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** The Flink job name a version runs under (the same at publish and at the run). */
    public static String jobName(Job job, int version) {
        return job.name() + " (" + job.id() + " v" + version + ")";
    }

    /**
     * A publish listener: compiles the new version of a SQL (or ETL) job and keeps its graph. A failure is logged and
     * leaves the version without a graph (its run compiles); it never undoes the publish.
     */
    public void keep(Job job, JobVersion version) {
        if (job.type() == JobType.JAR) {
            return; // a JAR job's graph is built by its main method on the cluster
        }
        long t0 = System.nanoTime();
        try {
            SqlContext context = contexts.forVersion(version);
            String sql = substituted(version, context);
            Map<String, String> configuration = FlinkJobConfiguration.of(version.config(), false);
            // a secret variable (in the script or a catalog table's options) froze a reference resolved at each run
            boolean secretVariable = context.variables().values().stream().anyMatch(v -> v != null && v.contains(SECRET));
            if (sql == null || holdsSecret(sql, configuration) || secretVariable) {
                LOG.info("{} v{}: no job graph kept ({}): its runs compile", job.id(), version.number(),
                        sql == null ? "a variable is unresolved" : "it references a secret");
                return;
            }
            String name = jobName(job, version.number());
            byte[] graph = submitter.compile(name, sql, configuration, context);
            store.save(job.id(), version.number(), new StoredJobGraph(submitter.flinkVersion(),
                    fingerprint(name, sql, configuration, context), name, graph,
                    context.jars().stream().map(p -> p.toAbsolutePath().toString()).toList(), clock.instant()));
            LOG.info("{} v{}: job graph kept ({} KB, compiled in {} ms)", job.id(), version.number(), graph.length >> 10,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("{} v{}: no job graph kept, its runs compile: {}", job.id(), version.number(), e.toString());
        }
    }

    /**
     * The kept graph of the version when it fits a run with this SQL (variables substituted, secrets not yet resolved),
     * configuration (without the restore settings) and context; empty otherwise, with the reason in the log.
     */
    public Optional<StoredJobGraph> fitting(Job job, JobVersion version, String sql, Map<String, String> configuration,
                                            SqlContext context) {
        if (job.type() == JobType.JAR || holdsSecret(sql, configuration)) {
            return Optional.empty();
        }
        Optional<StoredJobGraph> kept = store.find(job.id(), version.number());
        if (kept.isEmpty()) {
            LOG.info("{} v{}: no job graph kept at publish (an older version?): compiling", job.id(), version.number());
            return Optional.empty();
        }
        StoredJobGraph graph = kept.get();
        if (!graph.flinkVersion().equals(submitter.flinkVersion())) {
            LOG.info("{} v{}: the kept job graph was compiled by Flink {}, this app bundles {}: compiling", job.id(),
                    version.number(), graph.flinkVersion(), submitter.flinkVersion());
            return Optional.empty();
        }
        String now = fingerprint(jobName(job, version.number()), sql, configuration, context);
        if (!graph.fingerprint().equals(now)) {
            LOG.info("{} v{}: the kept job graph was compiled from another name, catalog table or jar: compiling",
                    job.id(), version.number());
            return Optional.empty();
        }
        return kept;
    }

    /** The kept graph's operators for the CU and state checks, or empty when none fits (then the caller compiles). */
    public Optional<CompiledJob> operators(Job job, JobVersion version) {
        try {
            SqlContext context = contexts.forVersion(version);
            String sql = substituted(version, context);
            if (sql == null) {
                return Optional.empty();
            }
            Map<String, String> configuration = FlinkJobConfiguration.of(version.config(), false);
            return fitting(job, version, sql, configuration, context)
                    .map(g -> submitter.operators(g, version.config().resources().parallelism()));
        } catch (RuntimeException e) {
            LOG.info("{} v{}: the kept job graph cannot be read ({}): compiling", job.id(), version.number(), e.toString());
            return Optional.empty();
        }
    }

    public StoredGraphSubmitter submitter() {
        return submitter;
    }

    void countStored() {
        storedRuns.incrementAndGet();
    }

    void countCompiled() {
        compiledRuns.incrementAndGet();
    }

    /** Runs of this process that submitted a kept graph. */
    public long storedRuns() {
        return storedRuns.get();
    }

    /** Runs of this process that compiled their job graph. */
    public long compiledRuns() {
        return compiledRuns.get();
    }

    private static String substituted(JobVersion version, SqlContext context) {
        VariableSubstitution.Result result = VariableSubstitution.apply(version.sql(), context.variables());
        return result.ok() ? result.text() : null;
    }

    private static boolean holdsSecret(String sql, Map<String, String> configuration) {
        return sql.contains(SECRET) || configuration.values().stream().anyMatch(v -> v != null && v.contains(SECRET))
                || configuration.keySet().stream().anyMatch(k -> k.contains(SECRET));
    }

    /** SHA-256 of everything a compile reads besides the planner itself. */
    static String fingerprint(String jobName, String sql, Map<String, String> configuration, SqlContext context) {
        StringBuilder text = new StringBuilder();
        text.append("name\n").append(jobName).append("\nsql\n").append(sql).append("\nconfiguration\n");
        new TreeMap<>(configuration).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        text.append("jars\n");
        context.jars().forEach(j -> text.append(j.toAbsolutePath()).append('\n'));
        text.append("variables\n");
        new TreeMap<>(context.variables()).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        text.append("catalog\n");
        MetadataSnapshot catalog = context.catalog();
        catalog.databases().stream().map(Object::toString).sorted().forEach(d -> text.append(d).append('\n'));
        catalog.tables().stream().map(t -> t.catalog() + "." + t.database() + "." + t.name() + "\n" + t.ddl())
                .sorted().forEach(t -> text.append(t).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
