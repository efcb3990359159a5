package io.streamdesk.store;

import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.service.port.MetadataStore;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link MetadataStore} on the V14 tables: {@code metadata_catalog}, {@code metadata_database}, {@code metadata_table}
 * and {@code metadata_column} (a table's columns go with it: replaced on update, deleted on drop by the cascade).
 */
public final class JdbcMetadataStore implements MetadataStore {
    private static final String DUPLICATE_KEY = "23505";
    private static final String MISSING_PARENT = "23506";
    private static final int MAX_NAME = 128;
    private static final int MAX_DDL = 64 * 1024;
    private static final String TABLE_COLUMNS = "catalog_name, database_name, name, ddl, connector, watermark, "
            + "primary_key, updated_at";

    private final DataSource dataSource;

    public JdbcMetadataStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<String> catalogs() {
        return JdbcTransactions.read(dataSource, "Listing the catalogs", c -> {
            try (PreparedStatement ps = c.prepareStatement("select name from metadata_catalog order by case when name = ?"
                    + " then 0 else 1 end, name")) {
                ps.setString(1, MetadataSnapshot.DEFAULT_CATALOG);
                List<String> names = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            }
        });
    }

    @Override
    public List<MetadataDatabase> databases() {
        return JdbcTransactions.read(dataSource, "Listing the databases", c -> {
            try (PreparedStatement ps = c.prepareStatement("select catalog_name, name from metadata_database"
                    + " order by catalog_name, name");
                 ResultSet rs = ps.executeQuery()) {
                List<MetadataDatabase> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(new MetadataDatabase(rs.getString(1), rs.getString(2)));
                }
                return all;
            }
        });
    }

    @Override
    public List<MetadataTable> tables() {
        return JdbcTransactions.read(dataSource, "Listing the catalog tables", c -> {
            Map<String, List<MetadataColumn>> columns = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select catalog_name, database_name, table_name, name, type"
                    + " from metadata_column order by catalog_name, database_name, table_name, position");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(key(rs.getString(1), rs.getString(2), rs.getString(3)),
                            k -> new ArrayList<>()).add(new MetadataColumn(rs.getString(4), rs.getString(5)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select " + TABLE_COLUMNS + " from metadata_table"
                    + " order by catalog_name, database_name, name");
                 ResultSet rs = ps.executeQuery()) {
                List<MetadataTable> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(read(rs, columns.getOrDefault(key(rs.getString(1), rs.getString(2), rs.getString(3)),
                            List.of())));
                }
                return all;
            }
        });
    }

    @Override
    public Optional<MetadataTable> table(String catalog, String database, String name) {
        return JdbcTransactions.read(dataSource, "Reading table " + catalog + "." + database + "." + name,
                c -> select(c, catalog, database, name));
    }

    @Override
    public void createCatalog(String name, Instant at) {
        insert("Creating catalog '" + name + "'", "A catalog named '" + name + "' exists.", null,
                "insert into metadata_catalog (name, created_at) values (?, ?)", bounded(name, "Catalog name"), at);
    }

    @Override
    public void createDatabase(MetadataDatabase database, Instant at) {
        insert("Creating database '" + database.qualifiedName() + "'",
                "A database named '" + database.name() + "' exists in catalog '" + database.catalog() + "'.",
                "There is no catalog '" + database.catalog() + "'.",
                "insert into metadata_database (catalog_name, name, created_at) values (?, ?, ?)",
                database.catalog(), bounded(database.name(), "Database name"), at);
    }

    private void insert(String action, String duplicate, String missingParent, String sql, Object... values) {
        try {
            JdbcTransactions.inTransaction(dataSource, action, c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : values[i]);
                    }
                    return ps.executeUpdate();
                }
            });
        } catch (StoreException e) {
            throw translated(e, duplicate, missingParent);
        }
    }

    @Override
    public MetadataTable createTable(MetadataTable t) {
        String what = "Creating table " + t.qualifiedName();
        try {
            return JdbcTransactions.inTransaction(dataSource, what, c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into metadata_table (catalog_name, database_name,"
                        + " name, ddl, connector, watermark, primary_key, updated_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, t.catalog());
                    ps.setString(2, t.database());
                    ps.setString(3, bounded(t.name(), "Table name"));
                    bindContent(ps, 4, t);
                    ps.setObject(9, t.updatedAt().atOffset(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                insertColumns(c, t);
                return select(c, t.catalog(), t.database(), t.name()).orElseThrow();
            });
        } catch (StoreException e) {
            throw translated(e, "A table named '" + t.name() + "' exists in " + t.catalog() + "." + t.database() + ".",
                    "There is no database " + t.catalog() + "." + t.database() + ".");
        }
    }

    @Override
    public MetadataTable updateTable(MetadataTable t) {
        return JdbcTransactions.inTransaction(dataSource, "Changing table " + t.qualifiedName(), c -> {
            try (PreparedStatement ps = c.prepareStatement("update metadata_table set ddl = ?, connector = ?,"
                    + " watermark = ?, primary_key = ?, updated_at = ? where catalog_name = ? and database_name = ?"
                    + " and name = ?")) {
                bindContent(ps, 1, t);
                ps.setString(6, t.catalog());
                ps.setString(7, t.database());
                ps.setString(8, t.name());
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("There is no table " + t.qualifiedName() + ".");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from metadata_column where catalog_name = ? and"
                    + " database_name = ? and table_name = ?")) {
                ps.setString(1, t.catalog());
                ps.setString(2, t.database());
                ps.setString(3, t.name());
                ps.executeUpdate();
            }
            insertColumns(c, t);
            return select(c, t.catalog(), t.database(), t.name()).orElseThrow();
        });
    }

    @Override
    public boolean dropTable(String catalog, String database, String name) {
        return JdbcTransactions.inTransaction(dataSource, "Dropping table " + catalog + "." + database + "." + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from metadata_table where catalog_name = ? and"
                    + " database_name = ? and name = ?")) {
                ps.setString(1, catalog);
                ps.setString(2, database);
                ps.setString(3, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** ddl, connector, watermark, primary key, updated at: five parameters from {@code first}. */
    private static void bindContent(PreparedStatement ps, int first, MetadataTable t) throws SQLException {
        ps.setString(first, Limits.required(t.ddl(), "DDL", MAX_DDL));
        ps.setString(first + 1, Limits.required(t.connector(), "Connector", Limits.NAME));
        ps.setString(first + 2, Limits.truncated(t.watermark(), Limits.PATH));
        ps.setString(first + 3, t.primaryKey().isEmpty() ? null
                : Limits.bounded(String.join(",", t.primaryKey()), "Primary key", Limits.MESSAGE));
        ps.setObject(first + 4, t.updatedAt().atOffset(ZoneOffset.UTC));
    }

    private static void insertColumns(Connection c, MetadataTable t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into metadata_column (catalog_name, database_name,"
                + " table_name, position, name, type) values (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (MetadataColumn column : t.columns()) {
                ps.setString(1, t.catalog());
                ps.setString(2, t.database());
                ps.setString(3, t.name());
                ps.setInt(4, position++);
                ps.setString(5, bounded(column.name(), "Column name"));
                ps.setString(6, Limits.truncated(column.type(), Limits.PATH));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Optional<MetadataTable> select(Connection c, String catalog, String database, String name)
            throws SQLException {
        List<MetadataColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select name, type from metadata_column where catalog_name = ?"
                + " and database_name = ? and table_name = ? order by position")) {
            ps.setString(1, catalog);
            ps.setString(2, database);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new MetadataColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select " + TABLE_COLUMNS + " from metadata_table where"
                + " catalog_name = ? and database_name = ? and name = ?")) {
            ps.setString(1, catalog);
            ps.setString(2, database);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, columns)) : Optional.empty();
            }
        }
    }

    private static MetadataTable read(ResultSet rs, List<MetadataColumn> columns) throws SQLException {
        String key = rs.getString("primary_key");
        return new MetadataTable(rs.getString("catalog_name"), rs.getString("database_name"), rs.getString("name"),
                rs.getString("ddl"), rs.getString("connector"), columns,
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("watermark"),
                key == null ? List.of() : Arrays.asList(key.split(",")));
    }

    private static String key(String catalog, String database, String table) {
        return catalog + "\u0000" + database + "\u0000" + table;
    }

    private static String bounded(String name, String what) {
        return Limits.required(name, what, MAX_NAME);
    }

    private static StoreException translated(StoreException e, String duplicate, String missingParent) {
        if (e.getCause() instanceof SQLException sql) {
            if (DUPLICATE_KEY.equals(sql.getSQLState())) {
                return new StoreException(duplicate, e);
            }
            if (MISSING_PARENT.equals(sql.getSQLState()) && missingParent != null) {
                return new StoreException(missingParent, e);
            }
        }
        return e;
    }
}
