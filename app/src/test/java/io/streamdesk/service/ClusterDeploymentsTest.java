package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.model.cluster.StateSources;
import io.streamdesk.testing.FakeKubernetesClusters;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deployment changes of a Kubernetes cluster (R3, R4) and the sources of a cluster's and a job's state, over the
 * real services with in-memory ports and {@link FakeKubernetesClusters} in place of the Kubernetes adapter (no API
 * server here; the adapter's own tests use fabric8's mock server): scaling never goes below the slots running jobs use
 * and names them, suspend and delete stop the running jobs with savepoints first, a remote cluster has no deployment,
 * and sources that should agree but do not are marked.
 */
class ClusterDeploymentsTest {
    @TempDir
    Path dir;
    FakeServices services;
    FakeKubernetesClusters kube;
    ClusterDefinition k8s;
    FakeKubernetesClusters.Cluster connection;

    @BeforeEach
    void aKubernetesClusterWithOneTaskManagerOfTwoSlots() {
        kube = new FakeKubernetesClusters();
        services = new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(kube, new FakeRemoteClusters()));
        kube.sharing(services.gateway);
        services.clusters().startAll();
        k8s = services.clusters().addKubernetes("analytics-k8s", FakeKubernetesClusters.spec("analytics", 1, 2), null,
                "s3://analytics/savepoints");
        connection = kube.connection(k8s.id());
    }

    private Job running(String name) {
        Job job = services.jobs().createSqlJob(name, "/", k8s.id());
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "v1");
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        return services.jobs().job(job.id());
    }

    @Test
    void scalingBelowTheSlotsRunningJobsUseIsRefusedNamingThem() {
        running("orders");
        running("payments");
        assertThat(services.clusterDeployments().slotsInUse(k8s.id())).isEqualTo(2);

        // 0 TaskManagers x 2 slots < the 2 slots in use
        assertThatThrownBy(() -> services.clusterDeployments().scale(k8s.id(),
                new KubernetesSpec.Resources(2, "4096m", 0)).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("Running jobs use 2 task slots (orders, payments)")
                .hasMessageContaining("0 TaskManagers x 2 slots = 0 is below that");
        assertThat(connection.calls).isEmpty();

        ClusterDeployments.Change change = services.clusterDeployments().scale(k8s.id(),
                new KubernetesSpec.Resources(4, "8g", 3)).join();
        assertThat(change.text()).contains("3 TaskManagers (4 CPU, 8g each, 6 task slots)");
        assertThat(connection.calls).containsExactly("scale 3 x 4.0 CPU 8g");
        assertThat(services.clusterDeployments().spec(k8s.id()).orElseThrow().taskManager().replicas()).isEqualTo(3);
        // the operator's reconcile shows until it settles
        assertThat(services.clusters().sources(k8s.id()).readings().get(0).value()).isEqualTo("UPGRADING / DEPLOYING");
    }

    @Test
    void aBadTaskManagerSpecIsRefusedNamingTheField() {
        assertThatThrownBy(() -> services.clusterDeployments().scale(k8s.id(),
                new KubernetesSpec.Resources(2, "lots", 2)).join())
                .cause().isInstanceOf(InputRejectedException.class).hasMessageStartingWith("TaskManager memory 'lots'");
        assertThat(connection.calls).isEmpty();
    }

    @Test
    void scalingInWhileTheClusterDoesNotAnswerIsRefusedWhenJobsRun() {
        running("orders");
        connection.restSays("Unreachable", false, "port-forward failed", Instant.now().minusSeconds(30));
        assertThatThrownBy(() -> services.clusterDeployments().scale(k8s.id(),
                new KubernetesSpec.Resources(2, "4096m", 0)).join())
                .cause().hasMessageContaining("while it does not answer").hasMessageContaining("orders");
        // scaling out stays possible
        services.clusterDeployments().scale(k8s.id(), new KubernetesSpec.Resources(2, "4096m", 2)).join();
        assertThat(connection.calls).containsExactly("scale 2 x 2.0 CPU 4096m");
    }

    @Test
    void suspendStopsTheRunningJobsWithASavepointFirstAndResumeBringsItBack() {
        Job orders = running("orders");
        assertThat(services.clusterDeployments().jobsThatWillStop(k8s.id())).extracting(Job::id)
                .containsExactly(orders.id());

        ClusterDeployments.Change change = services.clusterDeployments().suspend(k8s.id()).join();

        assertThat(change.text()).startsWith("Suspending 'analytics-k8s': accepted")
                .contains("Stopped with a savepoint first: orders (s3://analytics/savepoints/");
        assertThat(services.jobs().job(orders.id()).status()).isEqualTo(JobStatus.STOPPED);
        assertThat(connection.calls).containsExactly("suspend");
        services.clusterDeployments().resume(k8s.id()).join();
        assertThat(connection.calls).containsExactly("suspend", "resume");
    }

    @Test
    void aJobThatCannotBeStoppedWithASavepointRefusesTheSuspendAndNothingIsSent() {
        Job orders = running("orders");
        services.gateway.failSavepoints("the bucket does not exist");
        assertThatThrownBy(() -> services.clusterDeployments().suspend(k8s.id()).join())
                .cause().hasMessageContaining("was not suspended").hasMessageContaining("orders");
        assertThat(connection.calls).isEmpty();
        assertThat(services.jobs().job(orders.id()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void deleteStopsTheJobsDeletesTheFlinkDeploymentAndRemovesTheCluster() {
        Job orders = running("orders");
        ClusterDeployments.Change change = services.clusterDeployments().delete(k8s.id()).join();
        assertThat(change.text()).startsWith("Deleted the FlinkDeployment of 'analytics-k8s'").contains("orders (");
        assertThat(connection.calls).containsExactly("delete");
        assertThat(services.clusters().definition(k8s.id())).isEmpty();
        assertThat(services.jobs().job(orders.id()).status()).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    void aFailedDeleteKeepsTheCluster() {
        connection.failNext = "forbidden: flinkdeployments.flink.apache.org \"analytics\" is forbidden";
        assertThatThrownBy(() -> services.clusterDeployments().delete(k8s.id()).join()).hasMessageContaining("forbidden");
        assertThat(services.clusters().definition(k8s.id())).isPresent();
    }

    @Test
    void aRemoteClusterHasNoDeployment() {
        ClusterDefinition remote = services.clusters().addRemote("prod", RemoteEndpoint.of("http://jm:8081"), null, null);
        assertThat(services.clusterDeployments().refusal(remote.id()))
                .isEqualTo("'prod' is a remote session cluster: it has no deployment StreamDesk can scale, suspend or"
                        + " delete (only Kubernetes clusters have one).");
        assertThatThrownBy(() -> services.clusterDeployments().suspend(remote.id()).join())
                .cause().isInstanceOf(OperationFailedException.class).hasMessageContaining("has no deployment");
        assertThat(services.clusterDeployments().refusal(k8s.id())).isNull();
        assertThat(services.clusters().sources(remote.id()).isEmpty()).isTrue();
    }

    @Test
    void clusterSourcesDisagreeWhenTheOperatorIsReadyButRestDoesNotAnswer() {
        assertThat(services.clusters().sources(k8s.id()).disagree()).isFalse();
        connection.restSays("Unreachable", false, "Connection refused", Instant.now());
        StateSources sources = services.clusters().sources(k8s.id());
        assertThat(sources.readings()).extracting(SourceReading::source)
                .containsExactly(StateSources.OPERATOR, StateSources.FLINK_REST);
        assertThat(sources.disagreement()).isEqualTo("Operator says STABLE / READY, but Flink REST says Unreachable");
    }

    @Test
    void aJobRunningWhileTheOperatorIsNotReadyIsADisagreement() {
        Job orders = running("orders");
        services.runs().reconcile(); // Flink REST confirms the run
        StateSources agreed = services.clusters().jobSources(services.jobs().job(orders.id()));
        assertThat(agreed.readings()).extracting(SourceReading::source)
                .containsExactly(StateSources.OPERATOR, StateSources.FLINK_REST, StateSources.JOB);
        assertThat(agreed.readings().get(2).value()).isEqualTo("Running");
        assertThat(agreed.readings().get(2).seenAt()).isNotNull();
        assertThat(agreed.disagree()).isFalse();

        connection.operatorSays("DEPLOYED / ERROR", false, "Back-off pulling image flink:2.3", Instant.now());
        StateSources disagree = services.clusters().jobSources(services.jobs().job(orders.id()));
        assertThat(disagree.disagreement()).contains("Flink REST (job) says Running")
                .contains("Operator says DEPLOYED / ERROR");
    }

    @Test
    void aJobOnARemoteClusterShowsJustFlinkRest() {
        FakeRemoteClusters remotes = new FakeRemoteClusters();
        FakeServices other = new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(remotes));
        remotes.sharing(other.gateway);
        other.clusters().startAll();
        Job job = other.jobs().createSqlJob("orders", "/");
        other.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        other.jobs().publish(job.id(), "v1");
        other.runs().run(job.id(), 1, RestoreChoice.fresh());
        other.runs().reconcile();
        StateSources sources = other.clusters().jobSources(other.jobs().job(job.id()));
        assertThat(sources.readings()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(StateSources.JOB);
            assertThat(r.value()).isEqualTo("Running");
        });
        assertThat(sources.disagree()).isFalse();
    }
}
