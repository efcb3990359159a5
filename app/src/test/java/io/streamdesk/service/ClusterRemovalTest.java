package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Removing a cluster (R4): its running jobs are stopped with a savepoint first; one that cannot be (its savepoint
 * fails) or that has an operation in flight refuses the removal, and nothing is removed.
 */
class ClusterRemovalTest {
    @TempDir
    Path dir;
    FakeServices services;
    ClusterDefinition prod;
    Job running;
    Job idle;

    @BeforeEach
    void aRemoteClusterWithARunningAndAnIdleJob() {
        FakeRemoteClusters remotes = new FakeRemoteClusters();
        services = new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(remotes));
        remotes.sharing(services.gateway);
        services.clusters().startAll();
        prod = services.clusters().addRemote("prod", RemoteEndpoint.of("http://jm.example:8081"), null,
                "file:///shared/savepoints");
        services.clusters().start(prod.id());
        running = create("orders");
        idle = create("drafts");
        services.runs().run(running.id(), 1, RestoreChoice.fresh());
    }

    private Job create(String name) {
        Job job = services.jobs().createSqlJob(name, "/", prod.id());
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "v1");
        return job;
    }

    @Test
    void theRunningJobsAreListedThenStoppedWithASavepointAndTheClusterGoes() {
        assertThat(services.clusterRemoval().jobsThatWillStop(prod.id())).extracting(Job::id).containsExactly(running.id());

        ClusterRemoval.Report report = services.clusterRemoval().remove(prod.id());

        assertThat(report.stopped()).singleElement().asString().startsWith("orders (");
        assertThat(report.text()).startsWith("Removed cluster \u201cprod\u201d. Stopped with a savepoint: orders (");
        assertThat(services.jobs().job(running.id()).status()).isEqualTo(JobStatus.STOPPED);
        assertThat(services.runs().latestSavepoint(running.id())).isPresent();
        assertThat(services.clusters().definition(prod.id())).isEmpty();
        assertThat(services.jobs().job(idle.id()).clusterId()).isEqualTo(prod.id()); // stays, refused on run
    }

    @Test
    void aJobThatCannotBeStoppedWithASavepointRefusesTheRemovalAndNothingIsRemoved() {
        services.gateway.failSavepoints("the savepoint directory is not writable");

        assertThatThrownBy(() -> services.clusterRemoval().remove(prod.id()))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("was not removed").hasMessageContaining("orders")
                .hasMessageContaining("could not be stopped with a savepoint");
        assertThat(services.clusters().definition(prod.id())).isPresent();
        assertThat(services.jobs().job(running.id()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void theLocalClusterIsNeverRemoved() {
        assertThatThrownBy(() -> services.clusterRemoval().remove("local"))
                .hasMessageContaining("The local cluster cannot be removed");
    }
}
