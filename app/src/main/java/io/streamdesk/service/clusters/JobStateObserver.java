package io.streamdesk.service.clusters;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.ObservedJobState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What each job's cluster last confirmed about its run, and when (kept in memory: the reconcile fills it on every
 * poll), and the rules that turn stored status + cluster state + confirmation into the {@link ObservedJobState}
 * shown everywhere. Pure and in memory: cheap enough for a per-second refresh of a list.
 */
public final class JobStateObserver {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What the cluster said about one Flink job of a StreamDesk job. */
    public record Confirmation(String flinkJobId, JobStatus status, Integer restarts, Instant at) {
    }

    private final Function<String, ClusterState> clusterStates;
    private final Function<String, Duration> freshness;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<JobId, Confirmation> confirmations = new ConcurrentHashMap<>();
    private final Set<JobId> awaitingResume = ConcurrentHashMap.newKeySet();

    /**
     * @param clusterStates the state of a cluster by id
     * @param freshness     per cluster: the poll interval plus one probe timeout; an older confirmation is stale
     */
    public JobStateObserver(Function<String, ClusterState> clusterStates, Function<String, Duration> freshness,
                            Clock clock, ZoneId zone) {
        this.clusterStates = clusterStates;
        this.freshness = freshness;
        this.clock = clock;
        this.zone = zone;
    }

    /** The cluster confirmed at {@code at} that Flink job {@code flinkJobId} of job {@code id} has this status. */
    public void confirm(JobId id, String flinkJobId, JobStatus status, Integer restarts, Instant at) {
        confirmations.put(id, new Confirmation(flinkJobId, status, restarts, at));
    }

    /** The run ended (or the job is gone): nothing of it is current any more. */
    public void forget(JobId id) {
        confirmations.remove(id);
    }

    /** The job's run ended with its cluster and it resumes once the cluster is back. */
    public void markAwaitingResume(JobId id, boolean awaiting) {
        if (awaiting) {
            awaitingResume.add(id);
        } else {
            awaitingResume.remove(id);
        }
    }

    public boolean awaitingResume(JobId id) {
        return awaitingResume.contains(id);
    }

    public ObservedJobState observe(Job job) {
        Confirmation c = confirmations.get(job.id());
        if (c != null && !c.flinkJobId().equals(job.flinkJobId())) {
            c = null; // about an earlier run
        }
        return observe(job, clusterStates.apply(job.clusterId()), c, awaitingResume.contains(job.id()),
                clock.instant(), freshness.apply(job.clusterId()), zone);
    }

    /** The label rules, as a pure function (unit-tested on their own). */
    public static ObservedJobState observe(Job job, ClusterState cluster, Confirmation c, boolean awaitingResume,
                                           Instant now, Duration freshness, ZoneId zone) {
        ClusterHealth health = cluster == null ? ClusterHealth.STOPPED : cluster.health();
        JobStatus lastStatus = c == null ? null : c.status();
        Instant seen = c == null ? null : c.at();
        Integer restarts = c == null ? null : c.restarts();
        if (awaitingResume && job.status() != JobStatus.RUNNING && job.status() != JobStatus.OPERATING) {
            String label = health == ClusterHealth.RUNNING ? "Ended with the cluster — resuming"
                    : "Ended with the cluster — resumes when the cluster is back";
            return new ObservedJobState(job.id(), job.status(), label, true, health, lastStatus, seen, restarts);
        }
        if (job.status() != JobStatus.RUNNING && job.status() != JobStatus.RESTARTING) {
            // statuses the app itself owns (Stopped, Unpublished, Operating, Error, ...): no cluster to ask
            return new ObservedJobState(job.id(), job.status(), job.status().label(), true, health, lastStatus, seen,
                    restarts);
        }
        boolean fresh = c != null && !c.at().isBefore(now.minus(freshness));
        if (health == ClusterHealth.RUNNING && fresh) {
            return new ObservedJobState(job.id(), c.status(), statusLabel(c.status(), c.restarts()), true, health,
                    lastStatus, seen, restarts);
        }
        String lastKnown = c == null
                ? "last known " + job.status().label() + (job.runStartedAt() == null ? ""
                        : " (recorded at " + time(job.runStartedAt(), now, zone) + ")")
                : "last seen " + statusLabel(c.status(), c.restarts()) + " at " + time(c.at(), now, zone);
        String label = switch (health) {
            case RUNNING -> c == null ? "Not confirmed yet — " + lastKnown
                    : "Not confirmed since " + time(c.at(), now, zone) + " — last seen "
                            + statusLabel(c.status(), c.restarts());
            case UNREACHABLE -> "Cluster unreachable — " + lastKnown;
            case FAILED -> "Cluster failed — " + lastKnown;
            case STOPPED -> "Cluster stopped — " + lastKnown;
            case STARTING -> "Cluster starting — " + lastKnown;
        };
        return new ObservedJobState(job.id(), c == null ? job.status() : c.status(), label, false, health, lastStatus,
                seen, restarts);
    }

    /** "Running", or "Restarting (3 restarts)" when Flink restarts the job. */
    public static String statusLabel(JobStatus status, Integer restarts) {
        if (status == JobStatus.RESTARTING && restarts != null) {
            return "Restarting (" + restarts + (restarts == 1 ? " restart)" : " restarts)");
        }
        return status.label();
    }

    private static String time(Instant at, Instant now, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return (day.equals(now.atZone(zone).toLocalDate()) ? TIME : DATE_TIME).format(at.atZone(zone));
    }
}
