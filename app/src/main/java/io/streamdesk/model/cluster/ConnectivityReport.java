package io.streamdesk.model.cluster;

import java.time.Duration;
import java.util.List;

/**
 * The result of a connectivity test (R4): each step in order (DNS, TCP, TLS, HTTP/auth, Flink version) with what it
 * found, up to the first that failed.
 *
 * @param target what was tested, e.g. "kafka:9092" or the cluster's REST URL
 * @param ranOn  where the test ran, in words: "from this desktop" (a remote session cluster's REST API has no way
 *               to test from the JobManager's side), or "from a short-lived pod in namespace ..." (a host test of a
 *               Kubernetes cluster runs inside it)
 */
public record ConnectivityReport(String target, String ranOn, List<Step> steps) {
    public ConnectivityReport {
        steps = List.copyOf(steps);
    }

    /** One step: its name ("DNS", "TCP", "TLS", "HTTP", "Flink"), whether it passed, what it found, how long. */
    public record Step(String name, boolean ok, String detail, Duration took) {
    }

    public boolean ok() {
        return !steps.isEmpty() && steps.stream().allMatch(Step::ok);
    }
}
