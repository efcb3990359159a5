package io.streamdesk.service;

import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.Draft;
import io.streamdesk.model.DraftSettings;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.LogLevel;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.SqlChecker;
import io.streamdesk.service.port.VersionStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** Authoring use cases: create a job, save its draft, check its SQL, publish versions (J2, E3, E4, V1, V2). */
public final class JobService {
    private final JobStore jobs;
    private final VersionStore versions;
    private final SqlChecker flinkChecker;
    /** The checker with ${secret:id} references understood (S2); {@link #withSqlSecrets} sets the store. */
    private volatile SqlChecker checker;
    private volatile io.streamdesk.service.secrets.SqlSecretService sqlSecrets =
            io.streamdesk.service.secrets.SqlSecretService.none();
    private final JobChangeListeners listeners;
    private final Clock clock;
    private final String author;
    private final Map<JobId, Job> lastSeen = new ConcurrentHashMap<>();
    private final PublishCheck publishCheck;

    public JobService(JobStore jobs, VersionStore versions, SqlChecker checker, JobChangeListeners listeners,
                      Clock clock, String author) {
        this(jobs, versions, checker, listeners, clock, author, (id, draft) -> { });
    }

    /** A check of the draft before publishing beyond its SQL (the configuration, P1-P6); throws to refuse. */
    public interface PublishCheck {
        void check(JobId id, Draft draft);
    }

    /**
     * Why Python jobs (J1) are not offered: PyFlink (the {@code apache-flink} Python package) comes from PyPI, which
     * this installation cannot reach, and Flink's Python runner needs it in the cluster's Python.
     */
    public static final String PYTHON_UNAVAILABLE = "Python jobs need PyFlink (the apache-flink Python package from "
            + "PyPI) on the app's machine and in the cluster's Python; it cannot be installed here, so Python jobs are "
            + "not available.";

