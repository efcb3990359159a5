package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.cluster.ClusterNotice;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.service.port.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns what a cluster adapter noticed (a pod that exited with code 137, EV4) into events: one of the cluster, and one
 * for each job with a live run on that cluster, so the job's timeline shows it next to its own events. Pod exits are
 * exempt from EV3's once-per-hour rule: every notice is recorded (the adapter already sends each exit once).
 */
final class ClusterNoticeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNoticeRecorder.class);

    private final EventStore events;
    private final Function<String, List<Job>> jobsOn;
    private volatile RunStore runs;

    /** @param jobsOn the jobs placed on a cluster (empty without a definition registry) */
    ClusterNoticeRecorder(EventStore events, Function<String, List<Job>> jobsOn) {
        this.events = events;
        this.jobsOn = jobsOn;
    }

    /** The runs, to find the live run of each job on the cluster; without them only the cluster event is kept. */
    void withRuns(RunStore runStore) {
        this.runs = runStore;
    }

    void record(String clusterId, String clusterName, ClusterNotice notice) {
        String message = clusterName + ": " + notice.message();
        try {
            events.add(null, 0, notice.kind(), notice.occurredAt(), message);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the notice of cluster {}", clusterId, e);
            return;
        }
        RunStore r = runs;
        if (r == null) {
            return;
        }
        for (Job job : jobsOnSafely(clusterId)) {
            try {
                Optional<JobRun> live = r.liveRun(job.id());
                if (live.isPresent()) {
                    events.add(job.id(), live.get().instance(), notice.kind(), notice.occurredAt(), message);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not record the notice of cluster {} for job {}", clusterId, job.id(), e);
            }
        }
    }

    private List<Job> jobsOnSafely(String clusterId) {
        try {
            return jobsOn.apply(clusterId);
        } catch (RuntimeException e) {
            LOG.warn("Could not list the jobs on cluster {}", clusterId, e);
            return List.of();
        }
    }
}
