package io.streamdesk.store;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cluster definitions on H2 (the V1 cluster table as V12 and V18 extend it): the fixed local row, round trips (a
 * Kubernetes cluster's whole FlinkDeployment settings included), unique names, updates keep kind and creation time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcClusterDefinitionStoreTest {
    @TempDir
    static Path dir;
    Database db;
    JdbcClusterDefinitionStore store;

    @BeforeAll
    void open() {
        db = Database.open(dir.resolve("db"));
        store = new JdbcClusterDefinitionStore(db.dataSource());
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void theMigrationListsTheLocalClusterFirst() {
        ClusterDefinition local = store.find("local").orElseThrow();
        assertThat(local.kind()).isEqualTo(ClusterKind.LOCAL);
        assertThat(local.name()).isEqualTo("Local cluster");
        assertThat(local.endpoint()).isNull();
        assertThat(store.list().get(0).id()).isEqualTo("local");
    }

    @Test
    void remoteDefinitionsRoundTripOldestFirstAndKeepOnlyTheSecretId() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS).plusSeconds(60);
        ClusterDefinition a = new ClusterDefinition("rsc-roundtr1", "Prod", ClusterKind.REMOTE_SESSION,
                new RemoteEndpoint("https://proxy.example.com/flink/prod", "alice", "sec-123",
                        Path.of("/etc/ssl/ca.pem"), Path.of("/home/a/c.pem"), Path.of("/home/a/k.pem")),
                "s3://bucket/savepoints", t0.plusSeconds(5));
        ClusterDefinition b = new ClusterDefinition("rsc-roundtr0", "Staging", ClusterKind.REMOTE_SESSION,
                RemoteEndpoint.of("http://10.0.0.5:8081"), null, t0);
        store.create(a);
        store.create(b);

        assertThat(store.find("rsc-roundtr1")).contains(a);
        assertThat(store.list()).extracting(ClusterDefinition::id).containsSubsequence("local", "rsc-roundtr0", "rsc-roundtr1");
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select * from cluster where id = 'rsc-roundtr1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("password_secret_id")).isEqualTo("sec-123");
            assertThat(rs.getString("rest_url")).isEqualTo("https://proxy.example.com/flink/prod");
        }
    }

    @Test
    void namesAreUniqueAndUpdatesKeepKindAndCreationTime() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.create(new ClusterDefinition("rsc-uniq0001", "Unique", ClusterKind.REMOTE_SESSION,
                RemoteEndpoint.of("http://a:8081"), null, t0));
        assertThatThrownBy(() -> store.create(new ClusterDefinition("rsc-uniq0002", "Unique", ClusterKind.REMOTE_SESSION,
                RemoteEndpoint.of("http://b:8081"), null, t0)))
                .isInstanceOf(StoreException.class).hasMessageContaining("A cluster named 'Unique'");

        ClusterDefinition changed = store.update(new ClusterDefinition("rsc-uniq0001", "Unique 2",
                ClusterKind.LOCAL, RemoteEndpoint.of("http://c:8081"), "file:///shared/sp", Instant.EPOCH));
        assertThat(changed.name()).isEqualTo("Unique 2");
        assertThat(changed.kind()).isEqualTo(ClusterKind.REMOTE_SESSION);
        assertThat(changed.createdAt()).isEqualTo(t0);
        assertThat(changed.endpoint().restUrl()).isEqualTo("http://c:8081");
        assertThat(changed.savepointDirectory()).isEqualTo("file:///shared/sp");

        assertThat(store.delete("rsc-uniq0001")).isTrue();
        assertThat(store.delete("rsc-uniq0001")).isFalse();
        assertThat(store.find("rsc-uniq0001")).isEmpty();
        assertThatThrownBy(() -> store.update(changed)).isInstanceOf(StoreException.class)
                .hasMessageContaining("No cluster with ID 'rsc-uniq0001'");
        // removed: not listed, its name free again, and jobs placed on it still refer to a row
        assertThat(store.list()).extracting(ClusterDefinition::id).doesNotContain("rsc-uniq0001");
        store.create(new ClusterDefinition("rsc-uniq0003", "Unique 2", ClusterKind.REMOTE_SESSION,
                RemoteEndpoint.of("http://d:8081"), null, t0));
        io.streamdesk.model.Job onRemoved = new HibernateJobStore(db).create(new io.streamdesk.model.Job(
                io.streamdesk.model.JobId.generate(), "left behind", "/", io.streamdesk.model.JobType.SQL, "rsc-uniq0001",
                io.streamdesk.model.JobStatus.UNINITIALIZED, null, t0, java.time.Duration.ZERO, null, 0, null, null));
        assertThat(onRemoved.clusterId()).isEqualTo("rsc-uniq0001");
    }

    static KubernetesSpec fullSpec(String name) {
        return new KubernetesSpec(Path.of("/home/a/.kube/config"), "kind-dev", "flink-jobs", name, "flink:2.3",
                "v2_3", "flink-sa", new KubernetesSpec.Resources(1.5, "2048m", 1),
                new KubernetesSpec.Resources(2, "4g", 3), 4,
                java.util.Map.of("rest.port", "8081", "pipeline.name", "a \"quoted\" name: with ünïcode\nand a line"),
                java.util.List.of(new KubernetesSpec.HostAlias("10.0.0.12", java.util.List.of("kafka-1", "kafka-1.corp")),
                        new KubernetesSpec.HostAlias("10.0.0.13", java.util.List.of("kafka-2"))),
                new KubernetesSpec.DnsSettings(java.util.List.of("10.0.0.2", "10.0.0.3"), java.util.List.of("corp.example")));
    }

    @Test
    void aKubernetesClusterKeepsItsWholeSpecAndItsRestOverride() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ClusterDefinition k = new ClusterDefinition("k8s-roundtr1", "On Kubernetes", ClusterKind.KUBERNETES, null,
                "s3://bucket/sp", t0, fullSpec("sessions"));
        assertThat(store.create(k)).isEqualTo(k);
        assertThat(store.find("k8s-roundtr1")).contains(k);
        assertThat(store.list()).contains(k);

        KubernetesSpec scaled = k.kubernetes().withTaskManager(new KubernetesSpec.Resources(4, "8g", 10));
        ClusterDefinition changed = new ClusterDefinition("k8s-roundtr1", "On Kubernetes 2", ClusterKind.KUBERNETES,
                RemoteEndpoint.of("https://flink.example.com/sessions"), "s3://bucket/sp2", t0,
                new KubernetesSpec(null, null, "other-ns", "sessions", "flink:2.3.0", "v2_3", null,
                        scaled.jobManager(), scaled.taskManager(), 1, null, null, null));
        assertThat(store.update(changed)).isEqualTo(changed);
        assertThat(store.find("k8s-roundtr1").orElseThrow().kubernetes().kubeconfig()).isNull();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select kubernetes_spec, rest_url from cluster where id = 'k8s-roundtr1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("kubernetes_spec")).startsWith("{\"format\":1,").contains("\"namespace\":\"other-ns\"");
            assertThat(rs.getString("rest_url")).isEqualTo("https://flink.example.com/sessions");
        }
    }

    @Test
    void onlyKubernetesRowsHaveKubernetesSettingsAndANewerFormatIsRefused() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.create(new ClusterDefinition("rsc-nospec01", "Plain remote", ClusterKind.REMOTE_SESSION,
                RemoteEndpoint.of("http://e:8081"), null, t0));
        try (Connection c = db.dataSource().getConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update cluster set kubernetes_spec = '{}' where id = 'rsc-nospec01'"))
                    .hasMessageContaining("CK_CLUSTER_KUBERNETES_SPEC");
        }
        store.create(new ClusterDefinition("k8s-future01", "From the future", ClusterKind.KUBERNETES, null,
                "s3://b/sp", t0, fullSpec("future")));
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().executeUpdate("update cluster set kubernetes_spec = '{\"format\":2}' where id = 'k8s-future01'");
        }
        assertThatThrownBy(() -> store.find("k8s-future01")).isInstanceOf(StoreException.class)
                .hasMessageContaining("format 2").hasMessageContaining("k8s-future01");
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().executeUpdate("update cluster set removed_at = current_timestamp where id = 'k8s-future01'");
        }
    }
}
