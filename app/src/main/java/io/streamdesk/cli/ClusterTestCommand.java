package io.streamdesk.cli;

import io.streamdesk.model.cluster.ConnectivityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "test", description = "Tests connectivity step by step: without HOST, the cluster's own REST API (DNS, "
        + "TCP, TLS, HTTP and auth, Flink version); with HOST[:PORT], DNS and TCP (and TLS on port 443 or with --tls) "
        + "from where the test can run. Exit code 0 only when every step passed.")
final class ClusterTestCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Cluster ID (see cluster list)")
    String clusterId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "HOST[:PORT]", description = "A host to reach, e.g. kafka:9092")
    String target;

    @Option(names = "--tls", description = "Also try a TLS handshake with HOST:PORT")
    boolean tls;

    ClusterTestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String t = target == null ? null : (tls && !target.toLowerCase(java.util.Locale.ROOT).startsWith("tls://")
                ? "tls://" + target : target);
        if (tls && target == null) {
            throw new io.streamdesk.service.InputRejectedException("--tls needs HOST:PORT (the cluster's own test "
                    + "uses TLS when its URL is https).");
        }
        ConnectivityReport report = context.services().clusters().testConnectivity(clusterId, t);
        PrintWriter out = context.out();
        out.println("Testing " + report.target() + " " + report.ranOn());
        for (ConnectivityReport.Step step : report.steps()) {
            out.println(String.format("%-5s %-8s %6d ms  %s", step.ok() ? "ok" : "FAIL", step.name(),
                    step.took().toMillis(), step.detail()));
        }
        out.println(report.ok() ? "All steps passed." : "Failed.");
        return report.ok() ? 0 : CliErrorHandler.FAILED;
    }
}
