package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.testing.ListeningSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S4 on real processes: the app (a JVM with the database open in AUTO_SERVER mode, the local cluster started and a
 * job with a network exchange running on it) and the local cluster's child JVM listen on loopback only. The sockets
 * are read from /proc, so the test sees every port Flink or H2 opened, not just the ones we know of.
 */
class LoopbackOnlyTest {

    @Test
    void theAppAndTheLocalClusterListenOnLoopbackOnly(@TempDir Path temp) throws Exception {
        Path dataDir = temp.resolve("data");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // the workload submits SQL with Flink's planner, which needs the same --add-opens as this JVM
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoopbackWorkload.class.getName(),
                dataDir.toString()));
        Process app = new ProcessBuilder(command)
                .redirectError(temp.resolve("workload.err").toFile())
                .start();
        Optional<ProcessHandle> child = Optional.empty();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            awaitLine(out, "RUNNING ");
            long childPid = Long.parseLong(Files.readString(dataDir.resolve("cluster").resolve("pid")).strip());
            child = ProcessHandle.of(childPid);

            List<ListeningSockets.Socket> appSockets = ListeningSockets.of(app.pid());
            List<ListeningSockets.Socket> clusterSockets = ListeningSockets.of(childPid);
            System.out.println("FIGURE app listens on " + appSockets);
            System.out.println("FIGURE local cluster listens on " + clusterSockets);

            // the H2 server the CLI connects to: its address is in the lock file, and it is one of the app's sockets
            String server = h2ServerAddress(dataDir);
            // H2 advertises a loopback bind address as "localhost"; without the bind address it named the host
            assertThat(server).matches("(localhost|127\\.0\\.0\\.1):\\d+");
            int h2Port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            assertThat(appSockets).extracting(ListeningSockets.Socket::port).contains(h2Port);
            assertThat(appSockets).allSatisfy(s -> assertThat(s.onLoopback()).as("app socket %s", s).isTrue());

            // REST is the one port the app needs from the child; the others (RPC, BLOB, data) may or may not exist
            int restPort = java.net.URI.create(Files.readString(dataDir.resolve("cluster").resolve("rest.url")).strip()).getPort();
            assertThat(clusterSockets).extracting(ListeningSockets.Socket::port).contains(restPort);
            assertThat(clusterSockets).allSatisfy(s -> assertThat(s.onLoopback()).as("local cluster socket %s", s).isTrue());

            // a second process (the CLI) reaches the database through that loopback server
            long t0 = System.nanoTime();
            try (AppContext cli = AppContext.open(dataDir, AppOptions.forCli())) {
                assertThat(cli.jobs().list()).extracting(Job::name).contains("loopback");
            }
            System.out.printf("FIGURE CLI side opened and closed in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        } finally {
            long t0 = System.nanoTime();
            app.getOutputStream().close(); // the workload ends, and its tied cluster child with it
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            System.out.printf("FIGURE app side ended in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            child.ifPresent(c -> {
                if (c.isAlive()) {
                    c.destroyForcibly();
                }
            });
        }
    }

    /** H2 writes the AUTO_SERVER address ({@code server=host:port}) into the database's lock file. */
    private static String h2ServerAddress(Path dataDir) throws Exception {
        java.util.Properties lock = new java.util.Properties();
        try (var in = Files.newInputStream(dataDir.resolve("db").resolve("streamdesk.lock.db"))) {
            lock.load(in);
        }
        return lock.getProperty("server");
    }

    private static String awaitLine(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the app side ended before printing " + prefix.strip());
    }
}
