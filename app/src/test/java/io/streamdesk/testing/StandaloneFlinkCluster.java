package io.streamdesk.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real standalone Flink session cluster on loopback, as separate JVMs started from the test's own classpath (there
 * is no flink-dist on Maven Central): {@code StandaloneSessionClusterEntrypoint} and one {@code TaskManagerRunner},
 * both with {@code --configDir} and a written {@code config.yaml}. Optionally REST over TLS (and mutual TLS) with a
 * PKCS12 keystore and truststore. Start once per test class; {@link #close()} ends both processes.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {

    /** REST TLS settings: the server's keystore and the truststore (CAs of accepted client certificates). */
    public record RestTlsFiles(Path keystore, Path truststore, String password, boolean mutual) {
    }

    private final Path dir;
    private final Path conf;
    private final int restPort;
    private final RestTlsFiles tls;
    private Process jobManager;
    private Process taskManager;

    private StandaloneFlinkCluster(Path dir, RestTlsFiles tls) throws IOException {
        this.dir = dir;
        this.conf = Files.createDirectories(dir.resolve("conf"));
        this.restPort = freePort();
        this.tls = tls;
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", String.valueOf(freePort()));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("jobmanager.memory.process.size", "600m");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.host", "127.0.0.1");
        c.put("taskmanager.rpc.port", String.valueOf(freePort()));
        c.put("taskmanager.data.port", "0");
        c.put("taskmanager.numberOfTaskSlots", "2");
        c.put("taskmanager.cpu.cores", "2");
        c.put("taskmanager.memory.framework.heap.size", "64m");
        c.put("taskmanager.memory.framework.off-heap.size", "64m");
        c.put("taskmanager.memory.task.heap.size", "128m");
        c.put("taskmanager.memory.task.off-heap.size", "0m");
        c.put("taskmanager.memory.managed.size", "64m");
        c.put("taskmanager.memory.network.min", "32m");
        c.put("taskmanager.memory.network.max", "32m");
        c.put("taskmanager.memory.jvm-metaspace.size", "160m");
        c.put("taskmanager.memory.jvm-overhead.min", "64m");
        c.put("taskmanager.memory.jvm-overhead.max", "64m");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", String.valueOf(restPort));
        c.put("blob.server.port", String.valueOf(freePort()));
        c.put("io.tmp.dirs", Files.createDirectories(dir.resolve("tmp")).toString());
        c.put("web.upload.dir", Files.createDirectories(dir.resolve("uploads")).toString());
        c.put("heartbeat.timeout", "20000");
        c.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
        if (tls != null) {
            c.put("security.ssl.rest.enabled", "true");
            c.put("security.ssl.rest.keystore", tls.keystore().toString());
            c.put("security.ssl.rest.keystore-password", tls.password());
            c.put("security.ssl.rest.key-password", tls.password());
            c.put("security.ssl.rest.truststore", tls.truststore().toString());
            c.put("security.ssl.rest.truststore-password", tls.password());
            c.put("security.ssl.rest.authentication-enabled", String.valueOf(tls.mutual()));
        }
        StringBuilder yaml = new StringBuilder();
        c.forEach((k, v) -> yaml.append(k).append(": ").append('"').append(v.replace("\"", "\\\"")).append('"').append('\n'));
        Files.writeString(conf.resolve("config.yaml"), yaml);
        Files.writeString(conf.resolve("log4j.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = MainAppender
                appender.main.name = MainAppender
                appender.main.type = File
                appender.main.fileName = ${sys:log.file}
                appender.main.layout.type = PatternLayout
                appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1} - %m%n
                """);
    }

    /** Starts the JobManager and the TaskManager and waits until the REST API reports the TaskManager. */
    public static StandaloneFlinkCluster start(Path dir, RestTlsFiles tls) throws IOException {
        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(dir, tls);
        try {
            cluster.startJobManager();
            cluster.taskManager = cluster.launch("org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "taskmanager");
            cluster.await(Duration.ofSeconds(90), () -> cluster.taskManagersRegistered() >= 1, "the TaskManager to register");
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The REST base URL: http or https on 127.0.0.1. */
    public String restUrl() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + restPort;
    }

    public int restPort() {
        return restPort;
    }

    public Path directory() {
        return dir;
    }

    /** Ends the JobManager's process (the TaskManager keeps running and waits for it). */
    public void stopJobManager() {
        stop(jobManager);
        jobManager = null;
    }

    /** Starts the JobManager again on the same ports and waits until REST answers. */
    public void startJobManager() throws IOException {
        jobManager = launch("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "jobmanager");
        await(Duration.ofSeconds(60), () -> restAnswers(), "the JobManager's REST API on port " + restPort);
    }

    private Process launch(String main, String role) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + (role.equals("jobmanager") ? "384m" : "256m"));
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens")) {
                command.add(arg);
            }
        }
        Path log = dir.resolve(role + ".log");
        command.add("-Dlog.file=" + log);
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(io.streamdesk.flink.local.LocalClusterProcess.childClassPath()); // no test classes or test jars
        command.add(main);
        command.add("--configDir");
        command.add(conf.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(role + ".out").toFile()));
        builder.environment().remove("FLINK_CONF_DIR");
        return builder.start();
    }

    /** A TCP connection to the REST port that gets any HTTP answer (TLS: any handshake byte counts). */
    private boolean restAnswers() {
        if (jobManager != null && !jobManager.isAlive()) {
            throw new IllegalStateException("The JobManager exited with " + jobManager.exitValue() + "; see "
                    + dir.resolve("jobmanager.log"));
        }
        if (tls != null) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", restPort)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return get("/config") != null;
    }

    private int taskManagersRegistered() {
        if (taskManager != null && !taskManager.isAlive()) {
            throw new IllegalStateException("The TaskManager exited with " + taskManager.exitValue() + "; see "
                    + dir.resolve("taskmanager.log"));
        }
        if (tls != null) {
            // the fixture has no client TLS: the TaskManager's own log says when it registered
            try {
                Path log = dir.resolve("taskmanager.log");
                return Files.exists(log) && Files.readString(log).contains("Successful registration at resource manager")
                        ? 1 : 0;
            } catch (IOException e) {
                return 0;
            }
        }
        String body = get("/overview");
        if (body == null) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"taskmanagers\":(\\d+)").matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String get(String path) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void await(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; logs in " + dir);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + what);
            }
        }
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends both processes. */
    @Override
    public void close() {
        stop(taskManager);
        stop(jobManager);
        taskManager = null;
        jobManager = null;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a command (keytool, openssl, htpasswd) and fails with its output when it fails. */
    public static void run(Path workDir, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command));
        }
    }
}
