package io.streamdesk.service;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterNotice;
import io.streamdesk.model.cluster.PodExit;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster adapter's notice (a TaskManager pod that exited with 137, EV4) becomes an event of the cluster and of the
 * live run of each job on it, and every one is kept (pod exits are exempt from EV3's once-per-hour rule).
 */
class ClusterNoticeEventsTest {
    @TempDir
    Path dir;

    @Test
    void aPodExitIsAClusterEventAndAnEventOfEachLiveRunOnTheCluster() {
        FakeRemoteClusters remotes = new FakeRemoteClusters();
        FakeServices services = new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(remotes));
        remotes.sharing(services.gateway);
        services.clusters().startAll();
        ClusterDefinition k8s = services.clusters().addRemote("k8s", RemoteEndpoint.of("http://jm.example:8081"),
                null, "file:///shared/savepoints");
        services.clusters().start(k8s.id());
        Job running = create(services, "orders", k8s.id());
        Job idle = create(services, "drafts", k8s.id());
        Job elsewhere = create(services, "local-job", services.clusters().defaultClusterId());
        services.runs().run(running.id(), 1, RestoreChoice.fresh());
        services.runs().run(elsewhere.id(), 1, RestoreChoice.fresh());

        PodExit exit = new PodExit("fd-taskmanager-1-1", "flink-main-container", PodExit.Role.TASK_MANAGER, 137,
                "OOMKilled", 0, Instant.parse("2026-12-04T01:05:00Z"));
        remotes.connection(k8s.id()).notice(exit.notice(Instant.now()));
        remotes.connection(k8s.id()).notice(exit.notice(Instant.now())); // a second exit of the same kind: kept too

        List<JobEvent> clusterEvents = services.eventStore.listForJob(null, 50).stream()
                .filter(e -> e.kind() == EventKind.TM_POD_ABNORMAL_EXIT).toList();
        assertThat(clusterEvents).hasSize(2).allSatisfy(e -> {
            assertThat(e.message()).startsWith("k8s: TaskManager pod fd-taskmanager-1-1").contains("Out of memory");
            assertThat(e.at()).isEqualTo(Instant.parse("2026-12-04T01:05:00Z"));
        });
        int instance = services.runStore.liveRun(running.id()).orElseThrow().instance();
        assertThat(services.eventStore.listForJob(running.id(), 50))
                .filteredOn(e -> e.kind() == EventKind.TM_POD_ABNORMAL_EXIT).hasSize(2)
                .allSatisfy(e -> assertThat(e.runInstance()).isEqualTo(instance));
        assertThat(services.eventStore.listForJob(idle.id(), 50)).noneMatch(e -> e.kind() == EventKind.TM_POD_ABNORMAL_EXIT);
        assertThat(services.eventStore.listForJob(elsewhere.id(), 50))
                .noneMatch(e -> e.kind() == EventKind.TM_POD_ABNORMAL_EXIT);

        // a removed cluster's late notice is no news
        services.runs().stop(running.id(), false);
        services.clusters().remove(k8s.id());
        remotes.connection(k8s.id()).notice(new ClusterNotice(EventKind.JM_POD_ABNORMAL_EXIT, "late", Instant.now()));
        assertThat(services.eventStore.listForJob(null, 50)).noneMatch(e -> e.kind() == EventKind.JM_POD_ABNORMAL_EXIT);
    }

    private static Job create(FakeServices services, String name, String clusterId) {
        Job job = services.jobs().createSqlJob(name, "/", clusterId);
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "v1");
        return job;
    }
}
