package io.streamdesk.service.overview;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.ObservedJobState;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.JobService;
import io.streamdesk.service.alarms.AlarmService;
import io.streamdesk.service.events.EventService;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import io.streamdesk.service.port.ClusterStatusReader;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** D5 overview figures; each figure carries the job ids it counts so the UI can click through to them. */
public final class OverviewService {
    public static final Duration ALARM_WINDOW = Duration.ofDays(1);
    public static final Duration EVENT_WINDOW = Duration.ofHours(6);

    /**
     * One cluster (D5): its id, name, health, idle and total CUs (as {@code JobConfigService.capacity} declares them:
     * one per slot and one for the JobManager, less the CUs of the jobs running there) and its free and total task
     * slots. All zero when the cluster does not answer.
     */
    public record ClusterFigure(String clusterId, String name, ClusterHealth health, double idleCu, double totalCu,
                                int freeSlots, int totalSlots) {
    }

    /**
     * {@code running} counts only jobs whose cluster confirmed them running lately; {@code unconfirmed} the jobs last
     * known running (or restarting) whose cluster did not confirm it: unreachable, failed, or not asked yet (R6).
     */
    public record Figures(Map<JobType, List<JobId>> byType, List<JobId> running, List<JobId> stopped,
                          List<JobId> unclearedAlarmsLastDay, List<JobId> eventsLast6h, List<ClusterFigure> clusters,
                          List<JobId> restarting, List<JobId> unconfirmed) {
    }

    private final JobService jobs;
    private final EventService events;
    private final AlarmService alarms;
    private final ClusterService clusters;
    private final java.util.function.Function<String, java.util.Optional<ClusterCapacity>> capacity;

    public OverviewService(JobService jobs, EventService events, AlarmService alarms, ClusterService clusters) {
        this(jobs, events, alarms, clusters, null);
    }

    /** @param capacity a cluster's CUs (JobConfigService::capacity); null counts its slots as CUs */
    public OverviewService(JobService jobs, EventService events, AlarmService alarms, ClusterService clusters,
                           java.util.function.Function<String, java.util.Optional<ClusterCapacity>> capacity) {
        this.jobs = jobs;
        this.events = events;
        this.alarms = alarms;
        this.clusters = clusters;
        this.capacity = capacity;
    }

    /** Reads the store and asks each cluster for its slots (an unreachable cluster counts 0/0). */
    public Figures figures() {
        List<Job> all = jobs.list();
        Map<JobType, List<JobId>> byType = new EnumMap<>(JobType.class);
        for (JobType t : JobType.values()) {
            byType.put(t, all.stream().filter(j -> j.type() == t).map(Job::id).toList());
        }
        List<ObservedJobState> observed = all.stream().map(clusters.jobStates()::observe).toList();
        List<JobId> running = observed.stream().filter(o -> o.confirmed() && o.status() == JobStatus.RUNNING)
                .map(ObservedJobState::jobId).toList();
        List<JobId> restarting = observed.stream().filter(o -> o.confirmed() && o.status() == JobStatus.RESTARTING)
                .map(ObservedJobState::jobId).toList();
        List<JobId> unconfirmed = observed.stream().filter(o -> !o.confirmed()).map(ObservedJobState::jobId).toList();
        List<JobId> stopped = all.stream().filter(j -> j.status() == JobStatus.STOPPED || j.status() == JobStatus.ERROR)
                .map(Job::id).toList();
        Set<JobId> known = Set.copyOf(all.stream().map(Job::id).toList());
        List<JobId> alarmed = alarms.jobsWithUnclearedAlarms(ALARM_WINDOW).stream().filter(known::contains).toList();
        List<JobId> withEvents = events.jobsWithEvents(EVENT_WINDOW).stream().filter(known::contains).toList();
        return new Figures(byType, running, stopped, alarmed, withEvents,
                clusters.clusterIds().stream().map(this::cluster).toList(), restarting, unconfirmed);
    }

    private ClusterFigure cluster(String clusterId) {
        var state = clusters.state(clusterId);
        String name = clusters.profile(clusterId).map(p -> p.name()).orElse(clusterId);
        if (state.health() != ClusterHealth.RUNNING) {
            return new ClusterFigure(state.clusterId(), name, state.health(), 0, 0, 0, 0);
        }
        try {
            if (capacity != null) {
                java.util.Optional<ClusterCapacity> c = capacity.apply(clusterId);
                if (c.isPresent()) {
                    return new ClusterFigure(state.clusterId(), name, state.health(), c.get().idleCu(),
                            c.get().totalCu(), c.get().slotsAvailable(), c.get().slotsTotal());
                }
                return new ClusterFigure(state.clusterId(), name, ClusterHealth.UNREACHABLE, 0, 0, 0, 0);
            }
            ClusterStatusReader.ClusterOverview o = clusters.currentGateway(state.clusterId()).overview();
            return new ClusterFigure(state.clusterId(), name, state.health(), o.slotsAvailable(), o.slotsTotal(),
                    o.slotsAvailable(), o.slotsTotal());
        } catch (RuntimeException e) {
            return new ClusterFigure(state.clusterId(), name, ClusterHealth.UNREACHABLE, 0, 0, 0, 0);
        }
    }
}
