package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * EV2 backpressure: the most backpressured operator above 50% is "high", above 80% "too high". The event names
 * the root cause: the first operator downstream of it whose backpressure is under 50% while it is busy over 50%
 * (it cannot keep up, so everything upstream waits for it).
 */
public final class BackpressureRule {
    public static final double HIGH = 0.50;
    public static final double TOO_HIGH = 0.80;
    public static final double ROOT_BACKPRESSURE_BELOW = 0.50;
    public static final double ROOT_BUSY_ABOVE = 0.50;

    /** One operator (job vertex) with its mean backpressured and busy ratio (0..1) over the window. */
    public record VertexLoad(String id, String name, double backpressured, double busy) {
    }

    /** @param verticesInTopologicalOrder the job's vertices from the sources to the sinks */
    public Optional<Finding> evaluate(List<VertexLoad> verticesInTopologicalOrder) {
        int worst = -1;
        for (int i = 0; i < verticesInTopologicalOrder.size(); i++) {
            if (worst < 0 || verticesInTopologicalOrder.get(i).backpressured() > verticesInTopologicalOrder.get(worst).backpressured()) {
                worst = i;
            }
        }
        if (worst < 0 || verticesInTopologicalOrder.get(worst).backpressured() <= HIGH) {
            return Optional.empty();
        }
        VertexLoad top = verticesInTopologicalOrder.get(worst);
        Optional<VertexLoad> root = rootCause(verticesInTopologicalOrder, worst);
        EventKind kind = top.backpressured() > TOO_HIGH ? EventKind.BACKPRESSURE_TOO_HIGH : EventKind.BACKPRESSURE_HIGH;
        String cause = "Operator '" + top.name() + "' is backpressured " + Series.percent(top.backpressured())
                + " of the time; root cause: " + root.map(r -> "'" + r.name() + "'").orElse("no busy operator downstream (a slow sink or external system?)");
        StringBuilder evidence = new StringBuilder();
        for (VertexLoad v : verticesInTopologicalOrder) {
            evidence.append(String.format(Locale.ROOT, "%s: backpressured %s, busy %s%n", v.name(),
                    Series.percent(v.backpressured()), Series.percent(v.busy())));
        }
        String fix = root.map(r -> "Raise the parallelism of '" + r.name() + "' or make it cheaper (state size, lookups, UDFs).")
                .orElse("Check the sink's external system (its throughput, locks, network) or raise the sink parallelism.");
        return Optional.of(Finding.of(kind, cause, evidence.toString().strip(), fix));
    }

    /** The first vertex after {@code from} that is not backpressured but busy. */
    static Optional<VertexLoad> rootCause(List<VertexLoad> ordered, int from) {
        for (int i = from + 1; i < ordered.size(); i++) {
            VertexLoad v = ordered.get(i);
            if (v.backpressured() < ROOT_BACKPRESSURE_BELOW && v.busy() > ROOT_BUSY_ABOVE) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
