package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.model.lineage.LineageTable;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.model.lineage.VersionLineage;
import io.streamdesk.service.port.LineageStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link LineageStore} on the V16 tables {@code version_lineage} and {@code version_lineage_table}. */
public final class JdbcLineageStore implements LineageStore {

    private static final String READ = "READ";
    private static final String WRITE = "WRITE";

    private final DataSource dataSource;

    public JdbcLineageStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void save(VersionLineage lineage) {
        String job = lineage.jobId().value();
        JdbcTransactions.inTransaction(dataSource, "Storing the lineage of " + job + " v" + lineage.version(), c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "delete from version_lineage where job_id = ? and version_number = ?")) {
                del.setString(1, job);
                del.setInt(2, lineage.version());
                del.executeUpdate(); // its tables go with it (cascade)
            }
            try (PreparedStatement ins = c.prepareStatement("insert into version_lineage (job_id, version_number, "
                    + "problem, computed_at) values (?, ?, ?, ?)")) {
                ins.setString(1, job);
                ins.setInt(2, lineage.version());
                ins.setString(3, Limits.truncated(lineage.problem(), 2000));
                ins.setObject(4, lineage.computedAt().atOffset(ZoneOffset.UTC));
                ins.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("insert into version_lineage_table (job_id, "
                    + "version_number, access, table_name, origin, connector) values (?, ?, ?, ?, ?, ?)")) {
                batch(ins, job, lineage.version(), READ, lineage.reads());
                batch(ins, job, lineage.version(), WRITE, lineage.writes());
                ins.executeBatch();
            }
            return null;
        });
    }

    private static void batch(PreparedStatement ins, String job, int version, String access, List<LineageTable> tables)
            throws SQLException {
        for (LineageTable t : tables.stream().distinct().toList()) {
            ins.setString(1, job);
            ins.setInt(2, version);
            ins.setString(3, access);
            ins.setString(4, t.name());
            ins.setString(5, t.origin().name());
            ins.setString(6, t.connector());
            ins.addBatch();
        }
    }

    @Override
    public Optional<VersionLineage> find(JobId job, int version) {
        return JdbcTransactions.read(dataSource, "Reading the lineage of " + job + " v" + version, c ->
                select(c, "l.job_id = ? and l.version_number = ?", ps -> {
                    ps.setString(1, job.value());
                    ps.setInt(2, version);
                }).stream().findFirst());
    }

    @Override
    public List<VersionLineage> forJob(JobId job) {
        return JdbcTransactions.read(dataSource, "Reading the lineage of " + job, c ->
                select(c, "l.job_id = ?", ps -> ps.setString(1, job.value())));
    }

    @Override
    public List<VersionLineage> usingTable(String tableName) {
        return JdbcTransactions.read(dataSource, "Reading the lineage of table " + tableName, c ->
                select(c, "exists (select 1 from version_lineage_table u where u.job_id = l.job_id"
                        + " and u.version_number = l.version_number and u.table_name = ?)",
                        ps -> ps.setString(1, tableName)));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<VersionLineage> select(Connection c, String where, Binder binder) throws SQLException {
        record Key(String job, int version) {
        }
        Map<Key, VersionLineage> byVersion = new LinkedHashMap<>();
        Map<Key, List<LineageTable>> reads = new LinkedHashMap<>();
        Map<Key, List<LineageTable>> writes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select l.job_id, l.version_number, l.problem, l.computed_at,"
                + " t.access, t.table_name, t.origin, t.connector from version_lineage l"
                + " left join version_lineage_table t on t.job_id = l.job_id and t.version_number = l.version_number"
                + " where " + where + " order by l.job_id, l.version_number, t.access, t.table_name")) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getString(1), rs.getInt(2));
                    if (!byVersion.containsKey(key)) {
                        byVersion.put(key, new VersionLineage(new JobId(key.job()), key.version(), List.of(),
                                List.of(), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()));
                        reads.put(key, new ArrayList<>());
                        writes.put(key, new ArrayList<>());
                    }
                    String access = rs.getString(5);
                    if (access == null) {
                        continue; // a version that uses no table
                    }
                    LineageTable table = new LineageTable(rs.getString(6), origin(rs.getString(7)), rs.getString(8));
                    (READ.equals(access) ? reads : writes).get(key).add(table);
                }
            }
        }
        List<VersionLineage> all = new ArrayList<>();
        byVersion.forEach((key, v) -> all.add(new VersionLineage(v.jobId(), v.version(), reads.get(key),
                writes.get(key), v.problem(), v.computedAt())));
        return all;
    }

    private static TableOrigin origin(String stored) {
        try {
            return TableOrigin.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return TableOrigin.EXTERNAL; // a value a newer version of the app wrote
        }
    }
}
