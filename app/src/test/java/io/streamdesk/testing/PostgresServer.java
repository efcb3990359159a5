package io.streamdesk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (Debian's, {@code /usr/lib/postgresql/<version>/bin}) on loopback for the tests: a fresh cluster
 * made with {@code initdb} in a temporary directory, started with {@code pg_ctl}, password authentication
 * (scram-sha-256), stopped and deleted by {@link #close()}. PostgreSQL refuses to run as root: as root the commands
 * run as the {@code postgres} user the Debian package creates. Start once per test class.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "streamdesk";
    public static final String PASSWORD = "sd-test-pw";

    private final Path dir;
    private final Path data;
    private final Path bin;
    private final int port;
    private boolean started;

    private PostgresServer(Path bin) throws IOException {
        this.bin = bin;
        this.dir = Files.createTempDirectory("sd-pg");
        this.data = dir.resolve("data");
        this.port = freePort();
    }

    /** The bin directory of the newest PostgreSQL installed, or null when there is none. */
    public static Path installation() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static PostgresServer start() throws Exception {
        Path bin = installation();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL is not installed (apt-get install postgresql; .ci/run does)");
        }
        PostgresServer server = new PostgresServer(bin);
        try {
            server.init();
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    private void init() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), PASSWORD);
        Path socketDir = Files.createDirectories(dir.resolve("socket"));
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pw,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"), true);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off",
                "-w", "-t", "60", "start"), true);
        started = true;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            if (started) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "30",
                        "stop"), true);
                started = false;
            }
        } catch (Exception e) {
            throw new IllegalStateException("Stopping PostgreSQL failed: " + e.getMessage(), e);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a command (as postgres when this is root and {@code asPostgres}); fails with its output. */
    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("sd-pg-cmd", ".out");
        try {
            Process p = new ProcessBuilder(full).directory(Path.of("/tmp").toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish within 90 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " exited " + p.exitValue() + ": " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
