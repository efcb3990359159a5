package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.port.DependencyStore;
import io.streamdesk.service.port.StoreException;

import javax.sql.DataSource;
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
 * {@link DependencyStore} on the {@code dependency} and {@code dependency_version} tables (V13). The references are
 * read from {@code draft_dependency} and {@code job_version_dependency}, which the job and version stores write; a
 * removal checks them and deletes in one transaction, under a row lock on the dependency, and their foreign keys
 * refuse a referenced version even past that check.
 */
public final class JdbcDependencyStore implements DependencyStore {
    private static final String VERSION_COLUMNS = "v.dependency_name, v.version, d.kind, v.description, v.sha256, "
            + "v.size_bytes, v.created_at as version_created_at";

    private final DataSource dataSource;

    public JdbcDependencyStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<Dependency> list() {
        return JdbcTransactions.read(dataSource, "Listing the dependencies", c -> {
            List<Dependency> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select d.name, d.kind, d.created_at as dependency_created_at, "
                    + "(select count(*) from dependency_version c where c.dependency_name = d.name) as versions, "
                    + VERSION_COLUMNS + " from dependency d join dependency_version v on v.dependency_name = d.name "
                    + "and v.version = (select max(m.version) from dependency_version m where m.dependency_name = d.name) "
                    + "order by lower(d.name), d.name")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(readDependency(rs));
                    }
                }
            }
            return all;
        });
    }

    @Override
    public Optional<Dependency> find(String name) {
        return JdbcTransactions.read(dataSource, "Reading dependency " + name, c -> findIn(c, name));
    }

    private static Optional<Dependency> findIn(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select d.name, d.kind, d.created_at as dependency_created_at, "
                + "(select count(*) from dependency_version c where c.dependency_name = d.name) as versions, "
                + VERSION_COLUMNS + " from dependency d join dependency_version v on v.dependency_name = d.name "
                + "where d.name = ? order by v.version desc limit 1")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readDependency(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<DependencyVersion> versions(String name) {
        return JdbcTransactions.read(dataSource, "Listing the versions of " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + VERSION_COLUMNS + " from dependency_version v "
                    + "join dependency d on d.name = v.dependency_name where v.dependency_name = ? order by v.version desc")) {
                ps.setString(1, name);
                List<DependencyVersion> all = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(readVersion(rs));
                    }
                }
                return all;
            }
        });
    }

    @Override
    public Optional<DependencyVersion> version(String name, int version) {
        return JdbcTransactions.read(dataSource, "Reading " + name + "@" + version, c -> versionIn(c, name, version));
    }

    private static Optional<DependencyVersion> versionIn(Connection c, String name, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + VERSION_COLUMNS + " from dependency_version v "
                + "join dependency d on d.name = v.dependency_name where v.dependency_name = ? and v.version = ?")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readVersion(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public DependencyVersion add(String name, DependencyKind kind, String description, String sha256, long size,
                                 Instant createdAt, int maxVersions) {
        Limits.required(name, "Dependency name", Limits.NAME);
        String text = Limits.bounded(description == null ? "" : description, "Description", Limits.DESCRIPTION);
        return JdbcTransactions.inTransaction(dataSource, "Adding a version of " + name, c -> {
            // the row is made once; its lock then queues concurrent uploads of one name (another process too)
            try (PreparedStatement ps = c.prepareStatement("insert into dependency (name, kind, next_version, created_at) "
                    + "select ?, ?, 1, ? from dual where not exists (select 1 from dependency where name = ?)")) {
                ps.setString(1, name);
                ps.setString(2, kind.name());
                ps.setObject(3, createdAt.atOffset(ZoneOffset.UTC));
                ps.setString(4, name);
                ps.executeUpdate();
            }
            String storedKind;
            int next;
            try (PreparedStatement ps = c.prepareStatement(
                    "select kind, next_version from dependency where name = ? for update")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    storedKind = rs.getString(1);
                    next = rs.getInt(2);
                }
            }
            if (!storedKind.equals(kind.name())) {
                throw new StoreException(name + " is a " + DependencyKind.valueOf(storedKind).label()
                        + "; a version of it cannot be a " + kind.label() + ".");
            }
            int kept = countVersions(c, name);
            if (kept >= maxVersions) {
                throw new VersionLimitException(name + " already has " + kept + " versions, the most a dependency "
                        + "keeps (" + maxVersions + "): remove a version nothing references before uploading another.");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into dependency_version (dependency_name, version, "
                    + "description, sha256, size_bytes, created_at) values (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setInt(2, next);
                ps.setString(3, text);
                ps.setString(4, sha256);
                ps.setLong(5, size);
                ps.setObject(6, createdAt.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update dependency set next_version = ? where name = ?")) {
                ps.setInt(1, next + 1);
                ps.setString(2, name);
                ps.executeUpdate();
            }
            return versionIn(c, name, next).orElseThrow();
        });
    }

    private static int countVersions(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from dependency_version where dependency_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public List<DependencyUse> references(String name) {
        return JdbcTransactions.read(dataSource, "Reading what references " + name, c -> referencesIn(c, name, null));
    }

    /** Drafts first, then versions, by job name and number; {@code version} null for any version. */
    private static List<DependencyUse> referencesIn(Connection c, String name, Integer version) throws SQLException {
        String versionFilter = version == null ? "" : " and r.version = ?";
        List<DependencyUse> uses = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select j.id, j.name, r.version from draft_dependency r "
                + "join job j on j.id = r.job_id where r.dependency_name = ?" + versionFilter
                + " order by lower(j.name), j.id, r.version")) {
            ps.setString(1, name);
            if (version != null) {
                ps.setInt(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uses.add(new DependencyUse(new JobId(rs.getString(1)), rs.getString(2), null, name, rs.getInt(3)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select j.id, j.name, v.number, r.version "
                + "from job_version_dependency r join job_version v on v.id = r.job_version_id "
                + "join job j on j.id = v.job_id where r.dependency_name = ?" + versionFilter
                + " order by lower(j.name), j.id, v.number, r.version")) {
            ps.setString(1, name);
            if (version != null) {
                ps.setInt(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uses.add(new DependencyUse(new JobId(rs.getString(1)), rs.getString(2), rs.getInt(3), name,
                            rs.getInt(4)));
                }
            }
        }
        return uses;
    }

    @Override
    public List<DependencyUse> removeVersion(String name, int version) {
        return JdbcTransactions.inTransaction(dataSource, "Removing " + name + "@" + version, c -> {
            if (!lock(c, name)) {
                return List.of();
            }
            List<DependencyUse> uses = referencesIn(c, name, version);
            if (!uses.isEmpty()) {
                return uses;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from dependency_version where dependency_name = ? and version = ?")) {
                ps.setString(1, name);
                ps.setInt(2, version);
                ps.executeUpdate();
            }
            if (countVersions(c, name) == 0) {
                deleteDependencyRow(c, name); // its last version gone: the name is free (numbers start again at 1)
            }
            return List.of();
        });
    }

    @Override
    public List<DependencyUse> remove(String name) {
        return JdbcTransactions.inTransaction(dataSource, "Removing dependency " + name, c -> {
            if (!lock(c, name)) {
                return List.of();
            }
            List<DependencyUse> uses = referencesIn(c, name, null);
            if (!uses.isEmpty()) {
                return uses;
            }
            try (PreparedStatement ps = c.prepareStatement("delete from dependency_version where dependency_name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            deleteDependencyRow(c, name);
            return List.of();
        });
    }

    private static void deleteDependencyRow(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from dependency where name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    /** Locks the dependency's row until the transaction ends; false when there is no such dependency. */
    private static boolean lock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select name from dependency where name = ? for update")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public boolean contentInUse(String sha256) {
        return JdbcTransactions.read(dataSource, "Looking up content " + sha256, c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from dependency_version where sha256 = ? limit 1")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static Dependency readDependency(ResultSet rs) throws SQLException {
        return new Dependency(rs.getString("name"), DependencyKind.valueOf(rs.getString("kind")), readVersion(rs),
                rs.getInt("versions"), rs.getObject("dependency_created_at", OffsetDateTime.class).toInstant());
    }

    private static DependencyVersion readVersion(ResultSet rs) throws SQLException {
        return new DependencyVersion(rs.getString("dependency_name"), rs.getInt("version"),
                DependencyKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("sha256"),
                rs.getLong("size_bytes"), rs.getObject("version_created_at", OffsetDateTime.class).toInstant());
    }
}
