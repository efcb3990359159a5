package io.streamdesk.store;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.port.ClusterDefinitionStore;
import io.streamdesk.service.port.StoreException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ClusterDefinitionStore} on the {@code cluster} table (V1, extended by V12 and V18), the table jobs refer to. The
 * password of a remote cluster is not a column: only the id of its secret ({@code password_secret_id}) is kept here.
 * Deleting marks the row removed ({@code removed_at}): jobs placed on the cluster keep a valid reference, the cluster
 * is no longer listed or found, and its name is free again. A Kubernetes cluster's settings are one JSON document in
 * {@code kubernetes_spec} ({@link KubernetesSpecJson}); its {@code rest_url} is the optional REST URL override.
 */
public final class JdbcClusterDefinitionStore implements ClusterDefinitionStore {
    private static final String DUPLICATE_KEY = "23505";
    private static final String WORKSPACE = HibernateJobStore.DEFAULT_WORKSPACE;
    private static final String COLUMNS = "id, name, kind, rest_url, username, password_secret_id, ca_file, "
            + "client_cert_file, client_key_file, savepoint_directory, created_at, kubernetes_spec";

    private final DataSource dataSource;

    public JdbcClusterDefinitionStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<ClusterDefinition> list() {
        return JdbcTransactions.read(dataSource, "Listing the clusters", c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from cluster where workspace_id = ? and removed_at is null order by created_at, id")) {
                ps.setString(1, WORKSPACE);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ClusterDefinition> all = new ArrayList<>();
                    while (rs.next()) {
                        all.add(read(rs));
                    }
                    return all;
                }
            }
        });
    }

    @Override
    public Optional<ClusterDefinition> find(String id) {
        return JdbcTransactions.read(dataSource, "Reading cluster " + id, c -> select(c, id));
    }

    @Override
    public ClusterDefinition create(ClusterDefinition d) {
        try {
            return JdbcTransactions.inTransaction(dataSource, "Adding cluster '" + d.name() + "'", c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into cluster (workspace_id, name, rest_url, "
                        + "username, password_secret_id, ca_file, client_cert_file, client_key_file, "
                        + "savepoint_directory, kubernetes_spec, kind, created_at, id) values ('" + WORKSPACE
                        + "', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bindMutable(ps, d);
                    ps.setString(10, d.kind().name());
                    ps.setObject(11, d.createdAt().atOffset(ZoneOffset.UTC));
                    ps.setString(12, Limits.required(d.id(), "Cluster ID", 64));
                    ps.executeUpdate();
                }
                return select(c, d.id()).orElseThrow();
            });
        } catch (StoreException e) {
            throw duplicate(e, d);
        }
    }

    @Override
    public ClusterDefinition update(ClusterDefinition d) {
        try {
            return JdbcTransactions.inTransaction(dataSource, "Changing cluster '" + d.name() + "'", c -> {
                try (PreparedStatement ps = c.prepareStatement("update cluster set name = ?, rest_url = ?, "
                        + "username = ?, password_secret_id = ?, ca_file = ?, client_cert_file = ?, "
                        + "client_key_file = ?, savepoint_directory = ?, kubernetes_spec = ? where id = ? and removed_at is null")) {
                    bindMutable(ps, d);
                    ps.setString(10, d.id());
                    if (ps.executeUpdate() != 1) {
                        throw new StoreException("No cluster with ID '" + d.id() + "'.");
                    }
                }
                return select(c, d.id()).orElseThrow();
            });
        } catch (StoreException e) {
            throw duplicate(e, d);
        }
    }

    @Override
    public boolean delete(String id) {
        return JdbcTransactions.inTransaction(dataSource, "Removing cluster " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("update cluster set removed_at = ?, password_secret_id = null"
                    + " where id = ? and removed_at is null")) {
                ps.setObject(1, java.time.OffsetDateTime.now(ZoneOffset.UTC));
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static StoreException duplicate(StoreException e, ClusterDefinition d) {
        if (e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
            return new StoreException("A cluster named '" + d.name() + "' (or with ID '" + d.id() + "') exists.", e);
        }
        return e;
    }

    private static void bindMutable(PreparedStatement ps, ClusterDefinition d) throws SQLException {
        RemoteEndpoint e = d.endpoint();
        ps.setString(1, Limits.required(d.name(), "Cluster name", ClusterDefinition.MAX_NAME_LENGTH));
        ps.setString(2, e == null ? null : Limits.bounded(e.restUrl(), "REST URL", RemoteEndpoint.MAX_URL_LENGTH));
        ps.setString(3, e == null ? null : Limits.bounded(e.username(), "User", 200));
        ps.setString(4, e == null ? null : Limits.bounded(e.passwordSecretId(), "Password secret ID", 100));
        ps.setString(5, e == null ? null : path(e.caFile()));
        ps.setString(6, e == null ? null : path(e.clientCertFile()));
        ps.setString(7, e == null ? null : path(e.clientKeyFile()));
        ps.setString(8, Limits.bounded(d.savepointDirectory(), "Savepoint directory", 2000));
        ps.setString(9, d.kubernetes() == null ? null : KubernetesSpecJson.write(d.kubernetes()));
    }

    private static String path(Path p) {
        return p == null ? null : Limits.bounded(p.toString(), "File path", 4000);
    }

    private static Optional<ClusterDefinition> select(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from cluster where id = ? and removed_at is null")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static ClusterDefinition read(ResultSet rs) throws SQLException {
        String url = rs.getString("rest_url");
        RemoteEndpoint endpoint = url == null ? null : new RemoteEndpoint(url, rs.getString("username"),
                rs.getString("password_secret_id"), pathOf(rs.getString("ca_file")),
                pathOf(rs.getString("client_cert_file")), pathOf(rs.getString("client_key_file")));
        Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        String id = rs.getString("id");
        String spec = rs.getString("kubernetes_spec");
        return new ClusterDefinition(id, rs.getString("name"), ClusterKind.valueOf(rs.getString("kind")),
                endpoint, rs.getString("savepoint_directory"), created,
                spec == null ? null : KubernetesSpecJson.read(spec, id));
    }

    private static Path pathOf(String s) {
        return s == null ? null : Path.of(s);
    }
}
