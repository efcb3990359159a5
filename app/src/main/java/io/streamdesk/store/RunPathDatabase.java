package io.streamdesk.store;

import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The data directory's database opened for a process that only runs a published version: the same file, URL settings
 * (commits written before they return, row-lock waits, AUTO_SERVER on loopback) and credentials as {@link Database},
 * but no Flyway run and no Hibernate boot. It opens only a database whose schema is exactly as new as this build's
 * migrations (Flyway's history says so; one query): anything else (no database yet, one to migrate, one a newer build
 * migrated) is left to {@link Database#open}.
 */
public final class RunPathDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunPathDatabase.class);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");
    private static final String MIGRATIONS = "db/migration";

    private final JdbcConnectionPool pool;

    private RunPathDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** The database when its schema is current, else empty (the caller opens it the full way). */
    public static Optional<RunPathDatabase> openIfCurrent(DataDirectory dirs) {
        Path file = dirs.db().resolve(Database.FILE_NAME + ".mv.db");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        int newest = newestMigration();
        if (newest <= 0) {
            return Optional.empty();
        }
        String url = "jdbc:h2:file:" + dirs.db().toAbsolutePath().resolve(Database.FILE_NAME) + Database.URL_SETTINGS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(4);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select max(cast(\"version\" as int)) from \"flyway_schema_history\" "
                     + "where \"success\" and \"version\" is not null")) {
            int installed = rs.next() ? rs.getInt(1) : 0;
            if (installed != newest) {
                LOG.info("Schema at V{}, this build's migrations end at V{}: opening the database the full way", installed,
                        newest);
                pool.dispose();
                return Optional.empty();
            }
            return Optional.of(new RunPathDatabase(pool));
        } catch (SQLException | RuntimeException e) {
            LOG.info("Opening the database the full way: {}", e.toString());
            pool.dispose();
            return Optional.empty();
        }
    }

    /** The highest V number among this build's migrations (a directory in development, the app's jar installed). */
    static int newestMigration() {
        int newest = 0;
        try {
            Enumeration<URL> roots = RunPathDatabase.class.getClassLoader().getResources(MIGRATIONS);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        for (Path p : (Iterable<Path>) files::iterator) {
                            newest = Math.max(newest, version(p.getFileName().toString()));
                        }
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(MIGRATIONS + "/")) {
                                newest = Math.max(newest, version(name.substring(MIGRATIONS.length() + 1)));
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.info("Cannot list this build's migrations ({}): opening the database the full way", e.toString());
            return 0;
        }
        return newest;
    }

    private static int version(String fileName) {
        Matcher m = MIGRATION.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
