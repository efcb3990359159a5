package io.streamdesk.store;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flyway owns the schema, but booting Flyway to learn that there is nothing to migrate costs most of a second at
 * every start. This compares the versions the database has applied (one query of Flyway's history table) with the
 * migration files the app carries and runs Flyway only when they differ: a new or an older database (Flyway
 * migrates), or one that a newer app migrated further (Flyway then refuses with its own message). When anything is
 * unclear (no history table, a file listing that fails) Flyway runs as before.
 */
final class SchemaVersion {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaVersion.class);

    /** Where the migrations are, on the class path. */
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    private SchemaVersion() {
    }

    /** Runs Flyway when the database is behind (or ahead of) the app's migrations; answers what it did, for the log. */
    static String migrateWhenBehind(DataSource dataSource) {
        Set<String> carried = carriedVersions();
        Set<String> applied = appliedVersions(dataSource);
        if (!carried.isEmpty() && carried.equals(applied)) {
            return "schema at V" + highest(carried) + ", nothing to migrate";
        }
        Database.migrate(dataSource);
        return applied == null ? "Flyway ran (no history read)" : "Flyway migrated from " + applied.size()
                + " to " + carried.size() + " versions";
    }

    private static String highest(Set<String> versions) {
        return versions.stream().max(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.split("[._]")[0])))
                .orElse("?");
    }

    /** The versions Flyway recorded as applied successfully; null when there is no history to read. */
    static Set<String> appliedVersions(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Set<String> versions = new TreeSet<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
                while (r.next()) {
                    if (!r.getBoolean(2)) {
                        return null; // a failed migration: Flyway says what to do
                    }
                    versions.add(normalized(r.getString(1)));
                }
            }
            return versions;
        } catch (SQLException e) {
            return null; // a new database: no history table yet
        }
    }

    /** The versions of the migration files on the class path; empty when they cannot be listed. */
    static Set<String> carriedVersions() {
        Set<String> versions = new TreeSet<>();
        try {
            Enumeration<URL> roots = SchemaVersion.class.getClassLoader().getResources(LOCATION);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                for (String name : fileNames(root)) {
                    if (name.startsWith("R__")) {
                        return Set.of(); // a repeatable migration: only Flyway knows whether it changed
                    }
                    Matcher m = VERSIONED.matcher(name);
                    if (m.matches()) {
                        versions.add(normalized(m.group(1)));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("Could not list the migrations; Flyway checks the schema", e);
            return Set.of();
        }
        return versions;
    }

    private static Set<String> fileNames(URL root) throws IOException, URISyntaxException {
        Set<String> names = new TreeSet<>();
        if (root.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        } else if (root.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = LOCATION + "/";
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                        names.add(name.substring(prefix.length()));
                    }
                }
            }
        } else {
            throw new IOException("cannot list " + root);
        }
        return names;
    }

    /** "17" and "17.0" are the same version to Flyway; leading zeros too. */
    private static String normalized(String version) {
        String[] parts = version.replace('_', '.').split("\\.");
        int end = parts.length;
        while (end > 1 && Integer.parseInt(parts[end - 1]) == 0) {
            end--;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < end; i++) {
            b.append(i == 0 ? "" : ".").append(Integer.parseInt(parts[i]));
        }
        return b.toString();
    }
}
