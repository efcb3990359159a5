package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.streamdesk.model.cluster.ClusterNotice;
import io.streamdesk.model.cluster.PodExit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the pods of one FlinkDeployment for abnormal container exits (EV4). Flink labels the pods of a native
 * Kubernetes deployment {@code app=<deployment name>} and {@code component=jobmanager|taskmanager}; the operator's
 * JobManager pods and the TaskManager pods the JobManager creates both carry them.
 *
 * <p>Each container whose {@code state} or {@code lastState} is terminated with an exit code other than 143 yields
 * one {@link ClusterNotice}. The same termination shows twice in a pod's life (first as {@code state.terminated},
 * after the restart as {@code lastState.terminated} with the restart count one higher) and again on every re-list,
 * so notices are deduplicated by pod uid, container, the termination's ordinal and its finish time.
 *
 * <p>A fabric8 informer lists and then watches, and re-lists by itself after a watch expires. Should it stop anyway
 * (the API server went away for good, credentials expired) it is started again after {@link #RESTART_DELAY}.
 * Terminations that finished before {@code since} are history the user saw before (or that predates this
 * connection) and are not reported.
 */
public final class PodExitWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodExitWatcher.class);
    static final String APP_LABEL = "app";
    static final String COMPONENT_LABEL = "component";
    static final Duration RESTART_DELAY = Duration.ofSeconds(10);
    /** Bounds the memory of seen terminations; a pod that crash-loops longer than this is reported again. */
    static final int MAX_REMEMBERED = 10_000;

    private final KubernetesClient client;
    private final String namespace;
    private final String deploymentName;
    private final Instant since;
    private final Clock clock;
    private final Consumer<ClusterNotice> notices;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };
    private final ScheduledExecutorService restarts;
    private volatile SharedIndexInformer<Pod> informer;
    private volatile boolean closed;

    /**
     * @param since   terminations that finished before this are not reported (one without a finish time is)
     * @param notices receives each abnormal exit once, on the informer's thread
     */
    public PodExitWatcher(KubernetesClient client, String namespace, String deploymentName, Instant since, Clock clock,
                          Consumer<ClusterNotice> notices) {
        this.client = client;
        this.namespace = namespace;
        this.deploymentName = deploymentName;
        this.since = since;
        this.clock = clock;
        this.notices = notices;
        this.restarts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "streamdesk-pod-watch-" + deploymentName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching; returns at once (the first list runs in the background and is retried while it fails). */
    public synchronized PodExitWatcher start() {
        if (closed || informer != null) {
            return this;
        }
        SharedIndexInformer<Pod> i = client.pods().inNamespace(namespace).withLabel(APP_LABEL, deploymentName)
                .runnableInformer(0);
        i.exceptionHandler((started, t) -> {
            LOG.debug("Watching the pods of {}/{} failed; retrying", namespace, deploymentName, t);
            return !closed;
        });
        i.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                inspect(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                inspect(newPod);
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                inspect(pod);
            }
        });
        informer = i;
        i.start();
        i.stopped().whenComplete((v, t) -> onStopped(i, t));
        return this;
    }

    /** Whether the informer has listed the pods at least once (tests wait for it before changing pods). */
    public boolean hasSynced() {
        SharedIndexInformer<Pod> i = informer;
        return i != null && i.hasSynced();
    }

    private void onStopped(SharedIndexInformer<Pod> stopped, Throwable cause) {
        synchronized (this) {
            if (closed || informer != stopped) {
                return;
            }
            informer = null;
        }
        LOG.warn("The pod watch of {}/{} stopped{}; starting it again in {} s", namespace, deploymentName,
                cause == null ? "" : " (" + cause.getMessage() + ")", RESTART_DELAY.toSeconds());
        try {
            restarts.schedule(this::start, RESTART_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** The abnormal exits in {@code pod} not reported before; each is reported now. */
    void inspect(Pod pod) {
        for (PodExit exit : abnormalExits(pod)) {
            String key = pod.getMetadata().getUid() + "/" + exit.container() + "/" + exit.restartCount() + "/"
                    + exit.finishedAt();
            boolean first;
            synchronized (seen) {
                first = seen.put(key, Boolean.TRUE) == null;
            }
            if (!first || (exit.finishedAt() != null && exit.finishedAt().isBefore(since))) {
                continue;
            }
            ClusterNotice notice = exit.notice(clock.instant());
            LOG.info("{}", notice.message());
            try {
                notices.accept(notice);
            } catch (RuntimeException e) {
                LOG.warn("A pod exit listener failed", e);
            }
        }
    }

    /**
     * The abnormal terminations a pod's status shows. {@code restartCount} in the result is the termination's
     * ordinal: the container's restart count for a current termination, one less for the last one (the restart
     * already counted it), so both views of one termination give one key.
     */
    static List<PodExit> abnormalExits(Pod pod) {
        List<PodExit> exits = new ArrayList<>();
        if (pod.getMetadata() == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return exits;
        }
        Map<String, String> labels = pod.getMetadata().getLabels();
        PodExit.Role role = PodExit.Role.fromComponentLabel(labels == null ? null : labels.get(COMPONENT_LABEL));
        if (role == null) {
            return exits;
        }
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            int restarts = status.getRestartCount() == null ? 0 : status.getRestartCount();
            add(exits, pod, role, status, status.getState(), restarts);
            add(exits, pod, role, status, status.getLastState(), Math.max(0, restarts - 1));
        }
        return exits;
    }

    private static void add(List<PodExit> exits, Pod pod, PodExit.Role role, ContainerStatus status,
                            ContainerState state, int ordinal) {
        ContainerStateTerminated t = state == null ? null : state.getTerminated();
        if (t == null) {
            return;
        }
        int code = t.getExitCode() == null ? PodExit.NO_EXIT_CODE : t.getExitCode();
        if (!PodExit.isAbnormal(code)) {
            return;
        }
        PodExit exit = new PodExit(pod.getMetadata().getName(), status.getName(), role, code, t.getReason(), ordinal,
                parse(t.getFinishedAt()));
        if (exits.stream().noneMatch(e -> e.restartCount() == ordinal && e.container().equals(exit.container()))) {
            exits.add(exit);
        }
    }

    private static Instant parse(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Stops watching and frees the informer's thread; no notices after it returns. */
    @Override
    public void close() {
        SharedIndexInformer<Pod> i;
        synchronized (this) {
            closed = true;
            i = informer;
            informer = null;
        }
        restarts.shutdownNow();
        if (i != null) {
            i.close();
        }
    }
}
