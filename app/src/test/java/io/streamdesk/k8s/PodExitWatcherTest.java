package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.cluster.ClusterNotice;
import io.streamdesk.testing.KubernetesCrudMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pod-exit watcher (EV4) against fabric8's KubernetesMockServer in CRUD mode: no real Kubernetes API server can
 * run on these machines, and the mock has no kubelet, so the tests write pod statuses as a kubelet would.
 */
class PodExitWatcherTest {
    private static final String NS = "flink";
    private static final Instant START = Instant.parse("2026-12-04T01:00:00Z");

    private KubernetesCrudMock mock;
    private KubernetesClient client;
    private final List<ClusterNotice> notices = new CopyOnWriteArrayList<>();
    private PodExitWatcher watcher;

    @BeforeEach
    void startMock() {
        mock = KubernetesCrudMock.start();
        client = mock.client();
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        client.close();
        mock.close();
    }

    private PodExitWatcher watch(String deployment) {
        watcher = new PodExitWatcher(client, NS, deployment, START, Clock.systemUTC(), notices::add).start();
        await(watcher::hasSynced, "the informer listed the pods");
        return watcher;
    }

    @Test
    void oomKilledTaskManagerIsOneNoticeWithItsMeaningAndARestartDoesNotRepeatIt() {
        Pod tm = client.pods().inNamespace(NS).resource(pod("fd-taskmanager-1-1", "fd", "taskmanager")).create();
        watch("fd");

        writeStatus(tm, 0, terminated(137, "OOMKilled", "2026-12-04T01:05:00Z"), null);
        await(() -> notices.size() == 1, "the 137 exit is reported");
        ClusterNotice n = notices.get(0);
        assertThat(n.kind()).isEqualTo(EventKind.TM_POD_ABNORMAL_EXIT);
        assertThat(n.message()).contains("fd-taskmanager-1-1").contains("137").contains("OOMKilled")
                .contains("Out of memory");
        assertThat(n.occurredAt()).isEqualTo(Instant.parse("2026-12-04T01:05:00Z"));

        // the kubelet restarts it: the same termination is now lastState, restartCount 1; then another exit code 1
        writeStatus(tm, 1, null, terminated(137, "OOMKilled", "2026-12-04T01:05:00Z"));
        writeStatus(tm, 1, terminated(1, "Error", "2026-12-04T01:07:00Z"),
                terminated(137, "OOMKilled", "2026-12-04T01:05:00Z"));
        await(() -> notices.size() == 2, "the second, different exit is reported");
        assertThat(notices.get(1).message()).contains("code 1").contains("Could not start cluster entrypoint");
        quietly();
        assertThat(notices).hasSize(2);
    }

    @Test
    void sigtermOtherDeploymentsAndOldExitsAreNotReportedAndJobManagerExitsAreJmKind() {
        Pod tm = client.pods().inNamespace(NS).resource(pod("fd-taskmanager-1-2", "fd", "taskmanager")).create();
        Pod other = client.pods().inNamespace(NS).resource(pod("other-taskmanager-1-1", "other", "taskmanager"))
                .create();
        Pod jm = client.pods().inNamespace(NS).resource(pod("fd-5d9f", "fd", "jobmanager")).create();
        watch("fd");

        writeStatus(tm, 0, terminated(143, "Completed", "2026-12-04T01:05:00Z"), null);
        writeStatus(other, 0, terminated(137, "OOMKilled", "2026-12-04T01:05:00Z"), null);
        writeStatus(tm, 0, terminated(239, "Error", "2026-12-04T00:05:00Z"), null); // before the watch began
        writeStatus(jm, 0, terminated(2, "Error", "2026-12-04T01:06:00Z"), null);
        await(() -> !notices.isEmpty(), "the JobManager exit is reported");
        quietly();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(EventKind.JM_POD_ABNORMAL_EXIT);
            assertThat(n.message()).contains("JobManager pod fd-5d9f").contains("code 2")
                    .contains("Fatal error occurred in the cluster entrypoint");
        });
    }

    @Test
    void aRelistAfterTheWatchRestartsDoesNotRepeatAndCloseStopsNotices() {
        Pod tm = client.pods().inNamespace(NS).resource(pod("fd-taskmanager-2-1", "fd", "taskmanager")).create();
        writeStatus(tm, 0, terminated(null, null, null), null); // no exit code, no finish time
        watch("fd");
        await(() -> notices.size() == 1, "the exit without a code is reported");
        assertThat(notices.get(0).message()).contains("code -1").contains("platform");

        // a second watcher over the same pods stands for a re-list: the first one's memory is what dedupes, so
        // re-inspecting the same pod through the first watcher reports nothing new
        watcher.inspect(client.pods().inNamespace(NS).withName("fd-taskmanager-2-1").get());
        assertThat(notices).hasSize(1);

        watcher.close();
        writeStatus(tm, 1, terminated(137, "OOMKilled", "2026-12-04T01:09:00Z"), null);
        quietly();
        assertThat(notices).hasSize(1);
    }

    private static Pod pod(String name, String app, String component) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .addToLabels("app", app).addToLabels("component", component)
                .addToLabels("type", "flink-native-kubernetes").endMetadata()
                .withNewSpec().addNewContainer().withName("flink-main-container").withImage("flink:2.3").endContainer()
                .endSpec().build();
    }

    private record Term(Integer code, String reason, String finishedAt) {
    }

    private static Term terminated(Integer code, String reason, String finishedAt) {
        return new Term(code, reason, finishedAt);
    }

    /** Writes the container status as the kubelet would (the mock has none). */
    private void writeStatus(Pod pod, int restartCount, Term state, Term last) {
        ContainerStatusBuilder status = new ContainerStatusBuilder().withName("flink-main-container")
                .withRestartCount(restartCount).withReady(false).withImage("flink:2.3");
        if (state != null) {
            status.withNewState().withNewTerminated().withExitCode(state.code()).withReason(state.reason())
                    .withFinishedAt(state.finishedAt()).endTerminated().endState();
        } else {
            status.withNewState().withNewRunning().withStartedAt("2026-12-04T01:06:00Z").endRunning().endState();
        }
        if (last != null) {
            status.withNewLastState().withNewTerminated().withExitCode(last.code()).withReason(last.reason())
                    .withFinishedAt(last.finishedAt()).endTerminated().endLastState();
        }
        Pod current = client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).get();
        current.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                .withContainerStatuses(status.build()).build());
        client.pods().inNamespace(NS).resource(current).updateStatus();
    }

    /** Gives the watch time to deliver anything it would (used before asserting that nothing more came). */
    private static void quietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
