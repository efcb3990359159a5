package io.streamdesk.store;

import io.streamdesk.service.port.StoreException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * The directory that holds everything the app keeps (D3): database, logs, the local cluster's work dir,
 * savepoints. Resolution order: {@code --data-dir}, then {@code STREAMDESK_HOME}, then the platform's
 * per-user data directory (XDG on Linux).
 */
public final class DataDirectory {
    public static final String ENV_HOME = "STREAMDESK_HOME";
    static final String APP_DIR = "streamdesk";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /**
     * Resolves and creates the data directory.
     *
     * @param cliValue the {@code --data-dir} value, or null/blank when not given
     * @param env      the process environment (a map so tests need not touch the real one)
     */
    public static DataDirectory resolve(String cliValue, Map<String, String> env) {
        return at(locate(cliValue, env, System.getProperty("os.name", ""), System.getProperty("user.home")));
    }

    /** Uses {@code root} as the data directory and creates it with its sub-directories. */
    public static DataDirectory at(Path root) {
        DataDirectory dir = new DataDirectory(root.toAbsolutePath().normalize());
        dir.create();
        return dir;
    }

    /** Pure resolution without touching the file system. */
    static Path locate(String cliValue, Map<String, String> env, String osName, String userHome) {
        String home = nonBlank(env.get("HOME")) ? env.get("HOME") : userHome;
        if (nonBlank(cliValue)) {
            return expandTilde(cliValue.trim(), home);
        }
        if (nonBlank(env.get(ENV_HOME))) {
            return expandTilde(env.get(ENV_HOME).trim(), home);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = nonBlank(localAppData) ? Path.of(localAppData) : Path.of(userHome, "AppData", "Local");
            return base.resolve("StreamDesk");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "StreamDesk");
        }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (nonBlank(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, APP_DIR);
        }
        return Path.of(home, ".local", "share", APP_DIR);
    }

    public Path root() {
        return root;
    }

    /** The H2 database files. */
    public Path db() {
        return root.resolve("db");
    }

    /** Rolling log files. */
    public Path logs() {
        return root.resolve("logs");
    }

    /** Work directory of the embedded local Flink cluster. */
    public Path cluster() {
        return root.resolve("cluster");
    }

    /** Savepoints and checkpoints of jobs run on the local cluster. */
    public Path savepoints() {
        return root.resolve("savepoints");
    }

    /** Uploaded dependency files (DP1), content-addressed: see {@link DependencyFiles}. */
    public Path dependencies() {
        return root.resolve("dependencies");
    }

    private void create() {
        boolean existed = Files.isDirectory(root);
        try {
            Files.createDirectories(root);
            if (!existed && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // The directory will hold the secret store's key material (S2): keep other users out.
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
            for (Path sub : new Path[] {db(), logs(), cluster(), savepoints(), dependencies()}) {
                Files.createDirectories(sub);
            }
        } catch (IOException | RuntimeException e) {
            throw new StoreException("Cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static Path expandTilde(String value, String home) {
        if (value.equals("~")) {
            return Path.of(home);
        }
        if (value.startsWith("~/") || value.startsWith("~\\")) {
            return Path.of(home, value.substring(2));
        }
        return Path.of(value);
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
