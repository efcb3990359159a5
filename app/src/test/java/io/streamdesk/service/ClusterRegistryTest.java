package io.streamdesk.service;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.FakeClusterConnector;
import io.streamdesk.testing.FakeRemoteCluster;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.FlinkLikeRestServer;
import io.streamdesk.testing.InMemoryClusterDefinitionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster registry (R4) over the real services on fakes: definitions, validation, secrets, removal, placement. */
class ClusterRegistryTest {
    @TempDir
    Path dir;
    final FakeClusterConnector connector = new FakeClusterConnector();
    FakeServices services;

    FakeServices services() {
        if (services == null) {
            services = new FakeServices(dir, new InMemoryClusterDefinitionStore(), List.of(connector));
        }
        return services;
    }

    ClusterService clusters() {
        return services().clusters();
    }

    @Test
    void addingARemoteClusterStoresItConnectsItAndKeepsThePasswordInTheSecretStore() {
        List<ClusterState> seen = new CopyOnWriteArrayList<>();
        AtomicInteger changes = new AtomicInteger();
        clusters().addListener(seen::add);
        clusters().addDefinitionsListener(changes::incrementAndGet);

        ClusterDefinition prod = clusters().addRemote("  Prod  ",
                new RemoteEndpoint("https://proxy.example.com/flink/prod/", "alice", null, null, null, null),
                "s3cret", "s3://bucket/savepoints");
        ClusterDefinition staging = clusters().addRemote("Staging", RemoteEndpoint.of("http://10.0.0.5:8081"), null, null);

        assertThat(prod.id()).matches("rsc-[a-z0-9]{8}");
        assertThat(prod.name()).isEqualTo("Prod");
        assertThat(prod.kind()).isEqualTo(ClusterKind.REMOTE_SESSION);
        assertThat(prod.endpoint().restUrl()).isEqualTo("https://proxy.example.com/flink/prod");
        String secretId = prod.endpoint().passwordSecretId();
        assertThat(secretId).isNotNull().isNotEqualTo("s3cret");
        assertThat(services.secretStore.values).containsEntry(secretId, "s3cret");
        assertThat(services.clusterDefinitionStore.find(prod.id()).orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(connector.last(prod.id()).password).isEqualTo("s3cret");
        assertThat(staging.endpoint().passwordSecretId()).isNull();

        assertThat(clusters().definitions()).extracting(ClusterDefinition::id)
                .containsExactly("local", prod.id(), staging.id());
        assertThat(clusters().definitions().get(0).kind()).isEqualTo(ClusterKind.LOCAL);
        assertThat(clusters().clusterIds()).containsExactly("local", prod.id(), staging.id());
        assertThat(clusters().state(prod.id()).health()).isEqualTo(ClusterHealth.RUNNING);
        assertThat(seen).anyMatch(s -> s.clusterId().equals(prod.id()) && s.health() == ClusterHealth.RUNNING);
        assertThat(changes.get()).isEqualTo(2);
        assertThat(clusters().definition(prod.id())).contains(prod);
    }

    @Test
    void refusalsNameTheFieldAndLeaveNothingBehind() throws Exception {
        clusters().addRemote("Prod", RemoteEndpoint.of("http://a:8081"), null, null);
        Path big = Files.write(dir.resolve("big.pem"), new byte[1_048_577]);
        Path missing = dir.resolve("nope.pem");

        assertRefused("", RemoteEndpoint.of("http://b:8081"), null, null, "Name: enter a name");
        assertRefused("x".repeat(101), RemoteEndpoint.of("http://b:8081"), null, null, "Name: at most 100 characters");
        assertRefused("PROD", RemoteEndpoint.of("http://b:8081"), null, null, "Name: the cluster rsc-");
        assertRefused("local cluster", RemoteEndpoint.of("http://b:8081"), null, null,
                "Name: the cluster local is already called 'Local cluster'");
        assertRefused("B", RemoteEndpoint.of("ftp://b:8081"), null, null, "REST URL: The REST URL must start with http://");
        assertRefused("B", RemoteEndpoint.of("http://b:8081?x=1"), null, null, "REST URL: The REST URL must not have a query");
        assertRefused("B", RemoteEndpoint.of("http://b:8081"), "pw", null, "User: a password needs a user");
        assertRefused("B", new RemoteEndpoint("https://b", null, null, missing, null, null), null, null,
                "CA file: " + missing + " does not exist.");
        assertRefused("B", new RemoteEndpoint("https://b", null, null, big, null, null), null, null,
                "CA file: " + big + " is 1048577 bytes; a PEM file is at most 1 MiB.");
        assertRefused("B", new RemoteEndpoint("https://b", null, null, null, dir, dir), null, null,
                "Client certificate: " + dir + " is not a file.");
        assertRefused("B", RemoteEndpoint.of("http://b:8081"), null, "/shared/savepoints",
                "Savepoint directory: a URI with a scheme");
        assertRefused("B", RemoteEndpoint.of("http://b:8081"), null, "s3:///savepoints",
                "Savepoint directory: 's3:///savepoints' has no bucket or host");
        connector.refusal = "The CA file is not PEM.";
        assertRefused("B", new RemoteEndpoint("http://b:8081", "bob", null, null, null, null), "pw", null,
                "The CA file is not PEM.");

        assertThat(clusters().definitions()).hasSize(2);
        assertThat(services.secretStore.values).isEmpty();
    }

    private void assertRefused(String name, RemoteEndpoint endpoint, String password, String dir, String message) {
        assertThatThrownBy(() -> clusters().addRemote(name, endpoint, password, dir))
                .isInstanceOf(InputRejectedException.class).hasMessageStartingWith(message);
    }

    @Test
    void updatingKeepsOrReplacesThePasswordAndReconnects() {
        ClusterDefinition d = clusters().addRemote("Prod",
                new RemoteEndpoint("http://a:8081", "alice", null, null, null, null), "one", null);
        String first = d.endpoint().passwordSecretId();
        FakeRemoteCluster before = connector.last(d.id());

        ClusterDefinition renamed = clusters().updateRemote(d.id(), "Prod EU",
                new RemoteEndpoint("http://a2:8081", "alice", null, null, null, null), null, "file:///shared/sp");
        assertThat(renamed.endpoint().passwordSecretId()).isEqualTo(first);
        assertThat(renamed.createdAt()).isEqualTo(d.createdAt());
        assertThat(before.closed).isTrue();
        assertThat(connector.last(d.id()).password).isEqualTo("one");
        assertThat(clusters().state(d.id()).restUrl()).isEqualTo("http://a2:8081");

        ClusterDefinition newPassword = clusters().updateRemote(d.id(), "Prod EU",
                new RemoteEndpoint("http://a2:8081", "alice", null, null, null, null), "two", null);
        assertThat(newPassword.endpoint().passwordSecretId()).isNotEqualTo(first);
        assertThat(services.secretStore.values).doesNotContainKey(first).containsValue("two").hasSize(1);

        clusters().updateRemote(d.id(), "Prod EU", RemoteEndpoint.of("http://a2:8081"), null, null);
        assertThat(services.secretStore.values).isEmpty();
        assertThatThrownBy(() -> clusters().updateRemote("local", "L", RemoteEndpoint.of("http://x"), null, null))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("only remote session clusters");
    }

    @Test
    void removalIsRefusedForTheLocalClusterAndWhileJobsRunAndThenTheJobsRunNoMore() {
        ClusterDefinition d = clusters().addRemote("Prod",
                new RemoteEndpoint("http://a:8081", "alice", null, null, null, null), "pw", null);
        Job job = services.jobs().createSqlJob("orders", "/", d.id());
        services.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT 1;");
        services.jobs().publish(job.id(), "v1");
        assertThat(clusters().jobsOn(d.id())).extracting(Job::id).containsExactly(job.id());
        assertThat(clusters().jobsOn("local")).isEmpty();

        assertThatThrownBy(() -> clusters().remove("local")).isInstanceOf(OperationFailedException.class)
                .hasMessage("The local cluster cannot be removed.");
        services.jobStore.put(services.jobs().job(job.id()).withStatus(JobStatus.RUNNING));
        assertThatThrownBy(() -> clusters().remove(d.id())).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("still has 1 job(s) running or in an operation: orders (" + job.id() + ", Running)");
        services.jobStore.put(services.jobs().job(job.id()).withStatus(JobStatus.STOPPED));

        FakeRemoteCluster connection = connector.last(d.id());
        clusters().remove(d.id());

        assertThat(clusters().definitions()).extracting(ClusterDefinition::id).containsExactly("local");
        assertThat(clusters().clusterIds()).containsExactly("local");
        assertThat(connection.closed).isTrue();
        assertThat(services.secretStore.values).isEmpty();
        assertThatThrownBy(() -> services.runs().run(job.id(), 1, RestoreChoice.fresh()))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("The cluster '" + d.id() + "' of this job was removed")
                .satisfies(e -> assertThat(((OperationFailedException) e).suggestedFix())
                        .startsWith("Copy the job to another cluster (local)"));
        assertThatThrownBy(() -> clusters().remove(d.id())).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("No cluster with ID '" + d.id() + "'");
    }

    @Test
    void jobsArePlacedOnAKnownClusterOnly() {
        ClusterDefinition d = clusters().addRemote("Prod", RemoteEndpoint.of("http://a:8081"), null, null);

        assertThat(services.jobs().createSqlJob("a", "/", d.id()).clusterId()).isEqualTo(d.id());
        assertThat(services.jobs().createSqlJob("b", "/").clusterId()).isEqualTo("local");
        assertThatThrownBy(() -> services.jobs().createSqlJob("c", "/", "rsc-nothere"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("Cluster: no cluster with ID 'rsc-nothere'. Known clusters: local (Local cluster), "
                        + d.id() + " (Prod)");
        assertThat(services.jobs().list()).hasSize(2);
    }

    @Test
    void storedDefinitionsAreConnectedAtStartAndWithoutAConnectorAreListedAsNotConnected() {
        InMemoryClusterDefinitionStore store = new InMemoryClusterDefinitionStore();
        FakeServices first = new FakeServices(dir, store, List.of());
        ClusterDefinition d = first.clusters().addRemote("Prod", RemoteEndpoint.of("http://a:8081"), null, null);
        assertThat(first.clusters().isRegistered(d.id())).isFalse();
        assertThat(first.clusters().state(d.id()).detail()).contains("cannot connect to remote session clusters");
        Job job = first.jobs().createSqlJob("a", "/", d.id());
        first.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT 1;");
        first.jobs().publish(job.id(), "v1");
        assertThatThrownBy(() -> first.runs().run(job.id(), 1, RestoreChoice.fresh()))
                .hasMessageContaining("The cluster '" + d.id() + "' is not connected");

        FakeServices second = new FakeServices(dir, store, List.of(connector));
        assertThat(second.clusters().isRegistered(d.id())).isTrue();
        assertThat(second.clusters().state(d.id()).health()).isEqualTo(ClusterHealth.STOPPED); // the app starts them
        second.clusters().startAll();
        assertThat(second.clusters().state(d.id()).health()).isEqualTo(ClusterHealth.RUNNING);
    }

    @Test
    void connectivityOfARemoteClusterUsesItsStoredPasswordAndSaysWhereItRan() throws Exception {
        try (FlinkLikeRestServer server = FlinkLikeRestServer.http("/flink", "alice", "s3cret")) {
            ClusterDefinition d = clusters().addRemote("Prod",
                    new RemoteEndpoint(server.url(), "alice", null, null, null, null), "s3cret", null);

            ConnectivityReport own = clusters().testConnectivity(d.id(), null);
            ConnectivityReport host = clusters().testConnectivity(d.id(), "127.0.0.1:" + server.port());

            assertThat(own.ok()).as(own.toString()).isTrue();
            assertThat(own.ranOn()).isEqualTo("from this desktop (Flink's REST API cannot test from the JobManager's side)");
            assertThat(own.steps()).extracting(ConnectivityReport.Step::name).containsExactly("DNS", "TCP", "HTTP", "Flink");
            assertThat(host.ok()).isTrue();
            assertThat(host.target()).isEqualTo("127.0.0.1:" + server.port());
            assertThat(host.ranOn()).startsWith("from this desktop");
            services.secretStore.values.clear();
            assertThat(clusters().testConnectivity(d.id(), null).steps().get(0).detail())
                    .contains("is missing from the secret store");
            assertThatThrownBy(() -> clusters().testConnectivity("rsc-nothere", null))
                    .isInstanceOf(InputRejectedException.class);
        }
    }

    @Test
    void clustersComeAndGoWhileOthersReadTheRegistry() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        clusters();
        Thread reader = new Thread(() -> {
            try {
                while (!stop.get()) {
                    services.clusters().states();
                    services.clusters().profiles();
                    services.clusters().restartFailedClusters();
                    services.clusters().definitions();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (int i = 0; i < 100; i++) {
            ClusterDefinition d = clusters().addRemote("C" + i, RemoteEndpoint.of("http://c" + i + ":8081"), null, null);
            connector.last(d.id()).goAway("gone");
            clusters().remove(d.id());
        }
        stop.set(true);
        reader.join(10_000);
        assertThat(failure.get()).isNull();
        assertThat(clusters().clusterIds()).containsExactly("local");
    }

    @Test
    void aProcessFollowsWhatAnotherProcessDidToTheDefinitions() {
        InMemoryClusterDefinitionStore store = new InMemoryClusterDefinitionStore();
        FakeClusterConnector otherConnector = new FakeClusterConnector();
        FakeServices cli = new FakeServices(dir, store, List.of(otherConnector));
        FakeServices app = new FakeServices(dir, store, List.of(connector));
        AtomicInteger changes = new AtomicInteger();
        app.clusters().addDefinitionsListener(changes::incrementAndGet);

        ClusterDefinition d = cli.clusters().addRemote("Prod", RemoteEndpoint.of("http://a:8081"), null, null);
        app.clusters().syncDefinitions();
        assertThat(app.clusters().clusterIds()).containsExactly("local", d.id());
        assertThat(app.clusters().state(d.id()).health()).isEqualTo(ClusterHealth.RUNNING);
        app.clusters().syncDefinitions(); // nothing changed: the same connection
        assertThat(connector.made).hasSize(1);

        cli.clusters().updateRemote(d.id(), "Prod", RemoteEndpoint.of("http://b:8081"), null, null);
        app.clusters().syncDefinitions();
        assertThat(connector.made).hasSize(2);
        assertThat(connector.made.get(0).closed).isTrue();
        assertThat(app.clusters().state(d.id()).restUrl()).isEqualTo("http://b:8081");

        cli.clusters().remove(d.id());
        app.clusters().syncDefinitions();
        assertThat(app.clusters().clusterIds()).containsExactly("local");
        assertThat(connector.made.get(1).closed).isTrue();
        assertThat(changes.get()).isEqualTo(3);
    }

    @Test
    void theLocalClusterIsTestedAtItsRestUrlWhenItRuns() {
        ConnectivityReport stopped = clusters().testConnectivity("local", null);
        assertThat(stopped.ok()).isFalse();
        assertThat(stopped.ranOn()).isEqualTo("from this desktop (where the local cluster runs)");
        assertThat(stopped.steps().get(0).detail()).isEqualTo("Local cluster is not running, so it has no REST URL to"
                + " test; start it first.");

        clusters().startAll(); // the fake answers at http://127.0.0.1:18081, where nothing listens in this test
        ConnectivityReport running = clusters().testConnectivity("local", null);
        assertThat(running.target()).isEqualTo("http://127.0.0.1:18081");
        assertThat(running.steps()).extracting(ConnectivityReport.Step::name).startsWith("DNS", "TCP");
    }
}
