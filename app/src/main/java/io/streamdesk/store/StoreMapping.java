package io.streamdesk.store;

import io.streamdesk.model.Draft;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.LogLevel;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.store.entity.ConfigColumns;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.JobWarning;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.store.entity.DraftEntity;
import io.streamdesk.store.entity.EventEntity;
import io.streamdesk.store.entity.JobEntity;
import io.streamdesk.store.entity.JobRunEntity;
import io.streamdesk.store.entity.JobVersionEntity;
import io.streamdesk.store.entity.SavepointEntity;

import java.time.Duration;

/** Entity to model record conversions. Entities never leave the store package. */
final class StoreMapping {
    private StoreMapping() {
    }

    static Job toJob(JobEntity e) {
        JobWarning warning = e.getWarningMessage() == null && e.getWarningOperation() == null ? null
                : new JobWarning(e.getWarningOperation(), e.getWarningMessage(), e.getWarningFix(), e.getWarningAt());
        return new Job(new JobId(e.getId()), e.getName(), e.getFolder(), JobType.valueOf(e.getType()), e.getClusterId(),
                JobStatus.valueOf(e.getStatus()), e.getOnlineVersion(), e.getCreatedAt(),
                Duration.ofMillis(e.getCumulativeRunMs()), e.getRunStartedAt(), e.getRunInstance(), e.getFlinkJobId(),
                warning, e.getRunStateVersion());
    }

    /** Copies the identity fields (name, folder), checking their sizes. */
    static void copyIdentityFields(String name, String folder, JobEntity e) {
        e.setName(Limits.required(name, "Job name", Limits.NAME));
        e.setFolder(Limits.required(folder, "Folder", Limits.PATH));
    }

    /** Copies the run-state fields {@link io.streamdesk.service.port.JobStore#updateRunState} writes. */
    static void copyRunStateFields(Job job, JobEntity e) {
        e.setStatus(job.status() == null ? JobStatus.UNINITIALIZED.name() : job.status().name());
        e.setOnlineVersion(job.onlineVersion());
        e.setCumulativeRunMs(job.cumulativeRunTime() == null ? 0L : job.cumulativeRunTime().toMillis());
        e.setRunStartedAt(job.runStartedAt());
        e.setRunInstance(job.runInstance());
        e.setFlinkJobId(Limits.bounded(job.flinkJobId(), "Flink job id", Limits.ID));
        JobWarning w = job.warning();
        e.setWarningOperation(w == null ? null : Limits.truncated(w.operation(), Limits.NAME));
        e.setWarningMessage(w == null ? null : Limits.truncated(w.message(), Limits.MESSAGE));
        e.setWarningFix(w == null ? null : Limits.truncated(w.suggestedFix(), Limits.DESCRIPTION));
        e.setWarningAt(w == null ? null : w.at());
    }

    static Draft toDraft(DraftEntity e) {
        return new Draft(new JobId(e.getJobId()), e.getSql(), e.getRevision(), e.getSavedAt(), toConfig(e.getConfig()));
    }

    static JobConfig toConfig(ConfigColumns c) {
        if (c == null || c.getParameters() == null) {
            return JobConfig.defaults();
        }
        return new JobConfig(c.getParameters(),
                new JobResources(c.getJobManagerCu().doubleValue(), c.getTaskManagerCu().doubleValue(), c.getParallelism()),
                RuntimeMode.valueOf(c.getRuntimeMode()), LogLevel.valueOf(c.getLogLevel()));
    }

    static ConfigColumns toColumns(JobConfig config) {
        ConfigColumns c = new ConfigColumns();
        c.setParameters(Limits.bounded(config.parameters(), "Parameters", Limits.PARAMETERS));
        c.setJobManagerCu(java.math.BigDecimal.valueOf(config.resources().jobManagerCu()));
        c.setTaskManagerCu(java.math.BigDecimal.valueOf(config.resources().taskManagerCu()));
        c.setParallelism(config.resources().parallelism());
        c.setRuntimeMode(config.runtimeMode().name());
        c.setLogLevel(config.logLevel().name());
        return c;
    }

    static JobVersion toVersion(JobVersionEntity e) {
        return new JobVersion(new JobId(e.getJobId()), e.getNumber(), e.getSql(), e.getDescription(), e.getAuthor(),
                e.getCreatedAt(), toConfig(e.getConfig()));
    }

    static JobRun toRun(JobRunEntity e) {
        return new JobRun(new JobId(e.getJobId()), e.getInstance(), e.getVersion(), e.getFlinkJobId(),
                e.getRestoredFrom(), e.getStartedAt(), e.getEndedAt(), e.getEndState(), e.getRecordsRead(),
                e.getRecordsWritten(), e.getEndReason());
    }

    static SavepointRecord toSavepoint(SavepointEntity e) {
        return new SavepointRecord(e.getId(), new JobId(e.getJobId()), e.getRunInstance(), e.getVersion(),
                e.getLocation(), SavepointSource.valueOf(e.getSource()), SavepointStatus.valueOf(e.getStatus()),
                e.getDescription(), e.getCreatedAt());
    }

    static JobEvent toEvent(EventEntity e) {
        return new JobEvent(e.getId(), e.getJobId() == null ? null : new JobId(e.getJobId()), e.getRunInstance(),
                EventKind.valueOf(e.getKind()), e.getAt(), e.getMessage(),
                e.getSeverity() == null ? null : io.streamdesk.model.Severity.valueOf(e.getSeverity()),
                e.getEvidence(), e.getFix(), e.getClearedAt());
    }
}
