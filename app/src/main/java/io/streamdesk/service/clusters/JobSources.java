package io.streamdesk.service.clusters;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.ObservedJobState;
import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.model.cluster.StateSources;

import java.util.ArrayList;
import java.util.List;

/**
 * The sources of a job's state (R3, R6): its cluster's sources (on Kubernetes the operator and the JobManager's REST
 * API) and what Flink's REST API last confirmed about the job's run. A pure function, so the rules are tested alone.
 */
public final class JobSources {
    private JobSources() {
    }

    /**
     * The cluster's readings followed by the job's own. While the job should run (Running or Restarting as stored),
     * they disagree when the job is confirmed but a cluster source is not well (the operator not READY while Flink
     * says the job runs), or when a cluster source is well but the job was not confirmed lately; a stopped job only
     * carries its cluster's disagreement.
     */
    public static StateSources of(Job job, ObservedJobState observed, StateSources cluster) {
        List<SourceReading> readings = new ArrayList<>(cluster.readings());
        boolean shouldRun = job.status() == JobStatus.RUNNING || job.status() == JobStatus.RESTARTING;
        SourceReading jobReading = jobReading(job, observed, shouldRun);
        readings.add(jobReading);
        String disagreement = shouldRun ? StateSources.disagreement(readings) : cluster.disagreement();
        return new StateSources(readings, disagreement);
    }

    private static SourceReading jobReading(Job job, ObservedJobState o, boolean shouldRun) {
        if (!shouldRun) {
            String last = o.lastConfirmedStatus() == null ? null
                    : "Flink last confirmed " + JobStateObserver.statusLabel(o.lastConfirmedStatus(), o.restarts())
                    + " before the run ended";
            return new SourceReading(StateSources.JOB, job.status().label(), o.lastSeen(), last, false);
        }
        if (o.lastConfirmedStatus() == null) {
            return new SourceReading(StateSources.JOB, "Not confirmed yet", null, o.label(), false);
        }
        String value = JobStateObserver.statusLabel(o.lastConfirmedStatus(), o.restarts());
        return new SourceReading(StateSources.JOB, value, o.lastSeen(), o.confirmed() ? null : o.label(), o.confirmed());
    }
}
