package io.streamdesk.store;

import io.streamdesk.service.port.StoreException;
import io.streamdesk.store.entity.ClusterEntity;
import io.streamdesk.store.entity.DraftEntity;
import io.streamdesk.store.entity.EventEntity;
import io.streamdesk.store.entity.FolderEntity;
import io.streamdesk.store.entity.JobEntity;
import io.streamdesk.store.entity.JobRunEntity;
import io.streamdesk.store.entity.JobVersionEntity;
import io.streamdesk.store.entity.SavepointEntity;
import io.streamdesk.store.entity.WorkspaceEntity;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The embedded H2 database in file mode: Flyway migrates it, Hibernate maps the domain tables.
 * Opening costs a second or so (Flyway + Hibernate boot): call {@link #open} off the FX thread.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** File name prefix of the H2 files inside the db directory ({@code streamdesk.mv.db}). */
    static final String FILE_NAME = "streamdesk";

    /**
     * H2 settings, each for a reason:
     * WRITE_DELAY=0 writes every commit to the file before the commit returns; with H2's default (500 ms
     * of buffered commits) a kill -9 loses acknowledged writes (S1, checked by CrashSafetyTest).
     * LOCK_TIMEOUT lets concurrent writers of one job (row locks) queue instead of failing after 1 s.
     * AUTO_SERVER lets the CLI use the database while the app has it open (the second process connects to the
     * first over loopback instead of failing on the file lock).
     */
    static final String URL_SETTINGS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";

    /**
     * H2's system property for the address its servers bind to. AUTO_SERVER has no URL setting for it and listens on
     * every interface without it (S4); with it, the server binds 127.0.0.1 and also advertises 127.0.0.1 (not the
     * host's name) in the lock file the second process reads.
     */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    static {
        // H2 reads it once, when its SysProperties class loads: before any H2 class is used, which this class does first
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, LOOPBACK);
        }
    }

    private static final int MAX_CONNECTIONS = 8;

    private final String url;
    private final JdbcConnectionPool pool;
    private final SessionFactory sessionFactory;

    private Database(String url, JdbcConnectionPool pool, SessionFactory sessionFactory) {
        this.url = url;
        this.pool = pool;
        this.sessionFactory = sessionFactory;
    }

    /** Opens (creating and migrating when needed) the database under {@code dataDirectory.db()}. */
    public static Database open(DataDirectory dataDirectory) {
        return open(dataDirectory.db());
    }

    /** Opens (creating and migrating when needed) the database in {@code dbDirectory}. */
    public static Database open(Path dbDirectory) {
        return begin(dbDirectory).finish();
    }

    /**
     * The first half of opening, cheap: the connection pool and the schema brought up to date. The app reads the job
     * list from {@link Opening#dataSource()} with one plain query (it shows at once) while {@link Opening#finish}
     * boots Hibernate.
     */
    public static Opening begin(DataDirectory dataDirectory) {
        return begin(dataDirectory.db());
    }

    public static Opening begin(Path dbDirectory) {
        String url = "jdbc:h2:file:" + dbDirectory.toAbsolutePath().resolve(FILE_NAME) + URL_SETTINGS;
        long start = System.nanoTime();
        warnUnlessLoopback();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            String migrations = SchemaVersion.migrateWhenBehind(pool);
            return new Opening(dbDirectory, url, pool, start, System.nanoTime(), migrations);
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException("Cannot open the database in " + dbDirectory + ": " + rootMessage(e), e);
        }
    }

    /** A database whose schema is up to date and whose Hibernate is not booted yet (see {@link #begin}). */
    public static final class Opening {
        private final Path dbDirectory;
        private final String url;
        private final JdbcConnectionPool pool;
        private final long start;
        private final long migrated;
        private final String migrations;

        private Opening(Path dbDirectory, String url, JdbcConnectionPool pool, long start, long migrated,
                        String migrations) {
            this.dbDirectory = dbDirectory;
            this.url = url;
            this.pool = pool;
            this.start = start;
            this.migrated = migrated;
            this.migrations = migrations;
        }

        /** Plain JDBC over the migrated schema, usable before {@link #finish}. */
        public DataSource dataSource() {
            return pool;
        }

        /** Boots Hibernate over the pool: the database is open. On failure the pool is closed. */
        public Database finish() {
            long booting = System.nanoTime();
            try {
                SessionFactory sessionFactory = buildSessionFactory(pool, false);
                LOG.info("Opened database {} in {} ms (migrations {} ms: {}, Hibernate {} ms)", dbDirectory,
                        (System.nanoTime() - start) / 1_000_000, (migrated - start) / 1_000_000, migrations,
                        (System.nanoTime() - booting) / 1_000_000);
                return new Database(url, pool, sessionFactory);
            } catch (RuntimeException e) {
                pool.dispose();
                throw new StoreException("Cannot open the database in " + dbDirectory + ": " + rootMessage(e), e);
            }
        }

        /** The open failed or was given up: closes the pool. */
        public void abandon() {
            pool.dispose();
        }
    }

    /** The setting H2 actually took: another class may have loaded H2 before this one set the property. */
    private static void warnUnlessLoopback() {
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (bound == null || bound.isEmpty()) {
            LOG.warn("H2 was loaded before {} was set: the database's AUTO_SERVER port listens on every interface. "
                    + "Start the JVM with -D{}={}.", H2_BIND_ADDRESS, H2_BIND_ADDRESS, LOOPBACK);
        } else if (!bound.equals(LOOPBACK)) {
            LOG.info("The database's AUTO_SERVER port listens on {} (-D{})", bound, H2_BIND_ADDRESS);
        }
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + SchemaVersion.LOCATION)
                .load()
                .migrate();
    }

    /**
     * Hibernate over the migrated schema. Flyway owns the schema, so at start Hibernate neither reads JDBC metadata
     * (the database's name and version are given instead) nor validates the mapping: both cost about a second at every start. The
     * validation runs in {@code EntityMappingValidationTest} instead ({@code validate} true), where an entity that
     * drifted from the migrations fails the build.
     */
    static SessionFactory buildSessionFactory(DataSource dataSource, boolean validate) {
        Configuration configuration = new Configuration()
                .addAnnotatedClasses(WorkspaceEntity.class, ClusterEntity.class, FolderEntity.class, JobEntity.class,
                        DraftEntity.class, JobVersionEntity.class, JobRunEntity.class, SavepointEntity.class,
                        EventEntity.class)
                .setProperty(AvailableSettings.HBM2DDL_AUTO, validate ? "validate" : "none")
                .setProperty(AvailableSettings.SHOW_SQL, false)
                .setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        if (!validate) {
            configuration.setProperty(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
                    .setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "H2")
                    .setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, org.h2.engine.Constants.VERSION);
        }
        configuration.getProperties().put(AvailableSettings.DATASOURCE, dataSource);
        return configuration.buildSessionFactory();
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** Plain JDBC access, for time series that do not go through Hibernate. */
    public DataSource dataSource() {
        return pool;
    }

    public String jdbcUrl() {
        return url;
    }

    /**
     * Runs {@code work} in one transaction and commits before returning, so the result is durable (S1).
     * Any failure rolls back and surfaces as a {@link StoreException} that starts with {@code action}.
     */
    public <T> T inTransaction(String action, Function<Session, T> work) {
        Transaction tx = null;
        try (Session session = sessionFactory.openSession()) {
            tx = session.beginTransaction();
            T result = work.apply(session);
            tx.commit();
            return result;
        } catch (StoreException e) {
            rollback(tx);
            throw e;
        } catch (RuntimeException e) {
            rollback(tx);
            throw new StoreException(action + " failed: " + rootMessage(e), e);
        }
    }

    private static void rollback(Transaction tx) {
        try {
            if (tx != null && tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            LOG.warn("Rollback failed", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            // Disposing the pool closes the last connection, which closes the H2 database cleanly.
            pool.dispose();
        }
    }
}
