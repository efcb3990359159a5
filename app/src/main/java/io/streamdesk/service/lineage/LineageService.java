package io.streamdesk.service.lineage;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.lineage.JobLineage;
import io.streamdesk.model.lineage.ScriptLineage;
import io.streamdesk.model.lineage.TableLineage;
import io.streamdesk.model.lineage.TableUsage;
import io.streamdesk.model.lineage.VersionLineage;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.JobService;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.LineageExtractor;
import io.streamdesk.service.port.LineageStore;
import io.streamdesk.service.port.VersionStore;
import io.streamdesk.service.secrets.SqlSecretReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Table lineage (M5): which job versions read and write each table. A version's lineage is read from its SQL by
 * Flink's parser ({@link LineageExtractor}) once, when it is published ({@link #record}, a publish listener), and for
 * versions published before this existed by {@link #backfill} (at start, in the background) or on first demand for
 * a job. Versions are immutable (V1), so what is stored stays right; a version whose context cannot be made now
 * (a dependency file missing) is left for a later backfill rather than stored wrong.
 */
public final class LineageService {

    private static final Logger LOG = LoggerFactory.getLogger(LineageService.class);

    /** At most this many versions are read per backfill call (each costs a parse); the rest wait for the next one. */
    public static final int BACKFILL_BATCH = 500;

    /** A job page shows at most this many of a job's newest versions. */
    public static final int MAX_VERSIONS_SHOWN = 50;

    private final JobStore jobs;
    private final VersionStore versions;
    private final LineageStore store;
    private final LineageExtractor extractor;
    private final JobService jobService;
    private final Clock clock;

    public LineageService(JobStore jobs, VersionStore versions, LineageStore store, LineageExtractor extractor,
                          JobService jobService, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.store = Objects.requireNonNull(store, "store");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.jobService = Objects.requireNonNull(jobService, "jobService");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records the lineage of every version published from now on. */
    public LineageService listenToPublishes() {
        jobService.addPublishListener(this::record);
        return this;
    }

    /**
     * Reads and stores the lineage of one version; empty when its context cannot be made now (it is then tried
     * again by a later {@link #backfill}).
     */
    public Optional<VersionLineage> record(JobVersion version) {
        SqlContext context;
        try {
            context = jobService.sqlContexts().forVersion(version);
        } catch (InputRejectedException e) {
            LOG.info("Lineage of {} v{} left for later: {}", version.jobId(), version.number(), e.getMessage());
            return Optional.empty();
        }
        ScriptLineage lineage;
        try {
            // a secret's value never matters for which tables a script uses, and must not reach the planner here
            lineage = extractor.extract(SqlSecretReferences.withPlaceholders(version.sql()), context);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Reading the tables of {} v{} failed: {}", version.jobId(), version.number(), e.toString());
            return Optional.empty();
        }
        VersionLineage stored = VersionLineage.of(version.jobId(), version.number(), lineage, clock.instant());
        if (versions.find(version.jobId(), version.number()).isEmpty()) {
            return Optional.empty(); // deleted meanwhile
        }
        store.save(stored);
        return Optional.of(stored);
    }

    /**
     * Reads the lineage of versions that have none yet (published before lineage was kept), at most
     * {@link #BACKFILL_BATCH} per call; returns how many were stored.
     */
    public int backfill() {
        int done = 0;
        int tried = 0;
        for (Job job : jobs.list()) {
            Set<Integer> known = store.forJob(job.id()).stream().map(VersionLineage::version).collect(Collectors.toSet());
            for (JobVersion v : versions.list(job.id())) {
                if (known.contains(v.number())) {
                    continue;
                }
                if (tried++ >= BACKFILL_BATCH) {
                    return done;
                }
                if (record(v).isPresent()) {
                    done++;
                }
            }
        }
        if (done > 0) {
            LOG.info("Lineage read for {} version(s) published before", done);
        }
        return done;
    }

    /**
     * The tables of a job across its newest {@link #MAX_VERSIONS_SHOWN} versions, reading (now, on the caller's
     * thread) the versions not read yet. A version whose lineage cannot be read now is listed as pending.
     */
    public JobLineage forJob(JobId id) {
        Job job = jobService.job(id);
        List<JobVersion> all = versions.list(id).stream().sorted(Comparator.comparingInt(JobVersion::number).reversed())
                .limit(MAX_VERSIONS_SHOWN).toList();
        Map<Integer, VersionLineage> stored = new LinkedHashMap<>();
        store.forJob(id).forEach(v -> stored.put(v.version(), v));
        List<VersionLineage> shown = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (JobVersion v : all) {
            VersionLineage lineage = stored.get(v.number());
            if (lineage == null) {
                lineage = record(v).orElse(null);
            }
            if (lineage == null) {
                pending.add(v.number());
            } else {
                shown.add(lineage);
            }
        }
        return new JobLineage(id, job.name(), shown, pending);
    }

    /**
     * The job versions reading or writing the table named {@code tableName} (its full name, e.g.
     * {@code _dc._db.orders}), grouped by job, with how each job uses it across all its versions.
     */
    public TableLineage forTable(String tableName) {
        String name = Objects.requireNonNull(tableName, "tableName").strip();
        if (name.isEmpty()) {
            throw new InputRejectedException("Table: give the table's full name, e.g. _dc._db.orders.");
        }
        Map<JobId, List<VersionLineage>> byJob = new LinkedHashMap<>();
        for (VersionLineage v : store.usingTable(name)) {
            byJob.computeIfAbsent(v.jobId(), k -> new ArrayList<>()).add(v);
        }
        List<TableLineage.JobUse> uses = new ArrayList<>();
        byJob.forEach((jobId, using) -> jobs.find(jobId).ifPresent(job -> {
            List<Integer> existing = versions.list(jobId).stream().map(JobVersion::number).toList();
            List<VersionLineage> live = using.stream().filter(v -> existing.contains(v.version())).toList();
            if (live.isEmpty()) {
                return;
            }
            // how this job uses the table over all its versions, not only those using it ("not by v3")
            List<TableUsage> usages = TableUsage.across(live, existing).stream()
                    .filter(u -> u.table().name().equals(name)).toList();
            uses.add(new TableLineage.JobUse(jobId, job.name(), live, usages));
        }));
        uses.sort(Comparator.comparing(TableLineage.JobUse::jobName).thenComparing(u -> u.jobId().value()));
        return new TableLineage(name, uses);
    }
}
