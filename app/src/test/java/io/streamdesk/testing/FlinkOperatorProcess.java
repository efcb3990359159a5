package io.streamdesk.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The REAL Apache Flink Kubernetes Operator 1.7.0 (the newest release on Maven Central) in its own JVM, with its own
 * class path: fabric8 6.8.1, JOSDK 4.4.4 and Flink 1.17.1 clash with the app's fabric8 8 and Flink 2.3, so the build
 * resolves test-harness/flink-operator/pom.xml into a class path file ({@code sd.operatorClasspath}) in a nested
 * Maven run and the operator never touches the test class path.
 *
 * <p>It runs outside a pod: {@code KUBECONFIG} points it at the API server (fabric8's mock here) and, with
 * {@code KUBERNETES_SERVICE_HOST} unset, it reaches a FlinkDeployment's JobManager REST API on
 * {@code localhost:<rest.port>} (the port of the deployment's {@code flinkConfiguration}). {@code FLINK_CONF_DIR}
 * holds its configuration: one watched namespace, short reconcile and observe intervals, no health probe (it would
 * listen on all interfaces), no leader election, and a 5 s Flink client timeout: its 1.17 REST client cannot read a
 * Flink 2.3 {@code /taskmanagers} answer and waits out the timeout on every cluster-info fetch (the default 10 s
 * would slow every observation), while a shorter one makes it flag the JobManager not ready on a loaded machine. stdout and stderr go to {@code operator.out}, its log to
 * {@code operator.log}, both in {@code dir}.
 */
public final class FlinkOperatorProcess implements AutoCloseable {
    private final Path dir;
    private final Process process;

    private FlinkOperatorProcess(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** The operator's class path from the file the build wrote; fails with the fix when it is missing. */
    public static String classPath() throws IOException {
        String file = System.getProperty("sd.operatorClasspath");
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            throw new IllegalStateException("No class path file of the Flink Kubernetes Operator (system property"
                    + " sd.operatorClasspath = " + file + "): run the build's generate-test-resources phase (mvn"
                    + " test-compile), which resolves test-harness/flink-operator/pom.xml");
        }
        return Files.readString(Path.of(file)).strip();
    }

    public static FlinkOperatorProcess start(Path dir, Path kubeconfig, String namespace) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("operator-conf"));
        Files.writeString(conf.resolve("flink-conf.yaml"), """
                kubernetes.operator.watched.namespaces: %s
                kubernetes.operator.reconcile.interval: 2 s
                kubernetes.operator.observer.progress-check.interval: 1 s
                kubernetes.operator.observer.rest-ready.delay: 1 s
                kubernetes.operator.savepoint.trigger.grace-period: 5 s
                kubernetes.operator.health.probe.enabled: false
                kubernetes.operator.leader-election.enabled: false
                kubernetes.operator.dynamic.config.enabled: false
                kubernetes.operator.reconcile.parallelism: 4
                kubernetes.operator.flink.client.timeout: 5 s
                """.formatted(namespace));
        Files.writeString(conf.resolve("log4j-operator.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = File
                appender.file.name = File
                appender.file.type = File
                appender.file.fileName = ${sys:operator.log}
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1} - %m%n
                """);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens")) {
                command.add(arg); // Flink 1.17's reflection on Java 17
            }
        }
        command.add("-Doperator.log=" + dir.resolve("operator.log"));
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j-operator.properties").toUri());
        command.add("-cp");
        command.add(classPath());
        command.add("org.apache.flink.kubernetes.operator.FlinkOperator");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("operator.out").toFile()));
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        builder.environment().remove("KUBERNETES_SERVICE_PORT");
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("FLINK_CONF_DIR", conf.toString());
        builder.environment().put("HOME", dir.toString()); // no ~/.kube/config of the machine
        return new FlinkOperatorProcess(dir, builder.start());
    }

    /**
     * Waits until the operator's FlinkDeployment controller watches (its log says so), so that a figure measured
     * from "create cluster" does not include the operator's own start-up.
     */
    public FlinkOperatorProcess awaitControllerStarted(java.time.Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = log();
        while (!(Files.exists(log) && Files.readString(log).contains("'flinkdeploymentcontroller' controller started"))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Flink Kubernetes Operator exited with " + process.exitValue()
                        + "; see " + log + " and " + dir.resolve("operator.out"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The Flink Kubernetes Operator did not start its controller within "
                        + timeout.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for the operator");
            }
        }
        return this;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where its log is, for failure messages. */
    public Path log() {
        return dir.resolve("operator.log");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
