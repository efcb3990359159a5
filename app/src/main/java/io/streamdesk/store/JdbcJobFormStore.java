package io.streamdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.streamdesk.model.JobId;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.service.port.JobFormStore;
import io.streamdesk.service.port.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link JobFormStore} on the tables of V17: {@code jar_job_draft} / {@code jar_job_version} and
 * {@code etl_job_draft} / {@code etl_job_version} (the field mapping as a JSON array of {@code [sink, expression]}
 * pairs). A draft is replaced by each save; a version's row is inserted once and never updated.
 */
public final class JdbcJobFormStore implements JobFormStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NAME = 255;
    private static final String JAR_COLUMNS = "main_jar_name, main_jar_version, main_jar_sha256, entry_class, arguments, "
            + "parallelism";
    private static final String ETL_COLUMNS = "source_catalog, source_database, source_table, sink_catalog, "
            + "sink_database, sink_table, mappings_json, filter";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcJobFormStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<JarJobSpec> jarDraft(JobId job) {
        return JdbcTransactions.read(dataSource, "Reading the JAR form of " + job, c ->
                selectJar(c, "select " + JAR_COLUMNS + " from jar_job_draft where job_id = ?", job, null));
    }

    @Override
    public void saveJarDraft(JobId job, JarJobSpec spec) {
        checkJar(spec, false);
        writeRow("Saving the JAR form of " + job, "merge into jar_job_draft (job_id, " + JAR_COLUMNS
                    + ", saved_at) key (job_id) values (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, job.value());
            bindJar(ps, 2, spec);
            ps.setObject(8, clock.instant().atOffset(ZoneOffset.UTC));
        });
    }

    @Override
    public Optional<JarJobSpec> jarVersion(JobId job, int version) {
        return JdbcTransactions.read(dataSource, "Reading the JAR form of " + job + " v" + version, c ->
                selectJar(c, "select " + JAR_COLUMNS + " from jar_job_version where job_id = ? and number = ?", job,
                        version));
    }

    @Override
    public void freezeJar(JobId job, int version, JarJobSpec spec) {
        checkJar(spec, true);
        writeRow("Freezing the JAR form of " + job + " v" + version, "insert into jar_job_version (job_id, number, "
                    + JAR_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, job.value());
            ps.setInt(2, version);
            bindJar(ps, 3, spec);
        });
    }

    @Override
    public Optional<EtlSpec> etlDraft(JobId job) {
        return JdbcTransactions.read(dataSource, "Reading the ETL form of " + job, c ->
                selectEtl(c, "select " + ETL_COLUMNS + " from etl_job_draft where job_id = ?", job, null));
    }

    @Override
    public void saveEtlDraft(JobId job, EtlSpec spec) {
        String mappings = mappingsJson(spec);
        writeRow("Saving the ETL form of " + job, "merge into etl_job_draft (job_id, " + ETL_COLUMNS
                    + ", saved_at) key (job_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, job.value());
            bindEtl(ps, 2, spec, mappings);
            ps.setObject(10, clock.instant().atOffset(ZoneOffset.UTC));
        });
    }

    @Override
    public Optional<EtlSpec> etlVersion(JobId job, int version) {
        return JdbcTransactions.read(dataSource, "Reading the ETL form of " + job + " v" + version, c ->
                selectEtl(c, "select " + ETL_COLUMNS + " from etl_job_version where job_id = ? and number = ?", job,
                        version));
    }

    @Override
    public void freezeEtl(JobId job, int version, EtlSpec spec) {
        if (spec.source() == null || spec.sink() == null) {
            throw new StoreException("An ETL version needs its source and sink table");
        }
        String mappings = mappingsJson(spec);
        writeRow("Freezing the ETL form of " + job + " v" + version, "insert into etl_job_version (job_id, number, "
                    + ETL_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, job.value());
            ps.setInt(2, version);
            bindEtl(ps, 3, spec, mappings);
        });
    }

    /** Writes one row in its own transaction: {@code sql} with the parameters {@code binder} sets. */
    private void writeRow(String what, String sql, RowBinder binder) {
        JdbcTransactions.inTransaction(dataSource, what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface RowBinder {
        void bind(PreparedStatement ps) throws java.sql.SQLException;
    }

    // ---- JAR rows ----

    private static void checkJar(JarJobSpec spec, boolean version) {
        Objects.requireNonNull(spec, "spec");
        if (version && spec.mainJar() == null) {
            throw new StoreException("A JAR version needs its main jar");
        }
        if (spec.mainJar() != null) {
            Limits.required(spec.mainJar().name(), "Main jar name", NAME);
            Limits.bounded(spec.mainJar().sha256(), "Main jar SHA-256", 64);
        }
        Limits.bounded(spec.entryClass(), "Entry class", JarJobSpec.MAX_ENTRY_CLASS_CHARS);
        Limits.bounded(spec.arguments(), "Arguments", io.streamdesk.model.jobtype.ProgramArguments.MAX_CHARS);
    }

    private static void bindJar(PreparedStatement ps, int at, JarJobSpec spec) throws SQLException {
        DependencyRef jar = spec.mainJar();
        if (jar == null) {
            ps.setNull(at, Types.VARCHAR);
            ps.setNull(at + 1, Types.INTEGER);
            ps.setNull(at + 2, Types.VARCHAR);
        } else {
            ps.setString(at, jar.name());
            ps.setInt(at + 1, jar.version());
            ps.setString(at + 2, jar.sha256() == null ? "" : jar.sha256());
        }
        ps.setString(at + 3, spec.entryClass());
        ps.setString(at + 4, spec.arguments());
        ps.setInt(at + 5, spec.parallelism());
    }

    private static Optional<JarJobSpec> selectJar(Connection c, String sql, JobId job, Integer version)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job.value());
            if (version != null) {
                ps.setInt(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String name = rs.getString(1);
                DependencyRef jar = name == null ? null
                        : new DependencyRef(name, rs.getInt(2), blankToNull(rs.getString(3)));
                return Optional.of(new JarJobSpec(jar, rs.getString(4), rs.getString(5), rs.getInt(6)));
            }
        }
    }

    // ---- ETL rows ----

    private static void bindEtl(PreparedStatement ps, int at, EtlSpec spec, String mappings) throws SQLException {
        bindTable(ps, at, spec.source());
        bindTable(ps, at + 3, spec.sink());
        ps.setString(at + 6, mappings);
        ps.setString(at + 7, Limits.bounded(spec.filter(), "Filter", EtlSpec.MAX_FILTER_CHARS));
    }

    private static void bindTable(PreparedStatement ps, int at, EtlSpec.TableRef table) throws SQLException {
        ps.setString(at, table == null ? null : Limits.bounded(table.catalog(), "Catalog name", NAME));
        ps.setString(at + 1, table == null ? null : Limits.bounded(table.database(), "Database name", NAME));
        ps.setString(at + 2, table == null ? null : Limits.bounded(table.name(), "Table name", NAME));
    }

    private static Optional<EtlSpec> selectEtl(Connection c, String sql, JobId job, Integer version)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job.value());
            if (version != null) {
                ps.setInt(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EtlSpec(table(rs, 1), table(rs, 4), mappings(rs.getString(7)),
                        rs.getString(8)));
            }
        }
    }

    private static EtlSpec.TableRef table(ResultSet rs, int at) throws SQLException {
        String catalog = rs.getString(at);
        return catalog == null ? null : new EtlSpec.TableRef(catalog, rs.getString(at + 1), rs.getString(at + 2));
    }

    private static String mappingsJson(EtlSpec spec) {
        if (spec.mappings().size() > EtlSpec.MAX_MAPPINGS) {
            throw new StoreException("Mapping: at most " + EtlSpec.MAX_MAPPINGS + " columns");
        }
        ArrayNode array = JSON.createArrayNode();
        for (EtlSpec.FieldMapping m : spec.mappings()) {
            Limits.bounded(m.sinkColumn(), "Sink column name", NAME);
            Limits.bounded(m.expression(), "Expression of " + m.sinkColumn(), EtlSpec.MAX_EXPRESSION_CHARS);
            array.addArray().add(m.sinkColumn()).add(m.expression());
        }
        return array.toString();
    }

    private static List<EtlSpec.FieldMapping> mappings(String json) {
        try {
            List<EtlSpec.FieldMapping> out = new ArrayList<>();
            for (JsonNode pair : JSON.readTree(json)) {
                out.add(new EtlSpec.FieldMapping(pair.path(0).asText(), pair.path(1).asText()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new StoreException("The stored field mapping is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
