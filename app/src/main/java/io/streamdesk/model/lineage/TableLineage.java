package io.streamdesk.model.lineage;

import io.streamdesk.model.JobId;

import java.util.List;

/**
 * One table's place in the jobs (M5): every job that has a version reading or writing it, each with the lineage of
 * those versions (so the graph can show what else they read and write) and how it uses the table across versions.
 */
public record TableLineage(String tableName, List<JobUse> jobs) {

    public TableLineage {
        jobs = List.copyOf(jobs);
    }

    /**
     * @param versions the job's versions that use the table, oldest first
     * @param usages   how the job uses the table ("read by v1–v2, not by v3"), one per access
     */
    public record JobUse(JobId jobId, String jobName, List<VersionLineage> versions, List<TableUsage> usages) {
        public JobUse {
            versions = List.copyOf(versions);
            usages = List.copyOf(usages);
        }
    }
}