    private final List<PublishCheck> extraPublishChecks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A further check before a version is stored (a job type's form, J1); throws to refuse. */
    public void addPublishCheck(PublishCheck check) {
        extraPublishChecks.add(java.util.Objects.requireNonNull(check, "check"));
    }

    public JobService(JobStore jobs, VersionStore versions, SqlChecker checker, JobChangeListeners listeners,
                      Clock clock, String author, PublishCheck publishCheck) {
        this.publishCheck = publishCheck;
        this.jobs = jobs;
        this.versions = versions;
        this.flinkChecker = checker;
        this.checker = sqlSecrets.checking(checker);
        this.listeners = listeners;
        this.clock = clock;
        this.author = author;
    }

    /** Secrets in SQL (S2): the check resolves references against this store, and the editor stores values in it. */
    public JobService withSqlSecrets(io.streamdesk.service.secrets.SqlSecretService secrets) {
        this.sqlSecrets = java.util.Objects.requireNonNull(secrets, "secrets");
        this.checker = secrets.checking(flinkChecker);
        return this;
    }

    /** "Store as secret" in the SQL editor (S2). */
    public io.streamdesk.service.secrets.SqlSecretService sqlSecrets() {
        return sqlSecrets;
    }

    /** Where the clusters a job can be placed on are known; set by the composition root. */
    private volatile ClusterService clusters;

    /** The registry new jobs are placed in (R4); without it only the default cluster is accepted. */
    public JobService withClusters(ClusterService clusters) {
        this.clusters = java.util.Objects.requireNonNull(clusters, "clusters");
        return this;
    }

    /** A new SQL job on the default cluster. */
    public Job createSqlJob(String name, String folder) {
        ClusterService c = clusters;
        return createSqlJob(name, folder, c == null ? ClusterConnection.DEFAULT_CLUSTER_ID : c.defaultClusterId());
    }

    /**
     * A new SQL job placed on {@code clusterId} (R4, J5).
     *
     * @throws InputRejectedException when no cluster has that id
     */
    public Job createSqlJob(String name, String folder, String clusterId) {
        return createJob(name, folder, clusterId, JobType.SQL);
    }

    /** A new job of {@code type} on the default cluster (J1). */
    public Job createJob(String name, String folder, JobType type) {
        ClusterService c = clusters;
        return createJob(name, folder, c == null ? ClusterConnection.DEFAULT_CLUSTER_ID : c.defaultClusterId(), type);
    }

    /**
     * A new job of {@code type} placed on {@code clusterId} (J1, R4). Python jobs are refused: PyFlink cannot run here
     * ({@link #PYTHON_UNAVAILABLE}).
     */
    public Job createJob(String name, String folder, String clusterId, JobType type) {
        java.util.Objects.requireNonNull(type, "type");
        if (type == JobType.PYTHON) {
            throw new InputRejectedException("Type: " + PYTHON_UNAVAILABLE);
        }
        String validName = InputLimits.requireName(name);
        String validFolder = InputLimits.requireFolder(folder);
        String cluster = requireCluster(clusterId);
        Job job = new Job(JobId.generate(), validName, validFolder, type, cluster,
                JobStatus.UNINITIALIZED, null, clock.instant(), Duration.ZERO, null, 0, null, null);
        Job created = jobs.create(job);
        listeners.fire(created);
        return created;
    }

    private String requireCluster(String clusterId) {
        if (clusterId == null || clusterId.isBlank()) {
            throw new InputRejectedException("Cluster: choose the cluster the job runs on.");
        }
        String id = clusterId.strip();
        ClusterService c = clusters;
        if (c == null) {
            if (!ClusterConnection.DEFAULT_CLUSTER_ID.equals(id)) {
                throw new InputRejectedException("Cluster: no cluster with ID '" + id + "'; only '"
                        + ClusterConnection.DEFAULT_CLUSTER_ID + "' is known here.");
            }
            return id;
        }
        List<io.streamdesk.model.cluster.ClusterDefinition> known = c.definitions();
        if (known.stream().noneMatch(d -> d.id().equals(id))) {
            throw new InputRejectedException("Cluster: no cluster with ID '" + id + "'. Known clusters: "
                    + String.join(", ", known.stream().map(d -> d.id() + " (" + d.name() + ")").toList())
                    + "; `cluster list` shows them.");
        }
        return id;
    }

    public List<Job> list() {
        return jobs.list();
    }

    public Job job(JobId id) {
        return jobs.find(id).orElseThrow(() -> new InputRejectedException("No job with ID " + id + "."));
    }

    public Job rename(JobId id, String newName) {
        String validName = InputLimits.requireName(newName);
        // name only: a run writing the job's status meanwhile neither undoes the rename nor is undone by it
        Job renamed = jobs.updateIdentity(id, validName, job(id).folder());
        listeners.fire(renamed);
        return renamed;
    }

    /** Saves the draft and returns it once committed (E4). */
    public Draft saveDraft(JobId id, String sql) {
        job(id);
        Draft draft = jobs.saveDraft(id, InputLimits.requireSql(sql));
        jobs.find(id).ifPresent(listeners::fire);
        return draft;
    }

    /** Saves the draft's SQL and configuration together (E4, P1-P6); the configuration may have errors until publish. */
    public Draft saveDraft(JobId id, String sql, JobConfig config) {
        job(id);
        Draft draft = jobs.saveDraft(id, InputLimits.requireSql(sql), java.util.Objects.requireNonNull(config, "config"));
        jobs.find(id).ifPresent(listeners::fire);
        return draft;
    }

    /** Saves only the draft's configuration, keeping its SQL (the configuration tab's save and autosave). */
    public Draft saveConfig(JobId id, JobConfig config) {
        job(id);
        Draft draft = jobs.saveDraft(id, null, java.util.Objects.requireNonNull(config, "config"));
        jobs.find(id).ifPresent(listeners::fire);
        return draft;
    }

    /** The CUs the job's running version uses (J3), empty when it runs none. */
    public java.util.OptionalDouble cusInUse(Job job) {
        if (job.onlineVersion() == null) {
            return java.util.OptionalDouble.empty();
        }
        return versions.find(job.id(), job.onlineVersion())
                .map(v -> java.util.OptionalDouble.of(v.config().resources().cus()))
                .orElse(java.util.OptionalDouble.empty());
    }

    public Optional<Draft> draft(JobId id) {
        return jobs.findDraft(id);
    }

    /** Problems in the script, empty when valid (E3). */
    public List<SqlProblem> check(String sql) {
        return checker.check(InputLimits.requireSql(sql), contexts.standalone());
    }

    /**
     * Problems in a job's script with the job's context (E3): its dependency jars as its draft references them, the
     * metadata catalog (M3) and the current variables (M6); a dependency that cannot be read is a problem at 1:1.
     */
    public List<SqlProblem> check(JobId id, String sql) {
        String valid = InputLimits.requireSql(sql);
        JobConfig config = jobs.findDraft(id).map(Draft::config).orElse(JobConfig.defaults());
        io.streamdesk.model.sql.SqlContext context;
        try {
            context = contexts.forDraft(config);
        } catch (InputRejectedException e) {
            return List.of(new SqlProblem(1, 1, e.getMessage()));
        }
        return checker.check(valid, context);
    }

    /** Where the check, the compile and the run take a job's jars, catalog and variables from (set once). */
    private volatile JobSqlContexts contexts = new JobSqlContexts();

    public JobService withSqlContexts(JobSqlContexts sqlContexts) {
        this.contexts = java.util.Objects.requireNonNull(sqlContexts, "sqlContexts");
        return this;
    }

    public JobSqlContexts sqlContexts() {
        return contexts;
    }

    private final List<java.util.function.Consumer<JobVersion>> publishListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Called with each version right after it is stored (freezing variable values, recording lineage); a listener's
     * failure does not undo the publish: it is logged and the listener must cope with a version it missed.
     */
    public void addPublishListener(java.util.function.Consumer<JobVersion> listener) {
        publishListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Publishes the saved draft as the next version (J5, V1). Refused without a description, without a saved
     * draft, and when the SQL has errors.
     */
    public JobVersion publish(JobId id, String description) {
        String validDescription = InputLimits.requireDescription(description);
        job(id);
        Draft draft = jobs.findDraft(id).filter(d -> !d.sql().isBlank())
                .orElseThrow(() -> new InputRejectedException("SQL: save some SQL before publishing a version."));
        List<SqlProblem> problems = checker.check(draft.sql(), contexts.forDraft(draft.config()));
        if (!problems.isEmpty()) {
            SqlProblem first = problems.get(0);
            throw new InputRejectedException("SQL: " + problems.size() + " error(s); the first at line " + first.line()
                    + ", column " + first.column() + ": " + first.message(), problems);
        }
        publishCheck.check(id, draft);
        for (PublishCheck check : extraPublishChecks) {
            check.check(id, draft);
        }
        JobVersion version = versions.publish(id, draft.sql(), draft.config(), validDescription, author);
        for (java.util.function.Consumer<JobVersion> listener : publishListeners) {
            try {
                listener.accept(version);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(JobService.class).warn("After publishing {} v{}: {}", id,
                        version.number(), e.toString());
            }
        }
        listeners.fire(markPublished(id));
        return version;
    }

    /**
     * A published job that never ran is simply not running: UNINITIALIZED or UNPUBLISHED becomes STOPPED. When another
     * writer changed the status meanwhile (the CLI ran it), the fresh status is kept.
     */
    private Job markPublished(JobId id) {
        for (int attempt = 0; ; attempt++) {
            Job job = job(id);
            if (job.status() != JobStatus.UNINITIALIZED && job.status() != JobStatus.UNPUBLISHED) {
                return job;
            }
            try {
                return jobs.updateRunState(job.withStatus(JobStatus.STOPPED));
            } catch (io.streamdesk.service.port.StaleRunStateException e) {
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    public List<JobVersion> versions(JobId id) {
        return versions.list(id);
    }

    public JobVersion version(JobId id, int number) {
        return versions.find(id, number)
                .orElseThrow(() -> new InputRejectedException("Job " + id + " has no version " + number + "."));
    }

    /**
     * Deletes a version (V2). Refused for the running version and while an operation on the job is in flight (it
     * may be starting that version).
     */
    public void deleteVersion(JobId id, int number) {
        Job job = job(id);
        version(id, number);
        if (job.onlineVersion() != null && job.onlineVersion() == number) {
            throw new InputRejectedException("Version " + number + " is running; stop the job before deleting it.");
        }
        if (job.status() == JobStatus.OPERATING) {
            throw new InputRejectedException("Version " + number + ": the job is busy with an operation; "
                    + "delete the version when it has finished.");
        }
        versions.delete(id, number);
        listeners.fire(job(id));
    }

    /**
     * Tells the listeners about jobs that changed in the store since the last call, also those changed by another
     * process on the same data directory (the CLI). Called periodically by the app.
     */
    public void announceChanges() {
        for (Job job : jobs.list()) {
            Job previous = lastSeen.put(job.id(), job);
            if (!job.equals(previous)) {
                listeners.fire(job);
            }
        }
    }

    /**
     * Stores the log level in the draft (P6); it is frozen into the next published version. Returns a note when the
     * job's cluster is shared and a per-job level cannot apply there, empty otherwise.
     */
    public Optional<String> setLogLevel(JobId id, LogLevel level, Optional<ClusterProfile> cluster) {
        java.util.Objects.requireNonNull(level, "level");
        job(id);
        jobs.saveDraftSetting(id, DraftSettings.LOG_LEVEL, level.name());
        // the configuration tab's field (P6) shows the same level; a job without a draft gets it with its first save
        jobs.findDraft(id).ifPresent(d -> jobs.saveDraft(id, null, d.config().withLogLevel(level)));
        jobs.find(id).ifPresent(listeners::fire);
        if (cluster.map(ClusterProfile::shared).orElse(false)) {
            return Optional.of("Stored in the draft; " + cluster.get().name() + " is shared by all its jobs, so a per-job"
                    + " log level does not apply there (it applies when the job runs on a cluster of its own).");
        }
        return Optional.empty();
    }

    /** The draft's log level, empty when none was chosen (the cluster's level applies). */
    public Optional<LogLevel> logLevel(JobId id) {
        return Optional.ofNullable(jobs.draftSettings(id).get(DraftSettings.LOG_LEVEL)).map(LogLevel::valueOf);
    }

    /** The job's tags (J2), sorted by key. */
    public Map<String, String> tags(JobId id) {
        job(id);
        return jobs.tags(id);
    }

    /** Replaces the job's tags (J2); keys are letters, digits and . _ - /, at most {@link #MAX_TAGS} per job. */
    public Map<String, String> setTags(JobId id, Map<String, String> tags) {
        job(id);
        Map<String, String> valid = validTags(tags);
        jobs.saveTags(id, valid);
        jobs.find(id).ifPresent(listeners::fire);
        return valid;
    }

    /** At most this many tags per job. */
    public static final int MAX_TAGS = 50;

    static Map<String, String> validTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new InputRejectedException("Tags: at most " + MAX_TAGS + " per job (got " + tags.size() + ").");
        }
        Map<String, String> out = new java.util.TreeMap<>();
        tags.forEach((k, v) -> {
            String key = k == null ? "" : k.strip();
            String value = v == null ? "" : v.strip();
            if (!key.matches("[A-Za-z0-9._/-]{1,200}")) {
                throw new InputRejectedException("Tags: the key \u201c" + key + "\u201d must be 1 to 200 letters, digits or . _ - /.");
            }
            if (value.isEmpty() || value.length() > InputLimits.MAX_DESCRIPTION || value.chars().anyMatch(Character::isISOControl)) {
                throw new InputRejectedException("Tags: the value of \u201c" + key + "\u201d must be 1 to "
                        + InputLimits.MAX_DESCRIPTION + " characters without line breaks.");
            }
            out.put(key, value);
        });
        return out;
    }

    public JobChangeListeners listeners() {
        return listeners;
    }
}
