package io.streamdesk.service.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.overview.OverviewViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D5: the Overview counts idle/total CUs per cluster, by name, for the local and the remote clusters. */
class OverviewClusterFiguresTest {
    @Test
    void everyClusterHasItsNameIdleAndTotalCusAndSlots() {
        FakeRemoteClusters remotes = new FakeRemoteClusters();
        FakeServices services = new FakeServices(Path.of(System.getProperty("java.io.tmpdir")), List.of(remotes));
        remotes.sharing(services.gateway);
        services.clusters().startAll();
        ClusterDefinition prod = services.clusters().addRemote("shared-prod", RemoteEndpoint.of("http://jm:8081"), null, null);
        ClusterDefinition gone = services.clusters().addRemote("gone", RemoteEndpoint.of("http://gone:8081"), null, null);
        remotes.connection(gone.id()).unreachable("refused", Instant.now());
        Job job = services.jobs().createSqlJob("on-prod", "/", prod.id());
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "first");
        services.runs().run(job.id(), 1, RestoreChoice.fresh());

        List<OverviewService.ClusterFigure> figures = services.overview().figures().clusters();

        assertThat(figures).extracting(OverviewService.ClusterFigure::name)
                .containsExactly("Local cluster", "shared-prod", "gone");
        OverviewService.ClusterFigure p = figures.get(1);
        assertThat(p.health()).isEqualTo(ClusterHealth.RUNNING);
        // 4 slots + the JobManager declared; the running job's CUs are used
        assertThat(p.totalCu()).isEqualTo(5);
        assertThat(p.idleCu()).isLessThan(5);
        assertThat(p.totalSlots()).isEqualTo(4);
        assertThat(p.freeSlots()).isEqualTo(3);
        assertThat(OverviewViewModel.clusterLine(p)).startsWith("shared-prod (Running): ").contains(" / 5 CUs idle, 3 / 4 slots free");
        OverviewService.ClusterFigure g = figures.get(2);
        assertThat(g.health()).isEqualTo(ClusterHealth.UNREACHABLE);
        assertThat(OverviewViewModel.clusterLine(g)).isEqualTo("gone (Unreachable): \u2014");
    }
}
