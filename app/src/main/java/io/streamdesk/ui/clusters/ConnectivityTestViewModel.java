package io.streamdesk.ui.clusters;

import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connectivity test of one cluster (R4): with the target empty, the cluster's own REST URL (DNS, TCP, TLS,
 * HTTP and auth, Flink version); with a host or host:port, that address (DNS, TCP; TLS with tls://). Each step is a row with its
 * outcome and time; {@link #ranOnProperty()} says where the test ran ("from this desktop").
 */
public final class ConnectivityTestViewModel {
    public static final int MAX_TARGET_LENGTH = 300;
    private static final Pattern HOST_PORT = Pattern.compile(
            "(?<host>\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)(:(?<port>[0-9]{1,5}))?");

    /** One step's row: "DNS", "ok", "10.0.0.3", "12 ms". */
    public record StepRow(String step, boolean ok, String outcome, String detail, String took) {
        static StepRow of(ConnectivityReport.Step s) {
            long ms = s.took() == null ? -1 : s.took().toMillis();
            return new StepRow(s.name(), s.ok(), s.ok() ? "ok" : "failed", s.detail() == null ? "" : s.detail(),
                    ms < 0 ? "" : ms + " ms");
        }
    }

    private final ClusterDirectory directory;
    private final String clusterId;
    private final String clusterName;
    private final UiContext ctx;
    private final StringProperty target = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper targetProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ranOn = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    public ConnectivityTestViewModel(ClusterDirectory directory, String clusterId, String clusterName, UiContext ctx) {
        this.directory = directory;
        this.clusterId = clusterId;
        this.clusterName = clusterName;
        this.ctx = ctx;
        target.addListener((o, a, b) -> targetProblem.set(problemWithTarget(b) == null ? "" : problemWithTarget(b)));
    }

    public String clusterName() {
        return clusterName;
    }

    /** Empty: the cluster's REST URL; else host or host:port. */
    public StringProperty targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty targetProblemProperty() {
        return targetProblem.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    /** "All 5 steps passed in 84 ms" / "TLS failed: …". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ranOnProperty() {
        return ranOn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What is wrong with a host[:port] target, or null (an empty one tests the cluster itself). */
    public static String problemWithTarget(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > MAX_TARGET_LENGTH) {
            return "Host: at most " + MAX_TARGET_LENGTH + " characters.";
        }
        if (t.regionMatches(true, 0, "tls://", 0, 6)) {
            t = t.substring(6); // asks for the TLS handshake too
        }
        if (t.contains("://")) {
            return "Host: give host or host:port without a scheme (e.g. kafka:9092; tls://kafka:9093 checks TLS"
                    + " too); leave it empty to test the cluster's REST URL.";
        }
        Matcher m = HOST_PORT.matcher(t);
        if (!m.matches()) {
            return "Host: \u201c" + t + "\u201d is not a host name or host:port (e.g. kafka:9092, 10.0.0.7:5432).";
        }
        String port = m.group("port");
        if (port != null) {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65_535) {
                return "Port: " + p + " is not between 1 and 65535.";
            }
        }
        return null;
    }

    /** Runs the test off the FX thread. */
    public void run() {
        String t = target.get() == null || target.get().isBlank() ? null : target.get().strip();
        String problem = problemWithTarget(t);
        if (problem != null) {
            targetProblem.set(problem);
            return;
        }
        if (running.get()) {
            return;
        }
        BackgroundTask.wrap(() -> directory.testConnectivity(clusterId, t))
                .titled("Testing connectivity of " + clusterName)
                .onRunning(() -> {
                    running.set(true);
                    steps.clear();
                    ranOn.set("");
                    summary.set("Testing " + (t == null ? "the cluster's REST URL" : t) + "\u2026");
                })
                .onSuccess(this::show)
                .onFailure(e -> summary.set(ClustersViewModel.describe("The test could not run", e)))
                .onFinished(() -> running.set(false))
                .executeWith(ctx);
    }

    private void show(ConnectivityReport report) {
        steps.setAll(report.steps().stream().map(StepRow::of).toList());
        ranOn.set("Tested " + report.target() + (report.ranOn() == null ? "" : " " + report.ranOn()) + ".");
        long total = report.steps().stream().mapToLong(s -> s.took() == null ? 0 : s.took().toMillis()).sum();
        if (report.ok()) {
            summary.set("All " + report.steps().size() + " steps passed in " + total + " ms.");
        } else {
            summary.set(report.steps().stream().filter(s -> !s.ok()).findFirst()
                    .map(s -> s.name() + " failed: " + s.detail())
                    .orElse("Nothing was tested."));
        }
    }
}
